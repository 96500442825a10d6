package fi.polku.jobs.bench;

import fi.polku.jobs.spark.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's Spark ingest floor (jobs/scripts/benchmark.sh, issue 23 point 5): Spark's own CSV reader turns one
 * CSV file into Parquet, with Polku's session settings ({@link Sessions#create}), every column read as text (no type
 * inference, which would read the file twice), no validation, no quarantine, no identity-code screen, no order. It is
 * the least any ingest on Spark does with the file, so the script reports Polku's ingest against it as well as against
 * DuckDB: the first ratio is Polku's own cost, the second includes what Spark's start and row engine cost. The script
 * times the whole JVM. Prints the seconds of the read and write alone (session start excluded) and the rows written.
 */
public final class SparkCsvIngest {
    private SparkCsvIngest() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SparkCsvIngest CSV_FILE PARQUET_FOLDER");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(csv)) {
            System.err.println("SparkCsvIngest: no such file " + csv);
            System.exit(2);
        }
        String out = Path.of(args[1]).toAbsolutePath().toString();
        SparkSession spark = Sessions.create("polku benchmark: Spark CSV to Parquet", false);
        try {
            long t0 = System.nanoTime();
            spark.read().option("header", "true").option("comment", "#").csv(csv.toString())
                    .write().mode(SaveMode.Overwrite).parquet(out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rows = spark.read().parquet(out).count();
            System.out.printf(Locale.ROOT, "spark_csv_seconds=%.3f rows=%d%n", seconds, rows);
        } finally {
            spark.stop();
        }
    }
}
