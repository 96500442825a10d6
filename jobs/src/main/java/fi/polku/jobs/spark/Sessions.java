package fi.polku.jobs.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds Polku's Spark session: embedded {@code local[*]} unless a master was given (as
 * {@code spark-submit --master …} does), UTC, {@code java.time} dates, no UI, and a shuffle width suited to
 * a 2-core machine unless the submitter set one.
 */
public final class Sessions {
    /**
     * Hadoop settings of every Polku file access: no {@code _SUCCESS} markers or Parquet summary files, and
     * plain local files without Hadoop's {@code .crc} side files next to every output.
     */
    private static final Map<String, String> HADOOP = Map.of(
            "mapreduce.fileoutputcommitter.marksuccessfuljobs", "false",
            "parquet.summary.metadata.level", "NONE",
            "fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem",
            "fs.file.impl.disable.cache", "true");

    private Sessions() {
    }

    /** The Hadoop configuration the driver uses before (or without) a Spark session: the same settings. */
    public static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        HADOOP.forEach(conf::set);
        return conf;
    }

    /** A session for the named job; call {@code stop()} in {@code finally}. */
    public static SparkSession create(String appName, boolean verbose) {
        // Spark's Netty needs this on Java 17; harmless when the launcher already set it.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        SparkConf conf = new SparkConf().setAppName(appName);
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "snappy");
        HADOOP.forEach((k, v) -> conf.setIfMissing("spark.hadoop." + k, v));
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
        // HotSpot never JIT-compiles a method over 8 000 bytes of bytecode; the generated (de)serialisers of
        // Polku's wide rows exceed that and then run interpreted. At this limit Spark falls back to
        // non-fused code for such subtrees instead: the change stage at 1 M sessions went from 57 s to 48 s.
        conf.setIfMissing("spark.sql.codegen.hugeMethodLimit", "8000");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
        return spark;
    }
}
