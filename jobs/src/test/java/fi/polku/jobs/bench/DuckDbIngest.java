package fi.polku.jobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark's ingest baseline (jobs/scripts/benchmark.sh, issue 23 point 5): DuckDB (JDBC, in this JVM) turns
 * one CSV file into one Parquet file, {@code COPY (SELECT * FROM read_csv(…)) TO … (FORMAT parquet)}, with DuckDB's
 * own detection of delimiter, header and column types, as a user would run it. The script times the whole JVM, its
 * start included, against {@code polku ingest} of the same file. Prints one line of {@code key=value} pairs: the
 * seconds of the COPY alone, the rows written (read back from the Parquet file) and DuckDB's version.
 */
public final class DuckDbIngest {
    private DuckDbIngest() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: DuckDbIngest CSV_FILE PARQUET_FILE");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path parquet = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(csv)) {
            System.err.println("DuckDbIngest: no such file " + csv);
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("COPY (SELECT * FROM read_csv(" + literal(csv) + ")) TO " + literal(parquet) + " (FORMAT parquet)");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rows;
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet(" + literal(parquet) + ")")) {
                r.next();
                rows = r.getLong(1);
            }
            System.out.printf(Locale.ROOT, "duckdb_copy_seconds=%.3f rows=%d duckdb_version=%s%n", seconds, rows,
                    c.getMetaData().getDatabaseProductVersion());
        }
    }

    /** A path as an SQL string literal. */
    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
