package fi.polku.jobs.outcome;

import fi.polku.contract.ChangeTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.GrowthModel;
import fi.polku.outcome.GrowthMoments;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The growth model of one region × instrument × respondent × arm from its episodes' sums over their measured
 * sessions (time is sessions since the episode's first measured session; the change stage sums each episode's
 * points in session order). Episodes are merged in key order, so the fit is the same for any partitioning or
 * row order.
 */
final class GrowthRows {
    static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.GROWTH_MODELS);
    static final String TIME_SCALE = "sessions since the episode's first measured session";

    private GrowthRows() {
    }

    static String key(String region, String instrument, String respondent, String arm) {
        return String.join("\u0000", region, instrument, respondent, arm);
    }

    /**
     * The growth models of these series' sums ({@link ChangeTables#GROWTH_MOMENTS}: one row per episode ×
     * respondent × instrument, so one per episode within a model; its sums taken by the change stage in its pass
     * over the series' sorted sessions). Spark groups the episodes of each model; a model's task merges only those
     * sums, so no task holds a model's raw sessions, and no session is read twice.
     */
    static Dataset<Row> models(Dataset<Row> episodes, int minCell) {
        return episodes.groupByKey((MapFunction<Row, String>) r -> key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"),
                        r.getAs("arm")), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (key, rows) -> of(key, rows, minCell), Encoders.row(SCHEMA));
    }

    /**
     * A model from its episodes' sums (rows of {@link ChangeTables#GROWTH_MOMENTS}), taken in episode-key order so
     * the fit is the same for any partitioning.
     */
    static Row of(String key, Iterator<Row> episodes, int minCell) {
        String[] k = key.split("\u0000");
        Map<String, GrowthMoments> byEpisode = new TreeMap<>();
        boolean synthetic = false;
        long observations = 0;
        while (episodes.hasNext()) {
            Row e = episodes.next();
            GrowthMoments m = GrowthMoments.of(e.getAs("observations"), e.getAs("time_sum"), e.getAs("time_squares"),
                    e.getAs("score_sum"), e.getAs("time_score_sum"), e.getAs("score_squares"));
            byEpisode.put(e.getAs("case_id") + "\u0000" + e.getAs("episode_id"), m);
            observations += m.count();
            synthetic |= e.<Boolean>getAs("synthetic");
        }
        List<GrowthMoments> subjects = new ArrayList<>(byEpisode.values());
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
