package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fi.polku.contract.Instrument;
import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.outcome.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the export's microdata tell about the cells of {@code region_outcomes}: the outcome trajectories of the
 * episodes the microdata publish, counted into the rows they belong to (intake period and {@code all}) as the
 * outcomes stage counts them — episodes, complete pairs, change categories and their sum {@code n_assessed}, and
 * the intake, latest and change sums over the complete pairs (scores to the hundredth, as the stage sums them).
 * An attacker holding the microdata can make this recount; {@link OutcomeDisclosure#auditWithRecords} attacks the
 * hidden figures with it. Episodes the k-anonymisation later drops are counted as published too, which can only
 * make the audit stricter.
 */
final class RecordRecount {
    private static final String[] KEY = {"region", "instrument", "respondent", "arm", "period"};

    private RecordRecount() {
    }

    /**
     * The known part of every figure of {@code rowKeys}' rows (0 where no published record falls in the row).
     *
     * @param trajectories the run's trajectories (every instrument; only outcome instruments make region_outcomes)
     * @param withheld     episode_id of the episodes left out of the microdata
     * @param periods      how region_outcomes cuts time
     * @param rowKeys      keys of every region_outcomes row ({@link OutcomeDisclosure#key})
     */
    static Map<String, Double> of(Dataset<Row> trajectories, Dataset<Row> withheld, ReportingPeriod periods, Collection<String> rowKeys) {
        List<String> outcome = Instrument.codes(Instrument.Kind.OUTCOME);
        StructType schema = new StructType().add("region", DataTypes.StringType).add("instrument", DataTypes.StringType)
                .add("respondent", DataTypes.StringType).add("arm", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("complete", DataTypes.IntegerType).add("category", DataTypes.StringType)
                .add("intake_cents", DataTypes.LongType).add("latest_cents", DataTypes.LongType);
        Dataset<Row> published = trajectories.filter(col("instrument").isin(outcome.toArray())).transform(t -> WithheldMicrodata.without(t, withheld))
                .map((MapFunction<Row, Row>) r -> {
                    boolean complete = r.getAs("change") != null;
                    return RowFactory.create(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm"),
                            periods.label(r.<LocalDate>getAs("first_date")), complete ? 1 : 0, r.getAs("change_category"),
                            complete ? Math.round(r.<Double>getAs("intake_score") * 100) : 0L,
                            complete ? Math.round(r.<Double>getAs("latest_score") * 100) : 0L);
                }, Encoders.row(schema));
        Dataset<Row> both = published.union(published.withColumn("period", lit(ReportingPeriod.ALL_PERIODS)));
        List<Column> aggregates = new ArrayList<>(List.of(sum("complete").as("n_complete"), sum("intake_cents").as("intake_cents"),
                sum("latest_cents").as("latest_cents")));
        OutcomeTables.CATEGORIES.forEach(c -> aggregates.add(sum(when(col("category").equalTo(c), 1).otherwise(0)).as(c)));
        Map<String, Double> known = new HashMap<>();
        rowKeys.forEach(key -> OutcomeDisclosure.figures(key).values().forEach(id -> known.put(id, 0.0)));
        for (Row r : both.groupBy(KEY[0], Arrays.copyOfRange(KEY, 1, KEY.length)).agg(count("*").as("n_episodes"),
                aggregates.toArray(Column[]::new)).collectAsList()) {
            String key = OutcomeDisclosure.key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm"), r.getAs("period"));
            Map<String, String> figures = OutcomeDisclosure.figures(key);
            if (!rowKeys.contains(key)) {
                throw new IllegalStateException("published records fall in " + key + ", which region_outcomes does not have");
            }
            long assessed = 0;
            for (String c : OutcomeTables.CATEGORIES) {
                long n = r.<Long>getAs(c);
                assessed += n;
                known.put(figures.get(c), (double) n);
            }
            double intake = r.<Long>getAs("intake_cents") / 100.0;
            double latest = r.<Long>getAs("latest_cents") / 100.0;
            known.put(figures.get("n_episodes"), (double) r.<Long>getAs("n_episodes"));
            known.put(figures.get("n_complete"), (double) r.<Long>getAs("n_complete"));
            known.put(figures.get("n_assessed"), (double) assessed);
            known.put(figures.get("intake_sum"), intake);
            known.put(figures.get("latest_sum"), latest);
            known.put(figures.get("change_sum"), latest - intake);
        }
        return known;
    }
}
