package fi.polku.jobs.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark's DuckDB side (jobs/scripts/benchmark.sh): over the same {@code sessions} Parquet that Polku's
 * ingest wrote, computes the part of Polku's work that plain SQL can — per ORS series (episode × respondent)
 * meetings, measured sessions, intake, latest, change and OLS slope per session; per region × respondent × arm
 * the episodes, complete cases, intake, latest and change means — timed, then checks every number against
 * Polku's {@code trajectories} and {@code region_outcomes} (period {@code all}), and, when given, against the
 * series {@link SparkSqlComparison} wrote. Prints one line of {@code key=value} pairs; exits 1 when anything
 * differs by more than 1e-6.
 */
public final class DuckDbComparison {
    private static final double TOLERANCE = 1e-6;

    private DuckDbComparison() {
    }

    /**
     * What DuckDB found: its time for the comparable part, and how many series and cells disagree with Polku's.
     *
     * @param seconds      DuckDB's wall time for the two tables (Parquet read included)
     * @param series       ORS series DuckDB found
     * @param polkuSeries  ORS rows of Polku's trajectories
     * @param seriesDiffer series where a count or a number differs (either side missing included)
     * @param cells        region × respondent × arm cells DuckDB found
     * @param cellsWithMeans Polku's cells with a mean change to compare
     * @param cellsDiffer  cells where a count or a mean differs
     * @param sparkSeriesDiffer series where Spark SQL's baseline differs, or -1 when it was not given
     * @param duckdbVersion the DuckDB version that ran
     */
    public record Result(double seconds, long series, long polkuSeries, long seriesDiffer, long cells, long cellsWithMeans,
                         long cellsDiffer, long sparkSeriesDiffer, String duckdbVersion) {
        /** Whether all give the same numbers. */
        public boolean same() {
            return series == polkuSeries && seriesDiffer == 0 && cellsDiffer == 0 && sparkSeriesDiffer <= 0;
        }
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DuckDbComparison OUTPUT_ROOT [SPARK_SQL_SERIES]");
            System.exit(2);
        }
        Result r = compare(Path.of(args[0]), args.length == 2 ? Path.of(args[1]) : null);
        System.out.printf(Locale.ROOT, "duckdb_seconds=%.3f series=%d polku_series=%d series_differ=%d cells=%d cells_with_means=%d"
                + " cells_differ=%d spark_series_differ=%d duckdb_version=%s%n", r.seconds(), r.series(), r.polkuSeries(),
                r.seriesDiffer(), r.cells(), r.cellsWithMeans(), r.cellsDiffer(), r.sparkSeriesDiffer(), r.duckdbVersion());
        if (!r.same()) {
            System.exit(1);
        }
    }

    /**
     * Runs the comparable part in DuckDB over Polku's outputs under {@code output} and checks it against them and,
     * unless {@code sparkSeries} is null, against the series Parquet Spark SQL's baseline wrote there.
     */
    public static Result compare(Path output, Path sparkSeries) throws SQLException {
        Path out = output.toAbsolutePath();
        String sessions = "read_parquet('" + out.resolve("sessions") + "/*.parquet')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("CREATE TABLE series AS SELECT episode_id, respondent, instrument, any_value(region) AS region,"
                    + " any_value(arm) AS arm, count(*) AS meetings, count(total) AS measured,"
                    + " arg_min(total, session_no) FILTER (WHERE total IS NOT NULL) AS intake,"
                    + " arg_max(total, session_no) FILTER (WHERE total IS NOT NULL) AS latest,"
                    + " CASE WHEN count(total) >= 2 THEN round(latest - intake, 2) END AS change,"
                    // Polku's slope is null with fewer than two distinct session numbers; regr_slope would say NaN.
                    + " CASE WHEN count(DISTINCT session_no) FILTER (WHERE total IS NOT NULL) >= 2"
                    + " THEN regr_slope(total, session_no) END AS slope"
                    + " FROM " + sessions + " WHERE instrument = 'ORS' GROUP BY episode_id, respondent, instrument");
            s.execute("CREATE TABLE cells AS SELECT region, respondent, arm, count(*) AS n_episodes,"
                    + " count(*) FILTER (WHERE measured >= 2) AS n_complete, avg(intake) AS intake_mean, avg(latest) AS latest_mean,"
                    + " avg(latest - intake) FILTER (WHERE measured >= 2) AS mean_change FROM series GROUP BY ALL");
            double seconds = (System.nanoTime() - t0) / 1e9;

            long series = one(s, "SELECT count(*) FROM series");
            long polkuSeries = one(s, "SELECT count(*) FROM read_parquet('" + out.resolve("trajectories") + "/*.parquet') WHERE instrument = 'ORS'");
            long seriesDiffer = one(s, "SELECT count(*) FROM series d FULL JOIN (SELECT * FROM read_parquet('" + out.resolve("trajectories")
                    + "/*.parquet') WHERE instrument = 'ORS') p USING (episode_id, respondent, instrument)"
                    + " WHERE p.meetings IS DISTINCT FROM d.meetings OR p.measured_sessions IS DISTINCT FROM d.measured"
                    + differs("p.intake_score", "d.intake") + differs("p.latest_score", "d.latest") + differs("p.change", "d.change")
                    + differs("p.slope_per_session", "d.slope"));
            long cells = one(s, "SELECT count(*) FROM cells");
            long cellsDiffer = one(s, "SELECT count(*) FROM cells d FULL JOIN (SELECT * FROM read_parquet('" + out.resolve("region_outcomes")
                    + "/*.parquet') WHERE instrument = 'ORS' AND period = 'all') p USING (region, respondent, arm)"
                    + " WHERE p.n_episodes IS DISTINCT FROM d.n_episodes OR p.n_complete IS DISTINCT FROM d.n_complete"
                    + " OR (p.intake_mean IS NOT NULL AND abs(p.intake_mean - d.intake_mean) > " + TOLERANCE + ")"
                    + " OR (p.latest_mean IS NOT NULL AND abs(p.latest_mean - d.latest_mean) > " + TOLERANCE + ")"
                    + " OR (p.mean_change IS NOT NULL AND abs(p.mean_change - d.mean_change) > " + TOLERANCE + ")");
            long compared = one(s, "SELECT count(*) FROM read_parquet('" + out.resolve("region_outcomes")
                    + "/*.parquet') WHERE instrument = 'ORS' AND period = 'all' AND mean_change IS NOT NULL");
            long sparkSeriesDiffer = sparkSeries == null ? -1 : one(s, "SELECT count(*) FROM series d FULL JOIN read_parquet('"
                    + sparkSeries.toAbsolutePath() + "/*.parquet') p USING (episode_id, respondent, instrument)"
                    + " WHERE p.meetings IS DISTINCT FROM d.meetings OR p.measured IS DISTINCT FROM d.measured"
                    + " OR p.region IS DISTINCT FROM d.region OR p.arm IS DISTINCT FROM d.arm"
                    + differs("p.intake", "d.intake") + differs("p.latest", "d.latest") + differs("p.change", "d.change")
                    + differs("p.slope", "d.slope"));
            return new Result(seconds, series, polkuSeries, seriesDiffer, cells, compared, cellsDiffer, sparkSeriesDiffer,
                    c.getMetaData().getDatabaseProductVersion());
        }
    }

    /** A clause true when two nullable doubles differ (one null, or apart by more than the tolerance). */
    private static String differs(String a, String b) {
        return " OR (" + a + " IS NULL) <> (" + b + " IS NULL) OR abs(" + a + " - " + b + ") > " + TOLERANCE;
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
