package fi.polku.jobs.outcome;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

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

    /**
     * The growth models of these measured sessions. Spark SQL gathers each episode's (session, score) points,
     * sorted, as one compact array; engine code turns them into the episode's sums in parallel; each model's task
     * merges only those sums, so no task holds a model's raw sessions.
     */
    static Dataset<Row> models(Dataset<Row> sessions, int minCell) {
        Dataset<Row> episodes = sessions
                .groupBy(col("region"), col("instrument"), col("respondent"), col("arm"), col("case_id"), col("episode_id"))
                .agg(sort_array(collect_list(struct(col("session_no"), col("total")))).as("points"),
                        max("synthetic").as("synthetic"));
        return episodes.map((MapFunction<Row, Tuple4<String, String, GrowthMoments, Boolean>>) GrowthRows::episode, EPISODE)
                .groupByKey((MapFunction<Tuple4<String, String, GrowthMoments, Boolean>, String>) Tuple4::_1, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Tuple4<String, String, GrowthMoments, Boolean>, Row>) (key, subjects) ->
                        of(key, subjects, minCell), Encoders.row(SCHEMA));
    }

    /** Time is sessions since the episode's first measured session; points come sorted by session, then score. */
    private static Tuple4<String, String, GrowthMoments, Boolean> episode(Row r) {
        List<Row> points = r.getList(r.fieldIndex("points"));
        double first = points.get(0).getInt(0);
        GrowthMoments m = GrowthMoments.create();
        for (Row p : points) {
            m.accept(p.getInt(0) - first, p.getDouble(1));
        }
        return new Tuple4<>(key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm")),
                r.getAs("case_id") + "\u0000" + r.getAs("episode_id"), m, r.getAs("synthetic"));
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
