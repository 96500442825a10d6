package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import fi.polku.privacy.KAnonymity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Each episode's quasi-identifiers, made k-anonymous, and its export key. The child's age band is read from
 * the child's or youth's own rows; failing that, from an instrument only rated for one band (YCORS under 6,
 * CORS and CSRS 6–12); failing that, from a 3X10D version that fits one band; else it is {@code unknown}.
 * Keys ({@code E000001}, …) follow the order of SHA-256(seed, episode id): stable across runs of the same
 * data, unrelated to the county's ids.
 */
final class EpisodeKeys {
    /** episode_id → episode_key, published region and age band. */
    static final StructType SCHEMA = new StructType()
            .add("episode_id", DataTypes.StringType, false)
            .add("episode_key", DataTypes.StringType, false)
            .add("export_region", DataTypes.StringType, false)
            .add("export_age_band", DataTypes.StringType, false);
    static final String UNKNOWN = "unknown";

    private EpisodeKeys() {
    }

    /** The episodes of the microdata tables with their (region, child's age band), before any recoding. */
    static Map<String, KAnonymity.Identifiers> identifiers(Dataset<Row> sessions, Dataset<Row> domainChange) {
        Dataset<Row> fromSessions = sessions.select(col("episode_id"), col("region"),
                when(col("respondent").isin("child", "youth"), col("age_band"))
                        .when(col("instrument").equalTo("YCORS"), lit("0-5"))
                        .when(col("instrument").isin("CORS", "CSRS"), lit("6-12")).alias("band"),
                when(col("respondent").isin("child", "youth"), lit(0)).otherwise(lit(1)).alias("priority"),
                col("session_date").alias("date"));
        Dataset<Row> fromDomains = domainChange.select(col("episode_id"), col("region"),
                when(col("version").equalTo("7-9"), lit("6-12")).when(col("version").equalTo("14-17"), lit("13-17"))
                        .alias("band"),
                lit(2).alias("priority"), lit(null).cast("date").alias("date"));
        Dataset<Row> known = fromSessions.unionByName(fromDomains);
        Dataset<Row> best = known.groupBy("episode_id", "region")
                .agg(min_by(col("band"), struct(col("band").isNull(), col("priority"), col("date"))).alias("band"));
        Map<String, KAnonymity.Identifiers> out = new LinkedHashMap<>();
        for (Row r : best.collectAsList()) {
            String band = r.getAs("band");
            out.put(r.getAs("episode_id"), new KAnonymity.Identifiers(r.getAs("region"), band == null ? UNKNOWN : band));
        }
        return out;
    }

    /** The ids of the episodes that have rows in {@code sessions} or {@code domainChange}. */
    static java.util.Set<String> episodes(Dataset<Row> sessions, Dataset<Row> domainChange) {
        java.util.Set<String> out = new java.util.HashSet<>();
        sessions.select("episode_id").union(domainChange.select("episode_id")).distinct().collectAsList().forEach(r -> out.add(r.getString(0)));
        return out;
    }

    /** The published episodes: id → key, region and band, as a small table to join on. */
    static Dataset<Row> table(SparkSession spark, KAnonymity.Result result, long seed) {
        List<String[]> ordered = new ArrayList<>();
        result.recoded().keySet().forEach(id -> ordered.add(new String[] {digest(seed + ":" + id), id}));
        ordered.sort((a, b) -> a[0].compareTo(b[0]));
        String format = "E%0" + Math.max(6, Integer.toString(ordered.size()).length()) + "d";
        List<Row> rows = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            String id = ordered.get(i)[1];
            KAnonymity.Identifiers q = result.recoded().get(id);
            rows.add(RowFactory.create(id, String.format(Locale.ROOT, format, i + 1), q.region(), q.ageBand()));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
