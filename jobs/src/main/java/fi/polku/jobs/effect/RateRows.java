package fi.polku.jobs.effect;

import fi.polku.contract.Tables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.rates.PoissonRate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** One statistics row, joined with its population, as a {@code region_rates} row. */
final class RateRows {
    static final StructType SCHEMA = SparkSchemas.of(Tables.REGION_RATES);

    private RateRows() {
    }

    /** The rate row of a joined row (columns of region_statistics plus {@code joined_population}). */
    static Row of(Row r) {
        Long given = r.getAs("population");
        Long joined = r.getAs("joined_population");
        Long population = given != null ? given : joined;
        long count = r.<Long>getAs("count");
        RowBuilder b = new RowBuilder(SCHEMA).set("region", r.getAs("region")).set("indicator", r.getAs("indicator"))
                .set("age_group", r.getAs("age_group")).set("period", r.getAs("period")).set("year", r.getAs("year"))
                .set("month", r.getAs("month")).set("count", count).set("population", population)
                .set("population_source", given != null ? "region_statistics" : joined != null ? "populations" : null)
                .set("synthetic", r.<Boolean>getAs("synthetic"));
        if (population == null || population == 0) {
            return b.set("rate_status", population == null ? "no population for this region, year and age group"
                    : "population 0: no rate").build();
        }
        PoissonRate rate = PoissonRate.perThousand(count, population);
        return b.set("rate_per_1000", rate.rate()).set("ci_lower", rate.lower()).set("ci_upper", rate.upper())
                .set("rate_status", "exact Poisson 95 % interval").build();
    }
}
