package fi.polku.jobs.outcome;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.config.OutcomeSettings;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.outcome.Share;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Project indicators per region × period (by the episode's intake date) and for the whole project: families
 * and episodes reached in the project arm against the configured target; measured episodes (any arm) against
 * the region's caseload and coverage target; outcome-measure administrations due (one per meeting, respondent
 * and outcome instrument) and skipped; and dropout — project episodes that ended (no meeting in
 * {@code dropout_days} before {@code as_of}) with an expected-response judgement but never on track at their
 * latest session. Counting runs on Spark; the rows are made on the driver from the few aggregates.
 */
final class IndicatorRows {
    static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.PROJECT_INDICATORS);
    /**
     * The notes of a hidden skipped share and a hidden dropout share: one text whatever the reason, since a reason
     * ("fewer than 5 ended episodes") would narrow the hidden count (an attack on the demo's export, 2026-12-01).
     */
    static final String HIDDEN_SKIPPED = "skipped share suppressed: disclosure control";
    static final String HIDDEN_DROPOUT = "dropout suppressed: disclosure control";

    private IndicatorRows() {
    }

    /** The aggregates per region and period from outcome-instrument trajectories. */
    static List<Row> aggregate(Dataset<Row> trajectories, OutcomeSettings settings, LocalDate asOf) {
        Column project = col("arm").equalTo("project");
        Column judged = col("etr_status").isin("on_track", "at_risk", "off_track");
        Dataset<Row> episodes = trajectories
                .groupBy("region", "arm", "case_id", "episode_id")
                .agg(min("first_date").as("first"), max("last_date").as("last"),
                        sum("meetings").as("due"), sum(col("meetings").minus(col("measured_sessions"))).as("skipped"),
                        max(when(col("measured_sessions").gt(0), 1).otherwise(0)).as("measured"),
                        max(when(judged, 1).otherwise(0)).as("judged"),
                        max(when(col("etr_status").equalTo("on_track"), 1).otherwise(0)).as("on_track"))
                .withColumn("ended", when(col("last").lt(date_sub(lit(asOf), settings.dropoutDays())), 1).otherwise(0));
        Column period = settings.periods() == ReportingPeriod.YEAR ? year(col("first")).cast("string")
                : concat(year(col("first")).cast("string"), when(month(col("first")).leq(6), lit("-spring")).otherwise(lit("-autumn")));
        Column[] metrics = {
            countDistinct(when(project, col("case_id"))).as("families"),
            sum(when(project, 1).otherwise(0)).as("episodes"),
            sum("measured").as("measured"), sum("due").as("due"), sum("skipped").as("skipped"),
            sum(when(project, col("ended")).otherwise(0)).as("ended"),
            sum(when(project.and(col("ended").equalTo(1)).and(col("judged").equalTo(1)), 1).otherwise(0)).as("ended_judged"),
            sum(when(project.and(col("ended").equalTo(1)).and(col("judged").equalTo(1)).and(col("on_track").equalTo(0)), 1)
                    .otherwise(0)).as("dropouts")};
        // Every episode counts once in its intake period and once in the whole project.
        return episodes.withColumn("period", period)
                .unionByName(episodes.withColumn("period", lit(ReportingPeriod.ALL_PERIODS)))
                .groupBy("region", "period").agg(metrics[0], java.util.Arrays.copyOfRange(metrics, 1, metrics.length))
                .orderBy("region", "period").collectAsList();
    }

    /** Whether dropouts (and completers) are each 0 or at least k among at least k ended episodes with a judgement. */
    private static boolean dropoutsShown(long endedJudged, long dropouts, int k) {
        return endedJudged >= k && !(dropouts > 0 && dropouts < k) && !(endedJudged - dropouts > 0 && endedJudged - dropouts < k);
    }

    static List<Row> of(List<Row> aggregates, OutcomeSettings settings, boolean synthetic) {
        Map<String, OutcomeSettings.Target> targets = settings.targets().stream()
                .collect(Collectors.toMap(OutcomeSettings.Target::region, Function.identity(), (a, b) -> b));
        int k = settings.minCell();
        // A region whose dropouts are hidden in some period hides its whole-period dropouts too: the periods add up to
        // it, so the whole less the shown periods gave the hidden ones' sum (the denominators follow from the shown
        // Wilson intervals); an attack on the demo's export (2026-12-01) narrowed region 20's two hidden terms to [2, 4].
        java.util.Set<String> hiddenInAPeriod = new java.util.HashSet<>();
        for (Row a : aggregates) {
            if (!ReportingPeriod.ALL_PERIODS.equals(a.getAs("period"))
                    && !dropoutsShown(a.<Long>getAs("ended_judged"), a.<Long>getAs("dropouts"), k)) {
                hiddenInAPeriod.add(a.getAs("region"));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row a : aggregates) {
            String region = a.getAs("region");
            String period = a.getAs("period");
            boolean whole = ReportingPeriod.ALL_PERIODS.equals(period);
            long families = a.getAs("families");
            long episodes = a.getAs("episodes");
            long measured = a.getAs("measured");
            long due = a.getAs("due");
            long skipped = a.getAs("skipped");
            long ended = a.getAs("ended");
            long endedJudged = a.getAs("ended_judged");
            long dropouts = a.getAs("dropouts");
            List<String> notes = new ArrayList<>();
            RowBuilder b = new RowBuilder(SCHEMA).set("region", region).set("period", period).set("families_reached", families)
                    .set("episodes_reached", episodes).set("measured_episodes", measured).set("meetings", due)
                    .set("skipped_meetings", skipped).set("ended_episodes", ended).set("synthetic", synthetic);
            OutcomeSettings.Target t = targets.get(region);
            if (t != null && whole) {
                if (t.families() != null) {
                    b.set("families_target", t.families()).set("families_share_of_target", (double) families / t.families());
                }
                if (t.caseload() != null) {
                    double coverage = (double) measured / t.caseload();
                    b.set("caseload", t.caseload()).set("coverage", coverage);
                    if (t.coverage() != null) {
                        b.set("coverage_target", t.coverage()).set("coverage_met", coverage >= t.coverage());
                    }
                }
            } else if (t != null) {
                notes.add("targets are for the whole project: see period " + ReportingPeriod.ALL_PERIODS);
            } else if (whole) {
                notes.add("no targets in the config for this region");
            }
            if (due >= k) {
                Share s = Share.of(skipped, due);
                b.set("skipped_share", s.share()).set("skipped_lower", s.lower()).set("skipped_upper", s.upper());
            } else {
                notes.add(HIDDEN_SKIPPED);
            }
            if (endedJudged < k) {
                notes.add(HIDDEN_DROPOUT);
            } else if (!dropoutsShown(endedJudged, dropouts, k)) {
                notes.add(HIDDEN_DROPOUT);
            } else if (whole && hiddenInAPeriod.contains(region)) {
                notes.add(HIDDEN_DROPOUT);
            } else {
                Share s = Share.of(dropouts, endedJudged);
                b.set("dropouts", dropouts).set("dropout_share", s.share()).set("dropout_lower", s.lower())
                        .set("dropout_upper", s.upper());
            }
            out.add(b.set("status", notes.isEmpty() ? "ok" : String.join("; ", notes)).build());
        }
        return out;
    }
}
