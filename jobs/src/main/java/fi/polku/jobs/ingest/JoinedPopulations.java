package fi.polku.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import fi.polku.contract.RowSource;
import fi.polku.contract.Tables;
import fi.polku.ingest.Parsed;
import fi.polku.ingest.Problem;
import fi.polku.ingest.StatisticPlausibility;
import fi.polku.jobs.reference.ReferenceData;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The plausibility rules for statistics whose population comes from the separate {@code populations} dataset
 * (issue 17): a clean {@code region_statistics} row without its own population is joined to the clean
 * {@code populations} row of the same region, year and age group — the join {@code region_rates} makes — and
 * a count over a population of 0, more persons than the population, or a rate above the indicator's maximum
 * moves the statistics row to the quarantine, naming the populations file and line. A row with no population
 * row at all stays clean: the count itself is valid, it only gets no rate ({@code rate_status}
 * {@code no_rate}, "no population for this region, year and age group"). Rows are replaced one for one, so
 * rows in = clean + quarantined per file still holds.
 */
final class JoinedPopulations {
    private static final String PREFIX = "joined_";

    private JoinedPopulations() {
    }

    /**
     * The staged {@code region_statistics} rows after the joined-population rules.
     *
     * @param statistics  all staged statistics rows (clean and quarantined) after the cross-row rules
     * @param populations all staged population rows after the cross-row rules (clean rows are unique by key)
     */
    static Dataset<Row> check(Dataset<Row> statistics, Dataset<Row> populations, ReferenceData reference) {
        Dataset<Row> clean = populations.filter(col(Staged.Q_REASON_CODE).isNull()).select(
                col("region").as(PREFIX + "region"), col("year").as(PREFIX + "year"),
                col("age_group").as(PREFIX + "age_group"), col("population").as(PREFIX + "population"),
                col("source_file").as(PREFIX + "file"), col("source_line").as(PREFIX + "line"));
        Dataset<Row> joined = statistics.join(clean, statistics.col("population").isNull()
                .and(statistics.col(Staged.Q_REASON_CODE).isNull())
                .and(statistics.col("region").equalTo(clean.col(PREFIX + "region")))
                .and(statistics.col("year").equalTo(clean.col(PREFIX + "year")))
                .and(statistics.col("age_group").equalTo(clean.col(PREFIX + "age_group"))), "left");
        StructType staged = statistics.schema();
        int width = staged.size();
        return joined.map((MapFunction<Row, Row>) r -> checked(r, width, reference), Encoders.row(staged));
    }

    private static Row checked(Row r, int width, ReferenceData reference) {
        Object[] own = new Object[width];
        for (int i = 0; i < width; i++) {
            own[i] = r.get(i);
        }
        Long population = r.getAs(PREFIX + "population");
        if (population == null) {
            return RowFactory.create(own);
        }
        String from = r.<String>getAs(PREFIX + "file") + " line " + r.<Long>getAs(PREFIX + "line");
        Optional<Problem> problem = StatisticPlausibility.problem(reference.indicators(), r.getAs("indicator"),
                r.getAs("age_group"), r.<Long>getAs("count"), population, from);
        if (problem.isEmpty()) {
            return RowFactory.create(own);
        }
        RowSource source = new RowSource(r.getAs("source_file"), r.<Long>getAs("source_line"));
        return Staged.rejected(Tables.REGION_STATISTICS, new Parsed.Rejected<>(source, List.of(problem.get()),
                r.getAs(Staged.RAW), r.getAs("region")), r.<Boolean>getAs("synthetic"));
    }
}
