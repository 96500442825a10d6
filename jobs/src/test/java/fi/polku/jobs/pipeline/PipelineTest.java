package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** polku run: versions behind one link, no-op re-runs, the same content from the same inputs. */
class PipelineTest {
    private static final String SESSIONS = "case_id,region,respondent,age_band,instrument,session_date,item1,item2,item3,item4\n"
            + "C-1,Kainuu,youth,13-17,ORS,2025-02-03,5,5,5,5\n"
            + "C-1,Kainuu,youth,13-17,ORS,2025-02-10,6,5,5,5\n"
            + "C-2,Kainuu,youth,13-17,ORS,2025-02-03,5,5,11,5\n";

    @TempDir
    Path dir;

    @Test
    void reRunsAreNoOpsForcedRunsRepeatTheContentAndFailuresChangeNothing() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("s.csv", SESSIONS, StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "s.csv");

        PolkuRun.Outcome first = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, first.exit(), first.toString());
        assertTrue(Files.isSymbolicLink(ws.output()), "the output is a link to a complete version");
        Path firstVersion = ws.output().toRealPath();
        List<Map<String, Object>> firstRows = contents(ws);

        PolkuRun.Outcome again = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, again.exit());
        assertTrue(again.out().contains("nothing to do"), again.out());
        assertEquals(firstVersion, ws.output().toRealPath());
        assertEquals("skipped", lastRun(ws).get("status"));

        PolkuRun.Outcome forced = PolkuRun.run("run", "--config", config.toString(), "--force");
        assertEquals(0, forced.exit(), forced.toString());
        Path secondVersion = ws.output().toRealPath();
        assertNotEquals(firstVersion, secondVersion);
        assertEquals(firstRows, contents(ws), "same inputs, same table contents");
        assertTrue(Files.isDirectory(firstVersion), "the previous version stays one run longer for its readers");

        ws.write("s.csv", SESSIONS + "C-3,Kainuu,\"youth,13-17,ORS,2025-02-03,5,5,5,5\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome failed = PolkuRun.run("run", "--config", config.toString());
        assertEquals(3, failed.exit(), failed.toString());
        assertEquals(secondVersion, ws.output().toRealPath(), "a failed run leaves the published version in place");
        assertEquals(firstRows, contents(ws));
        assertEquals("failed", lastRun(ws).get("status"));
        assertEquals(3, lastRun(ws).get("exit_code"));
    }

    private static List<Map<String, Object>> contents(Workspace ws) {
        return DuckDb.query("select * exclude (source_file) from " + DuckDb.table(ws.output(), "sessions")
                + " order by source_line");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastRun(Workspace ws) throws Exception {
        return new ObjectMapper().readValue(ws.dir().resolve(".out.polku").resolve("last_run.json").toFile(), Map.class);
    }
}
