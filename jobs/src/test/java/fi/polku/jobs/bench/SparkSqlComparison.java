package fi.polku.jobs.bench;

import fi.polku.jobs.spark.Sessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's engine baseline (jobs/scripts/benchmark.sh): the same SQL as {@link DuckDbComparison}'s
 * comparable part, run by Spark SQL in Polku's own session settings over the same {@code sessions} Parquet. It
 * splits the Polku/DuckDB ratio into what the engine Polku is built on costs for that SQL (Spark/DuckDB) and
 * what Polku's stages add to it (Polku/Spark: per-episode engine code, and everything beyond the SQL).
 *
 * <p>The series table is written as Parquet (as DuckDB materialises its {@code series} table, so neither engine
 * can leave an unused column uncomputed) and read back for the cells, which are collected. DuckDbComparison
 * then checks the written series number by number against its own.
 */
public final class SparkSqlComparison {
    private SparkSqlComparison() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SparkSqlComparison OUTPUT_ROOT SERIES_OUT");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "spark_sql_seconds=%.3f%n", run(Path.of(args[0]), Path.of(args[1])));
    }

    /**
     * Runs the comparable part in Spark SQL over the {@code sessions} under {@code output}, writing the series to
     * {@code seriesOut}; returns its wall time in seconds (session start excluded, Parquet read included).
     */
    public static double run(Path output, Path seriesOut) {
        Path out = output.toAbsolutePath();
        String series = seriesOut.toAbsolutePath().toString();
        SparkSession spark = Sessions.create("polku benchmark: Spark SQL baseline", false);
        try {
            long t0 = System.nanoTime();
            spark.read().parquet(out.resolve("sessions").toString()).createOrReplaceTempView("sessions");
            spark.sql("SELECT *, CASE WHEN measured >= 2 THEN round(latest - intake, 2) END AS change FROM ("
                    + " SELECT episode_id, respondent, instrument, any_value(region) AS region, any_value(arm) AS arm,"
                    + " count(*) AS meetings, count(total) AS measured,"
                    + " min_by(total, session_no) FILTER (WHERE total IS NOT NULL) AS intake,"
                    + " max_by(total, session_no) FILTER (WHERE total IS NOT NULL) AS latest,"
                    + " CASE WHEN count(DISTINCT session_no) FILTER (WHERE total IS NOT NULL) >= 2"
                    + " THEN regr_slope(total, session_no) END AS slope"
                    + " FROM sessions WHERE instrument = 'ORS' GROUP BY episode_id, respondent, instrument)")
                    .write().mode(SaveMode.Overwrite).parquet(series);
            spark.read().parquet(series).createOrReplaceTempView("series");
            List<Row> cells = spark.sql("SELECT region, respondent, arm, count(*) AS n_episodes,"
                    + " count_if(measured >= 2) AS n_complete, avg(intake), avg(latest),"
                    + " avg(CASE WHEN measured >= 2 THEN latest - intake END) AS mean_change"
                    + " FROM series GROUP BY region, respondent, arm").collectAsList();
            if (cells.isEmpty()) {
                throw new IllegalStateException("no ORS sessions under " + out);
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            spark.stop();
        }
    }
}
