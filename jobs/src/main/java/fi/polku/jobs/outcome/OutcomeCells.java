package fi.polku.jobs.outcome;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

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

    /** Key fields of a cell: region, instrument, respondent, period. */
    static String key(String region, String instrument, String respondent, String period) {
        return String.join("\u0000", region, instrument, respondent, period);
    }

    /** The cell's rows from (key, trajectory) pairs, as Spark groups them. */
    static List<Row> ofKeyed(String key, Iterator<Tuple2<String, Row>> keyed, OutcomeSettings settings) {
        List<Row> rows = new ArrayList<>();
        keyed.forEachRemaining(t -> rows.add(t._2()));
        return of(key, rows.iterator(), settings);
    }

    static List<Row> of(String key, Iterator<Row> rows, OutcomeSettings settings) {
        String[] k = key.split("\u0000");
        Map<String, Arm> arms = new TreeMap<>();
        rows.forEachRemaining(r -> {
            Arm a = arms.computeIfAbsent(r.getAs("arm"), x -> new Arm());
            a.episodes++;
            Double intake = r.getAs("intake_score");
            Double latest = r.getAs("latest_score");
            if (intake != null) {
                a.intakeSum += Math.round(intake * 100);
                a.intakeN++;
            }
            if (latest != null) {
                a.latestSum += Math.round(latest * 100);
                a.latestN++;
            }
            if (r.getAs("change") != null) {
                a.completeIntakeSum += Math.round(intake * 100);
                a.completeLatestSum += Math.round(latest * 100);
                a.complete.add(new double[] {intake, latest});
                a.moments.accept(intake, latest);
            }
            String category = r.getAs("change_category");
            if (category != null) {
                a.categories.merge(category, 1L, Long::sum);
            }
            a.rciMethod = r.getAs("rci_method");
            a.synthetic |= r.<Boolean>getAs("synthetic");
        });
        Contrast contrast = contrast(arms, settings.minCell());
        List<Row> out = new ArrayList<>();
        arms.forEach((arm, a) -> out.add(row(k, arm, a, contrast, settings)));
        return out;
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
