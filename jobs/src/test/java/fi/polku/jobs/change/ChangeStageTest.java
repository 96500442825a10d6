package fi.polku.jobs.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change stage on the demo data: completeness, sanity of the judgements, and order/partition invariance
 * (of the outcomes stage's tables too, bootstrap intervals included).
 */
class ChangeStageTest {
    @TempDir
    static Path dir;
    static Workspace demo;

    @BeforeAll
    static void runTheDemo() {
        demo = new Workspace(dir.resolve("demo"));
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config(demo, Workspace.DEMO.resolve("fit_sessions.csv"),
                Workspace.DEMO.resolve("life_situation.csv")).toString());
        assertEquals(0, run.exit(), run.toString());
    }

    @Test
    void everySeriesOfTheInputIsPresentExactlyOnce() {
        String sessions = DuckDb.table(demo.output(), "sessions");
        String trajectories = DuckDb.table(demo.output(), "trajectories");
        long series = DuckDb.count("select count(*) from (select distinct case_id, episode_id, respondent, instrument from " + sessions + ")");
        assertEquals(series, DuckDb.count("select count(*) from " + trajectories));
        assertEquals(series, DuckDb.count("select count(*) from (select distinct case_id, episode_id, respondent, instrument from " + trajectories + ")"));
        long assessments = DuckDb.count("select count(*) from (select distinct case_id, episode_id, respondent from "
                + DuckDb.table(demo.output(), "life_situation") + ")");
        assertEquals(assessments * 10, DuckDb.count("select count(*) from " + DuckDb.table(demo.output(), "domain_change")));
    }

    @Test
    void judgementsRestOnTheParameterTableAndSayWhy() {
        String t = DuckDb.table(demo.output(), "trajectories");
        // ORS cutoffs from datasets/instrument_parameters.csv: 28 for 13-17, 25 for adults.
        assertEquals(0, DuckDb.count("select count(*) from " + t + " where instrument = 'ORS' and not ("
                + "(age_band = '13-17' and clinical_cutoff = 28) or (age_band = '18+' and clinical_cutoff = 25))"));
        assertEquals(0, DuckDb.count("select count(*) from " + t + " where instrument = 'ORS' and assessment_status = 'assessed'"
                + " and (rci is null or change_category is null or reliability <> 0.83 or sd_source not like 'sample_intake%')"));
        // JT's category agrees with its own RCI and the cutoff, row by row.
        assertEquals(0, DuckDb.count("select count(*) from " + t + " where change_category = 'recovered'"
                + " and not (rci > rci_critical and intake_clinical and not latest_clinical)"));
        assertEquals(0, DuckDb.count("select count(*) from " + t + " where change_category = 'unchanged' and abs(rci) > rci_critical"));
        assertEquals(0, DuckDb.count("select count(*) from " + t + " where single_measurement and (change is not null or rci is not null)"));
        assertTrue(DuckDb.count("select count(*) from " + t + " where assessment_status like 'not_assessed: no reliability_alpha for CORS%'") > 0,
                "CORS has no published reliability: not assessed, and the row says so");
        assertEquals(0, DuckDb.count("select count(*) from " + t + " where instrument in ('SRS','CSRS') and alliance_instrument <> instrument"));
        assertEquals(0, DuckDb.count("select count(*) from " + DuckDb.table(demo.output(), "etr_curves")
                + " where not (p10 <= p25 and p25 <= p50 and p50 <= p75 and p75 <= p90) or label <> 'local' or enough_data <> (n >= 20)"));
    }

    @Test
    void shuffledInputAndOtherPartitioningChangeNoValue() throws IOException {
        Workspace shuffled = new Workspace(dir.resolve("shuffled"));
        Path sessions = shuffle(Workspace.DEMO.resolve("fit_sessions.csv"), shuffled.dir().resolve("fit_sessions.csv"));
        Path life = shuffle(Workspace.DEMO.resolve("life_situation.csv"), shuffled.dir().resolve("life_situation.csv"));
        System.setProperty("spark.sql.shuffle.partitions", "3");
        System.setProperty("spark.default.parallelism", "3");
        try {
            PolkuRun.Outcome run = PolkuRun.run("run", "--config", config(shuffled, sessions, life).toString());
            assertEquals(0, run.exit(), run.toString());
        } finally {
            System.clearProperty("spark.sql.shuffle.partitions");
            System.clearProperty("spark.default.parallelism");
        }
        for (String[] table : new String[][] {
            {"trajectories", "case_id, episode_id, respondent, instrument"},
            {"etr_curves", "instrument, rater, intake_band, session_no"},
            {"domain_change", "case_id, episode_id, respondent, domain"},
            // The outcomes stage's cells, bootstrap intervals and growth fits must not move either.
            {"region_outcomes", "region, instrument, respondent, arm, period"},
            {"growth_models", "region, instrument, respondent, arm"},
            {"project_indicators", "region, period"}}) {
            List<Map<String, Object>> a = DuckDb.query("select * from " + DuckDb.table(demo.output(), table[0]) + " order by " + table[1]);
            List<Map<String, Object>> b = DuckDb.query("select * from " + DuckDb.table(shuffled.output(), table[0]) + " order by " + table[1]);
            assertEquals(a.size(), b.size(), table[0]);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i), b.get(i), table[0] + " row " + i + " (exact, no tolerance)");
            }
        }
    }

    private static Path config(Workspace ws, Path sessions, Path life) {
        return ws.config("2026-06-30", "fit_sessions", sessions.toString(), "life_situation", life.toString());
    }

    /** The file with its data rows in a random order (comment and header first). */
    private static Path shuffle(Path from, Path to) throws IOException {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        List<String> head = new ArrayList<>(lines.subList(0, 2));
        List<String> body = new ArrayList<>(lines.subList(2, lines.size()));
        Collections.shuffle(body, new Random(20261122));
        head.addAll(body);
        Files.createDirectories(to.getParent());
        Files.write(to, head, StandardCharsets.UTF_8);
        return to;
    }
}
