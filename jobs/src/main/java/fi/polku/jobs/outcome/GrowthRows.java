package fi.polku.jobs.outcome;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.Columns;
import fi.polku.jobs.spark.KeyedRuns;
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
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Tuple4;

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

    /** One episode's sufficient statistics: its model's key, its own key, its sums, whether synthetic. */
    private static final Encoder<Tuple4<String, String, GrowthMoments, Boolean>> EPISODE = Encoders.tuple(Encoders.STRING(),
            Encoders.STRING(), Encoders.javaSerialization(GrowthMoments.class), Encoders.BOOLEAN());

    /** The columns that name an episode of a model: the model's four, then the case and episode. */
    private static final List<String> EPISODE_KEY = List.of("region", "instrument", "respondent", "arm", "case_id", "episode_id");

    /**
     * The growth models of these measured sessions. Spark brings each episode's sessions together (hash-partitioned
     * and sorted on its binary rows, {@link KeyedRuns}: no partial aggregation, which only re-sorted the scattered
     * sessions); engine code turns each episode's points into its sums in parallel; each model's task merges only
     * those sums, so no task holds a model's raw sessions.
     */
    static Dataset<Row> models(Dataset<Row> sessions, int minCell) {
        List<String> read = new ArrayList<>(EPISODE_KEY);
        read.addAll(List.of("session_no", "total", "synthetic"));
        return KeyedRuns.flatMap(sessions.select(Columns.named(read)),
                        EPISODE_KEY, group -> List.of(episode(group)).iterator(), EPISODE)
                .groupByKey((MapFunction<Tuple4<String, String, GrowthMoments, Boolean>, String>) Tuple4::_1, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Tuple4<String, String, GrowthMoments, Boolean>, Row>) (key, subjects) ->
                        of(key, subjects, minCell), Encoders.row(SCHEMA));
    }

    /**
     * One episode's sums. Time is sessions since the episode's first measured session; points are taken sorted by
     * session, then score.
     */
    private static Tuple4<String, String, GrowthMoments, Boolean> episode(List<Row> sessions) {
        int sessionAt = sessions.get(0).fieldIndex("session_no");
        int totalAt = sessions.get(0).fieldIndex("total");
        List<Row> points = new ArrayList<>(sessions);
        points.sort(Comparator.comparingInt((Row p) -> p.getInt(sessionAt)).thenComparingDouble(p -> p.getDouble(totalAt)));
        double first = points.get(0).getInt(sessionAt);
        GrowthMoments m = GrowthMoments.create();
        boolean synthetic = false;
        for (Row p : points) {
            m.accept(p.getInt(sessionAt) - first, p.getDouble(totalAt));
            synthetic |= p.<Boolean>getAs("synthetic");
        }
        Row r = points.get(0);
        return new Tuple4<>(key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm")),
                r.getAs("case_id") + "\u0000" + r.getAs("episode_id"), m, synthetic);
    }

    /** A model from its episodes' sums, taken in episode-key order so the fit is the same for any partitioning. */
    static Row of(String key, Iterator<Tuple4<String, String, GrowthMoments, Boolean>> episodes, int minCell) {
        String[] k = key.split("\u0000");
        Map<String, GrowthMoments> byEpisode = new TreeMap<>();
        boolean synthetic = false;
        long observations = 0;
        while (episodes.hasNext()) {
            Tuple4<String, String, GrowthMoments, Boolean> e = episodes.next();
            byEpisode.put(e._2(), e._3());
            observations += e._3().count();
            synthetic |= e._4();
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
