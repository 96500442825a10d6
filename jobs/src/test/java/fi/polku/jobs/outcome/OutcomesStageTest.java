package fi.polku.jobs.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outcomes stage on the demo sessions: every estimate has an n and an interval or a reason; small cells stay blank. */
class OutcomesStageTest {
    @TempDir
    static Path dir;
    static Workspace ws;

    @BeforeAll
    static void run() {
        ws = new Workspace(dir);
        Path config = ws.write("polku.yaml", "project: test\nas_of: 2026-06-30\ninputs:\n"
                + "  fit_sessions: " + Workspace.DEMO.resolve("fit_sessions.csv") + "\n"
                + "output: out\nmin_cell: 8\nseed: 7\nbootstrap_replicates: 500\n"
                + "regions:\n  - {region: Kainuu, start: 2024-08-01}\n  - {region: Etelä-Savo, start: 2024-08-01}\n"
                + "  - {region: Kymenlaakso, start: 2024-05-01}\n"
                + "targets:\n  - {region: Kainuu, families: 20, caseload: 900, coverage: 0.10}\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
    }

    @Test
    void duckDbAndSparkSqlComputeTheSameTrajectoriesAndCellMeans() throws java.sql.SQLException {
        // The benchmark's DuckDB side and Spark SQL baseline (jobs/scripts/benchmark.sh) as a smoke test: same
        // numbers within 1e-6.
        Path sparkSeries = dir.resolve("spark-sql-series");
        assertTrue(fi.polku.jobs.bench.SparkSqlComparison.run(ws.output(), sparkSeries) > 0);
        fi.polku.jobs.bench.DuckDbComparison.Result r = fi.polku.jobs.bench.DuckDbComparison.compare(ws.output(), sparkSeries);
        assertTrue(r.series() > 500 && r.cellsWithMeans() > 10, r.toString());
        assertEquals(0, r.sparkSeriesDiffer(), r.toString());
        assertTrue(r.same(), r.toString());
    }

    @Test
    void everyEstimateHasAnIntervalOrAReason() {
        String o = DuckDb.table(ws.output(), "region_outcomes");
        assertTrue(DuckDb.count("select count(*) from " + o + " where status = 'ok'") > 40);
        // Published cells: n at least min_cell, and every estimate with both limits around it.
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where status = 'ok' and (n_complete < 8"
                + " or not (mean_change_lower <= mean_change and mean_change <= mean_change_upper)"
                + " or not (g_av_lower <= g_av and g_av <= g_av_upper) or not (d_z_lower <= d_z and d_z <= d_z_upper)"
                + " or boot_g_av_bca_lower is null or boot_g_av_percentile_upper is null or boot_replicates < 450)"));
        // Blank cells keep their n and say why; nothing of theirs is published.
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where status <> 'ok' and (n_episodes is null"
                + " or mean_change is not null or g_av is not null or boot_g_av_bca_lower is not null)"));
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where n_episodes < 8 and (status not like"
                + " 'suppressed_small_cell%' or intake_mean is not null or contrast_adjusted is not null)"));
        // Category counts are the researchers' true counts (disclosure control is applied where they are published:
        // pages and export, see OutcomeDisclosureTest): every one present wherever something was assessed, adding up.
        for (String c : OutcomeTables.CATEGORIES) {
            assertEquals(0, DuckDb.count("select count(*) from " + o + " where n_assessed > 0 and (" + c + "_n is null or not ("
                    + c + "_lower <= " + c + "_share and " + c + "_share <= " + c + "_upper))"));
        }
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where n_assessed > 0 and (shares_status <> 'ok'"
                + " or recovered_n + improved_n + unchanged_n + deteriorated_n + harmed_n <> n_assessed)"));
        // Contrast: the same figure on both arms' rows; where it is missing, said so.
        assertEquals(0, DuckDb.count("select count(*) from " + o + " p join " + o + " c using (region, instrument, respondent, period)"
                + " where p.arm = 'project' and c.arm = 'comparison' and p.contrast_status = 'ok'"
                + " and p.contrast_adjusted <> c.contrast_adjusted"));
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where contrast_status <> 'ok' and contrast_adjusted is not null"));
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where boot_seed is null or g_correction <> 'exact Hedges J(n - 1)'"));
    }

    @Test
    void theChangeIsTheDifferenceOfTheCompleteCasesMeans() {
        String o = DuckDb.table(ws.output(), "region_outcomes");
        String t = DuckDb.table(ws.output(), "trajectories");
        // Issue 21: Etelä-Savo / youth showed intake 20.2 and latest 23.7 (all episodes) beside a change of 4.4.
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where mean_change is not null and (intake_mean_complete is null"
                + " or abs(latest_mean_complete - intake_mean_complete - mean_change) > 1e-9)"));
        assertEquals(0, DuckDb.count("select count(*) from " + o + " where mean_change is null and status <> 'ok'"
                + " and status not like 'not_estimable%' and intake_mean_complete is not null"));
        // The complete-case means recomputed by DuckDB from the trajectories (whole period; 1e-9: exact sums of hundredths).
        long period = DuckDb.count("select count(*) from " + o + " o join (select region, instrument, respondent, arm,"
                + " avg(intake_score) i, avg(latest_score) l, count(*) n from " + t + " where change is not null"
                + " group by all) x using (region, instrument, respondent, arm) where o.period = 'all' and o.intake_mean_complete is not null"
                + " and (o.n_complete <> x.n or abs(o.intake_mean_complete - x.i) > 1e-9 or abs(o.latest_mean_complete - x.l) > 1e-9)");
        assertEquals(0, period);
        assertTrue(DuckDb.count("select count(*) from " + o + " where period = 'all' and intake_mean_complete is not null"
                + " and n_complete < n_episodes and abs(intake_mean_complete - intake_mean) > 0.05") > 0,
                "the demo has cells where the two intake means differ, so the test could fail");
    }

    @Test
    void growthPoolingAndIndicators() {
        String g = DuckDb.table(ws.output(), "growth_models");
        assertEquals(0, DuckDb.count("select count(*) from " + g + " where status like 'ok%' and not"
                + " (slope_lower <= slope_per_session and slope_per_session <= slope_upper and residual_variance > 0)"));
        assertTrue(DuckDb.count("select count(*) from " + g + " where status like 'ok%' and instrument = 'ORS'"
                + " and slope_lower > 0") > 0, "the demo's clients improve: some region's ORS slope is reliably above 0");
        String p = DuckDb.table(ws.output(), "pooled_effects");
        // ORS youth, ORS parent, CORS child × 2 arms × 2 methods, over the 3 configured regions only.
        assertEquals(12, DuckDb.count("select count(*) from " + p));
        assertEquals(0, DuckDb.count("select count(*) from " + p + " where status like 'ok%' and (k <> 3"
                + " or regions <> '10,12,20' or not (ci_lower <= estimate and estimate <= ci_upper)"
                + " or not (prediction_lower <= ci_lower and ci_upper <= prediction_upper) or i2 < 0 or tau2 < 0)"));
        assertTrue(DuckDb.count("select count(*) from " + p + " where status like 'ok%'") >= 8, "most groups pool");
        String i = DuckDb.table(ws.output(), "project_indicators");
        assertEquals(1, DuckDb.count("select count(*) from " + i + " where region = '20' and period = 'all'"
                + " and families_target = 20 and caseload = 900 and coverage_target = 0.1"
                + " and abs(coverage - measured_episodes / 900.0) < 1e-12 and coverage_met = (coverage >= 0.1)"));
        assertEquals(0, DuckDb.count("select count(*) from " + i + " where dropouts between 1 and 7"
                + " or skipped_meetings > meetings or dropouts > ended_episodes"));
        // Periods are terms by default, plus the whole project.
        assertEquals(0, DuckDb.count("select count(*) from " + i + " where not regexp_matches(period, '^(all|20[0-9]{2}-(spring|autumn))$')"));
    }
}
