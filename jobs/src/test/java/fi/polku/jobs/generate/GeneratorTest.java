package fi.polku.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    private static final List<String> FILES = List.of("fit_sessions.csv", "life_situation.csv",
            "region_statistics.csv", "populations.csv", "municipal_statistics.csv");

    @TempDir
    Path dir;

    @Test
    void theCommittedDemoIsExactlyWhatGenerateDemoWrites() throws IOException {
        PolkuRun.Outcome run = PolkuRun.run("generate", "--demo", "--out", dir.toString());
        assertEquals(0, run.exit(), run.toString());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(Workspace.DEMO.resolve(f)), Files.readAllBytes(dir.resolve(f)),
                    f + " differs: regenerate with `polku generate --demo --out datasets/demo --overwrite`");
            assertTrue(Files.readString(dir.resolve(f)).startsWith("# SYNTHETIC DATA"), f);
        }
    }

    @Test
    void theDemoHasTheShapeTheFoundationAsksFor() {
        String sessions = "read_csv('" + Workspace.DEMO.resolve("fit_sessions.csv") + "', comment='#', header=true, all_varchar=true)";
        // 'Savo' is one of the demo's deliberate export mistakes (an unknown region), not a fifth region.
        Map<String, Object> shape = DuckDb.query("select count(distinct case_id) cases,"
                + " count(distinct region) filter (where region <> 'Savo') regions,"
                + " count(distinct arm) arms, count(distinct respondent) respondents from " + sessions).get(0);
        assertTrue((Long) shape.get("cases") >= 600, shape.toString());
        assertEquals(4L, shape.get("regions"));
        assertEquals(2L, shape.get("arms"));
        assertTrue((Long) shape.get("respondents") >= 3, shape.toString());
        Map<String, Object> meetings = DuckDb.query("select min(n) lo, max(n) hi from (select count(distinct session_date) n from "
                + sessions + " where try_cast(session_date as date) is not null group by case_id, respondent)").get(0);
        assertEquals(1L, meetings.get("lo"));
        assertEquals(12L, meetings.get("hi"));
        String panel = "read_csv('" + Workspace.DEMO.resolve("region_statistics.csv") + "', comment='#', header=true)";
        assertEquals(23L * 11, DuckDb.count("select count(distinct (region, period)) from " + panel), "every county x 2015-2025");
    }

    @Test
    void thePanelAddsUpToTheNationalTotalsItIsCalibratedTo() {
        String panel = "read_csv('" + Workspace.DEMO.resolve("region_statistics.csv") + "', comment='#', header=true)";
        // THL: 4 873 children in emergency placement in 2023 (shared/reference/statistics/national_totals_finland.csv).
        // The project effect lowers the four project counties a little; county noise is log-normal SD 0.06.
        long total = DuckDb.count("select sum(count) from " + panel
                + " where indicator = 'emergency_placements' and age_group = '0-17' and period = 2023");
        assertEquals(4873, total, 4873 * 0.05);
        assertEquals(0, DuckDb.count("select count(*) from " + panel + " a join " + panel + " b using (region, period, indicator)"
                + " where a.age_group = '13-17' and b.age_group = '0-17' and a.count > b.count"));
    }

    @Test
    void largeSetsAreWrittenInPartsAndTheSameSeedGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            PolkuRun.Outcome run = PolkuRun.run("generate", "--sessions", "3000", "--parts", "3", "--seed", "7",
                    "--out", out.toString());
            assertEquals(0, run.exit(), run.toString());
        }
        long rows = 0;
        for (int p = 1; p <= 3; p++) {
            String name = String.format("fit_sessions-part-%05d.csv", p);
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
            rows += Files.readAllLines(a.resolve(name)).size() - 2;
        }
        assertTrue(rows >= 3000 && rows < 3100, "stops at the first case past the target: " + rows);
    }
}
