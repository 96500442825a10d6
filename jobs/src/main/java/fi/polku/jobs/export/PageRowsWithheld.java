package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fi.polku.contract.Instrument;
import fi.polku.jobs.spark.Columns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The records behind the pages' small figures that the microdata would otherwise recount exactly: the pages'
 * alliance table (region × respondent × arm: clients with SRS, below/above the cutoff, dropped/kept), on/off-track
 * table (region × instrument × respondent × arm: judged, on track, at risk, off track) and 3X10D table (region × arm
 * × domain: rated, better, worse, same) hide a figure from 1 to k − 1 together with the row's other parts. For every
 * such row with a figure in 1..k−1, its records leave the microdata: the whole episodes for the alliance and track
 * rows (their figures are columns of the outcome trajectories), the rows of that domain for the 3X10D table. A hidden
 * figure's cases are then never records, and the row's shown figures, less the records, give back only the row
 * itself. The rule mirrors the pages' (the aggregates of {@code ReportData} and {@code TrackSection}, at
 * {@code min_cell}); it hides the whole row where the pages may show some of it.
 */
final class PageRowsWithheld {
    private static final List<String> TRACK = List.of("on_track", "at_risk", "off_track");

    private PageRowsWithheld() {
    }

    /** episode_id of the episodes in an alliance or track row of the pages with a figure from 1 to k − 1 (distinct). */
    static Dataset<Row> episodes(Dataset<Row> trajectories, int k) {
        Object[] outcome = Instrument.codes(Instrument.Kind.OUTCOME).toArray();
        Map<String, Column> alliance = new LinkedHashMap<>();
        alliance.put("below", when(col("alliance_below_cutoff"), 1).otherwise(0));
        alliance.put("above", when(col("alliance_below_cutoff"), 0).otherwise(1));
        alliance.put("dropped", when(col("alliance_drop"), 1).otherwise(0));
        alliance.put("kept", when(col("alliance_drop"), 0).otherwise(1));
        Dataset<Row> allianceRows = small(trajectories.filter(col("instrument").isin(outcome).and(col("alliance_sessions").gt(0))),
                List.of("region", "respondent", "arm"), alliance, k);
        Map<String, Column> track = new LinkedHashMap<>();
        TRACK.forEach(s -> track.put(s, when(col("etr_status").equalTo(s), 1).otherwise(0)));
        Dataset<Row> trackRows = small(trajectories.filter(col("etr_status").isin(TRACK.toArray())),
                List.of("region", "instrument", "respondent", "arm"), track, k);
        return allianceRows.select("episode_id").union(trackRows.select("episode_id")).distinct();
    }

    /** {@code domains} without the rows of a pages' 3X10D row (region × arm × domain) with a figure from 1 to k − 1. */
    static Dataset<Row> domainsPublishable(Dataset<Row> domains, int k) {
        Map<String, Column> parts = new LinkedHashMap<>();
        parts.put("better", when(col("change").gt(0), 1).otherwise(0));
        parts.put("worse", when(col("change").lt(0), 1).otherwise(0));
        parts.put("same", when(col("change").equalTo(0), 1).otherwise(0));
        Dataset<Row> rated = domains.filter(col("change").isNotNull());
        Dataset<Row> hidden = small(rated, List.of("region", "arm", "domain"), parts, k).select("episode_id", "respondent", "domain")
                .toDF("h_episode", "h_respondent", "h_domain");
        return domains.join(hidden, domains.col("episode_id").equalTo(hidden.col("h_episode"))
                .and(domains.col("respondent").equalTo(hidden.col("h_respondent"))).and(domains.col("domain").equalTo(hidden.col("h_domain"))),
                "left_anti");
    }

    /** The rows of {@code source} in a group of {@code keys} whose count or a part's sum is from 1 to k − 1. */
    private static Dataset<Row> small(Dataset<Row> source, List<String> keys, Map<String, Column> parts, int k) {
        WindowSpec group = Window.partitionBy(Columns.named(keys));
        Dataset<Row> counted = source.withColumn("row_n", count(lit(1)).over(group));
        Column any = small(col("row_n"), k);
        for (Map.Entry<String, Column> p : parts.entrySet()) {
            counted = counted.withColumn("row_" + p.getKey(), sum(p.getValue()).over(group));
            any = any.or(small(col("row_" + p.getKey()), k));
        }
        return counted.filter(any);
    }

    private static Column small(Column n, int k) {
        return n.geq(1).and(n.lt(k));
    }
}
