package fi.polku.jobs.outcome;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fi.polku.change.PrePostMoments;
import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.config.OutcomeSettings;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.ArmContrast;
import fi.polku.outcome.Interval;
import fi.polku.outcome.PairedBootstrap;
import fi.polku.outcome.PrePostEffectSizes;
import fi.polku.outcome.Share;
import fi.polku.outcome.ReportingPeriod;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of one region × instrument × respondent × period cell, one per arm present: n, means, change and
 * effect sizes with analytic and bootstrap intervals, category counts and shares with Wilson intervals, and the
 * project-vs-comparison contrast. Estimates need min_cell cases (a statistical floor); disclosure control of
 * what is published happens where it is published. The per-case work is engine code; this class only
 * gathers the cell's trajectories and writes the row.
 */
final class OutcomeCells {
    static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.REGION_OUTCOMES);
    static final String OK = "ok";

    /** The trajectories of one arm of a cell. */
    private static final class Arm {
        long episodes;
        final List<double[]> complete = new ArrayList<>();
        final PrePostMoments moments = PrePostMoments.create();
        // Whole hundredths (the recording precision): exact sums, so means do not depend on row order.
        long intakeSum;
        long intakeN;
        long latestSum;
        long latestN;
        long completeIntakeSum;
        long completeLatestSum;
        final Map<String, Long> categories = new LinkedHashMap<>();
        String rciMethod = "";
        boolean synthetic;

        Arm() {
            OutcomeTables.CATEGORIES.forEach(c -> categories.put(c, 0L));
        }
    }

    private OutcomeCells() {
    }

    /** The columns that name a cell. */
    static final List<String> CELL = List.of("region", "instrument", "respondent", "period");

    /**
     * Each cell × arm's sufficient statistics from outcome-instrument trajectories, aggregated by Spark SQL
     * (partial sums in every task, merged after the shuffle): counts, sums of whole hundredths, category counts,
     * and the complete cases' (intake, latest) pairs as a compact array, which the bootstrap needs whole. Every
     * trajectory counts in its intake period's cell and in the whole-project cell.
     */
    static Dataset<Row> partials(Dataset<Row> trajectories, ReportingPeriod periods) {
        UserDefinedFunction hundredths = udf((UDF1<Double, Long>) v -> v == null ? null : Math.round(v * 100),
                DataTypes.LongType);
        UserDefinedFunction label = udf((UDF1<LocalDate, String>) periods::label, DataTypes.StringType);
        Dataset<Row> slim = trajectories.select(col("region"), col("instrument"), col("respondent"), col("arm"),
                col("first_date"), col("intake_score"), col("latest_score"), col("change").isNotNull().as("complete"),
                col("change_category"), col("rci_method"), col("synthetic"));
        Dataset<Row> both = slim.withColumn("period", label.apply(col("first_date")))
                .unionByName(slim.withColumn("period", lit(ReportingPeriod.ALL_PERIODS)));
        Column intake = hundredths.apply(col("intake_score"));
        Column latest = hundredths.apply(col("latest_score"));
        Column complete = col("complete");
        List<Column> sums = new ArrayList<>(List.of(
                coalesce(sum(intake), lit(0L)).as("intake_sum"), count(col("intake_score")).as("intake_n"),
                coalesce(sum(latest), lit(0L)).as("latest_sum"), count(col("latest_score")).as("latest_n"),
                coalesce(sum(when(complete, intake)), lit(0L)).as("complete_intake_sum"),
                coalesce(sum(when(complete, latest)), lit(0L)).as("complete_latest_sum"),
                collect_list(when(complete, array(col("intake_score"), col("latest_score")))).as("pairs"),
                max("rci_method").as("rci_method"), max("synthetic").as("synthetic")));
        for (String c : OutcomeTables.CATEGORIES) {
            sums.add(count(when(col("change_category").equalTo(c), lit(1))).as(c));
        }
        return both.groupBy(col("region"), col("instrument"), col("respondent"), col("period"), col("arm"))
                .agg(count(lit(1)).as("episodes"), sums.toArray(Column[]::new));
    }

    /** The rows of one cell from its arms' {@link #partials}. */
    static Iterator<Row> of(List<Row> arms, OutcomeSettings settings) {
        Row any = arms.get(0);
        String[] k = {any.getAs("region"), any.getAs("instrument"), any.getAs("respondent"), any.getAs("period")};
        Map<String, Arm> byArm = new TreeMap<>();
        for (Row r : arms) {
            Arm a = new Arm();
            a.episodes = r.<Long>getAs("episodes");
            a.intakeSum = r.<Long>getAs("intake_sum");
            a.intakeN = r.<Long>getAs("intake_n");
            a.latestSum = r.<Long>getAs("latest_sum");
            a.latestN = r.<Long>getAs("latest_n");
            a.completeIntakeSum = r.<Long>getAs("complete_intake_sum");
            a.completeLatestSum = r.<Long>getAs("complete_latest_sum");
            for (Object pair : r.getList(r.fieldIndex("pairs"))) {
                List<?> p = asList(pair);
                double pre = (Double) p.get(0);
                double post = (Double) p.get(1);
                a.complete.add(new double[] {pre, post});
                a.moments.accept(pre, post);
            }
            for (String c : OutcomeTables.CATEGORIES) {
                a.categories.put(c, r.<Long>getAs(c));
            }
            a.rciMethod = r.getAs("rci_method");
            a.synthetic = r.<Boolean>getAs("synthetic");
            byArm.put(r.getAs("arm"), a);
        }
        Contrast contrast = contrast(byArm, settings.minCell());
        List<Row> out = new ArrayList<>();
        byArm.forEach((arm, a) -> out.add(row(k, arm, a, contrast, settings)));
        return out.iterator();
    }

    private static List<?> asList(Object array) {
        return array instanceof scala.collection.Seq<?> seq ? scala.jdk.javaapi.CollectionConverters.asJava(seq)
                : (List<?>) array;
    }

    private record Contrast(ArmContrast.Result result, String status) {
    }

    private static Contrast contrast(Map<String, Arm> arms, int minCell) {
        Arm project = arms.get("project");
        Arm comparison = arms.get("comparison");
        if (project == null || comparison == null) {
            return new Contrast(null, "no " + (project == null ? "project" : "comparison") + " arm in this cell");
        }
        long smaller = Math.min(project.moments.count(), comparison.moments.count());
        if (smaller < Math.max(minCell, 3)) {
            return new Contrast(null, "an arm has fewer than " + Math.max(minCell, 3) + " complete cases");
        }
        try {
            return new Contrast(ArmContrast.of(project.moments, comparison.moments), OK);
        } catch (IllegalStateException e) {
            return new Contrast(null, "not estimable: " + e.getMessage());
        }
    }

    private static Row row(String[] k, String arm, Arm a, Contrast contrast, OutcomeSettings settings) {
        long seed = seed(settings.seed(), String.join("/", k) + "/" + arm);
        RowBuilder b = new RowBuilder(SCHEMA).set("region", k[0]).set("instrument", k[1]).set("respondent", k[2])
                .set("arm", arm).set("period", k[3]).set("n_episodes", a.episodes).set("n_complete", a.moments.count())
                .set("g_correction", PrePostEffectSizes.CORRECTION).set("boot_seed", seed)
                .set("rci_method", a.rciMethod).set("synthetic", a.synthetic);
        int minCell = settings.minCell();
        long assessed = a.categories.values().stream().mapToLong(Long::longValue).sum();
        b.set("n_assessed", assessed);
        b.set("shares_status", shares(b, a.categories, assessed));
        if (a.episodes < minCell) {
            String why = "suppressed_small_cell: fewer than " + minCell + " episodes";
            return b.set("status", why).set("contrast_status", why).build();
        }
        b.set("intake_mean", a.intakeN == 0 ? null : a.intakeSum / 100.0 / a.intakeN)
                .set("latest_mean", a.latestN == 0 ? null : a.latestSum / 100.0 / a.latestN);
        b.set("status", effectSizes(b, a, minCell, seed, settings.bootstrapReplicates()));
        if (contrast.result() != null) {
            ArmContrast.Result c = contrast.result();
            interval(b, "contrast_difference", c.difference());
            interval(b, "contrast_g", c.hedgesG());
            interval(b, "contrast_adjusted", c.adjustedDifference());
        }
        return b.set("contrast_status", contrast.status()).build();
    }

    private static String effectSizes(RowBuilder b, Arm a, int minCell, long seed, int replicates) {
        long n = a.moments.count();
        if (n < Math.max(minCell, 3)) {
            return "too_few_complete: " + n + " episodes with intake and latest score, fewer than " + Math.max(minCell, 3);
        }
        // The means the change is the difference of: the same complete cases, so the three figures reconcile.
        b.set("intake_mean_complete", a.completeIntakeSum / 100.0 / n).set("latest_mean_complete", a.completeLatestSum / 100.0 / n);
        PrePostEffectSizes e;
        try {
            e = PrePostEffectSizes.of(a.moments);
        } catch (IllegalStateException ex) {
            return "not_estimable: " + ex.getMessage();
        }
        interval(b, "mean_change", e.meanChange());
        b.set("t_statistic", e.t()).set("p_value", e.p());
        interval(b, "d_z", e.dz());
        interval(b, "d_rm", e.drm());
        interval(b, "d_av", e.dav());
        interval(b, "g_av", e.gav());
        b.set("g_av_se", e.gav().se());
        double[] pre = new double[a.complete.size()];
        double[] post = new double[a.complete.size()];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = a.complete.get(i)[0];
            post[i] = a.complete.get(i)[1];
        }
        PairedBootstrap.Result boot = PairedBootstrap.withSeed(seed).withReplicates(replicates).of(pre, post,
                PairedBootstrap.Statistic.G_AV);
        b.set("boot_g_av_percentile_lower", boot.percentileLower()).set("boot_g_av_percentile_upper", boot.percentileUpper())
                .set("boot_g_av_bca_lower", boot.bcaLower()).set("boot_g_av_bca_upper", boot.bcaUpper())
                .set("boot_replicates", boot.usedReplicates());
        return OK;
    }

    /**
     * Every category's count, share and Wilson interval: this table is the researchers'; the published surfaces
     * (pages, export) hide small cells through {@code fi.polku.jobs.disclosure.OutcomeDisclosure}.
     */
    private static String shares(RowBuilder b, Map<String, Long> counts, long assessed) {
        if (assessed == 0) {
            return "not_assessed: no episode has a change category (see trajectories.assessment_status)";
        }
        counts.forEach((category, count) -> {
            Share s = Share.of(count, assessed);
            b.set(category + "_n", count).set(category + "_share", s.share()).set(category + "_lower", s.lower())
                    .set(category + "_upper", s.upper());
        });
        return OK;
    }

    private static void interval(RowBuilder b, String name, Interval i) {
        b.set(name, i.estimate()).set(name + "_lower", i.lower()).set(name + "_upper", i.upper());
    }

    /** The configured seed mixed with the cell's name (FNV-1a), so cells resample independently and reproducibly. */
    static long seed(long base, String cell) {
        long h = 0xcbf29ce484222325L ^ base;
        for (byte x : cell.getBytes(StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h & Long.MAX_VALUE;
    }
}
