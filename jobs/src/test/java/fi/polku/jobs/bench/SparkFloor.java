package fi.polku.jobs.bench;

import fi.polku.jobs.spark.Sessions;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark floor of the benchmark (jobs/scripts/benchmark.sh, issue 23 point 5): the least a Spark job can do —
 * start Spark {@code local[*]} with Polku's session settings ({@link Sessions#create}), read one small Parquet
 * table and write it to another folder, stop. The script runs it in a cold JVM with the options the launcher gives
 * the demo, interleaved with the demo pipeline, and holds the demo's time against it: what the demo costs beyond
 * this floor is Polku's. Prints the seconds of the read and write alone (session start excluded).
 */
public final class SparkFloor {
    private SparkFloor() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SparkFloor PARQUET_IN PARQUET_OUT");
            System.exit(2);
        }
        SparkSession spark = Sessions.create("polku benchmark: Spark floor", false);
        try {
            long t0 = System.nanoTime();
            spark.read().parquet(Path.of(args[0]).toAbsolutePath().toString())
                    .write().mode(SaveMode.Overwrite).parquet(Path.of(args[1]).toAbsolutePath().toString());
            System.out.printf(Locale.ROOT, "floor_read_write_seconds=%.3f%n", (System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }
}
