package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.ExportSettings;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * An episode table turned into its export form ({@link ExportTables}): joined to the published episodes (a
 * suppressed episode has no key and drops out), identifiers swapped for the key, dates coarsened, and the
 * 3X10D child versions (7–9, 10–13, 14–17, finer than the age band) merged into {@code 7-17}.
 */
final class Microdata {
    /** The 3X10D child versions, one published value. */
    static final String CHILD_VERSIONS = "7-17";

    /** Export row order after the key. */
    private static final Map<String, List<String>> ORDER = Map.of(
            "sessions", List.of("respondent", "instrument", "session_no"),
            "trajectories", List.of("respondent", "instrument"),
            "domain_change", List.of("respondent", "domain"));

    private Microdata() {
    }

    /**
     * The table's export rows, in the order they are written.
     *
     * @param withheld episode_id of the episodes left out ({@link WithheldMicrodata}): every row of theirs
     */
    static Dataset<Row> of(TableSchema source, TableSchema export, Dataset<Row> rows, Dataset<Row> keys, ExportSettings.Dates dates,
                           Dataset<Row> withheld) {
        Dataset<Row> joined = rows.join(keys, "episode_id");
        if (export.columns().stream().anyMatch(c -> c.name().equals("days_since_first"))) {
            // Days since the episode's first session, whether or not that session is published.
            joined = joined.withColumn("first_session", min(col("session_date")).over(Window.partitionBy("episode_id")));
        }
        joined = WithheldMicrodata.without(joined, withheld);
        List<org.apache.spark.sql.Column> select = new ArrayList<>();
        for (Column c : export.columns()) {
            select.add(expression(source, c, dates).cast(SparkSchemas.type(c.type())).alias(c.name()));
        }
        List<org.apache.spark.sql.Column> order = new ArrayList<>();
        order.add(col("episode_key"));
        ORDER.get(export.name()).forEach(name -> order.add(col(name)));
        return joined.select(select.toArray(org.apache.spark.sql.Column[]::new)).orderBy(order.toArray(org.apache.spark.sql.Column[]::new));
    }

    private static org.apache.spark.sql.Column expression(TableSchema source, Column c, ExportSettings.Dates dates) {
        switch (c.name()) {
            case "region":
                return col("export_region");
            case "age_band":
                return col("export_age_band");
            case "days_since_first":
                return datediff(col("session_date"), col("first_session"));
            case "version":
                return when(col("version").isin("7-9", "10-13", "14-17"), lit(CHILD_VERSIONS)).otherwise(col("version"));
            default:
                break;
        }
        for (Column s : source.columns()) {
            if (s.type() == ColumnType.DATE && ExportTables.exportName(s).equals(c.name())) {
                return period(col(s.name()), dates);
            }
        }
        return col(c.name());
    }

    /** A date as its month ({@code 2025-03}) or term ({@code 2025-spring}, {@code 2025-autumn}). */
    static org.apache.spark.sql.Column period(org.apache.spark.sql.Column date, ExportSettings.Dates dates) {
        return dates == ExportSettings.Dates.MONTH ? date_format(date, "yyyy-MM")
                : concat(year(date).cast("string"), when(month(date).leq(6), lit("-spring")).otherwise(lit("-autumn")));
    }
}
