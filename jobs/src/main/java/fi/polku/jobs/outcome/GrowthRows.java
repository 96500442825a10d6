package fi.polku.jobs.outcome;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.GrowthModel;
import fi.polku.outcome.GrowthMoments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The growth model of one region × instrument × respondent × arm from its measured sessions: time is sessions
 * since the episode's first measured session. Points are sorted per episode and episodes by key before the
 * sums are taken, so the fit is the same for any partitioning or row order.
 */
final class GrowthRows {
    static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.GROWTH_MODELS);
    static final String TIME_SCALE = "sessions since the episode's first measured session";

    private GrowthRows() {
    }

    static String key(String region, String instrument, String respondent, String arm) {
        return String.join("\u0000", region, instrument, respondent, arm);
    }

    static Row of(String key, Iterator<Row> sessions, int minCell) {
        String[] k = key.split("\u0000");
        Map<String, List<double[]>> episodes = new TreeMap<>();
        boolean synthetic = false;
        while (sessions.hasNext()) {
            Row r = sessions.next();
            episodes.computeIfAbsent(r.getAs("case_id") + "\u0000" + r.getAs("episode_id"), e -> new ArrayList<>())
                    .add(new double[] {r.<Integer>getAs("session_no"), r.<Double>getAs("total")});
            synthetic |= r.<Boolean>getAs("synthetic");
        }
        List<GrowthMoments> subjects = new ArrayList<>();
        long observations = 0;
        for (List<double[]> points : episodes.values()) {
            points.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            double first = points.get(0)[0];
            GrowthMoments m = GrowthMoments.create();
            points.forEach(p -> m.accept(p[0] - first, p[1]));
            subjects.add(m);
            observations += points.size();
        }
        RowBuilder b = new RowBuilder(SCHEMA).set("region", k[0]).set("instrument", k[1]).set("respondent", k[2])
                .set("arm", k[3]).set("subjects", (long) subjects.size()).set("observations", observations)
                .set("time_scale", TIME_SCALE).set("synthetic", synthetic);
        if (subjects.size() < minCell) {
            return b.set("status", "suppressed_small_cell: fewer than " + minCell + " episodes").build();
        }
        GrowthModel.Fit fit;
        try {
            fit = GrowthModel.fit(subjects);
        } catch (IllegalStateException e) {
            return b.set("status", "not_estimable: " + e.getMessage()).build();
        }
        return b.set("status", fit.singular() ? "ok: singular fit (a variance is estimated as 0 or the correlation as ±1)" : "ok")
                .set("intercept", fit.intercept().estimate()).set("intercept_se", fit.intercept().se())
                .set("intercept_lower", fit.intercept().lower()).set("intercept_upper", fit.intercept().upper())
                .set("slope_per_session", fit.slope().estimate()).set("slope_se", fit.slope().se())
                .set("slope_lower", fit.slope().lower()).set("slope_upper", fit.slope().upper())
                .set("intercept_variance", fit.interceptVariance()).set("slope_variance", fit.slopeVariance())
                .set("correlation", Double.isNaN(fit.correlation()) ? null : fit.correlation())
                .set("residual_variance", fit.residualVariance()).set("reml_criterion", fit.remlCriterion())
                .set("singular", fit.singular()).build();
    }
}
