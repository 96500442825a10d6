package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21.8, on a captured console: each stage's line comes before its details, a silence says what the run is
 * still doing, and the run ends naming the quarantine and its top reasons in the config's language, else English.
 */
class ConsoleProgressTest {
    /** Two good rows, one with an item of 11 (out_of_range) and one with an unknown instrument (unknown_value). */
    private static final String SESSIONS = "case_id,region,respondent,age_band,instrument,session_date,item1,item2,item3,item4\n"
            + "C-1,Kainuu,youth,13-17,ORS,2025-02-03,5,5,5,5\n"
            + "C-1,Kainuu,youth,13-17,ORS,2025-02-10,6,5,5,5\n"
            + "C-2,Kainuu,youth,13-17,ORS,2025-02-03,5,5,11,5\n"
            + "C-3,Kainuu,youth,13-17,XYZ,2025-02-03,5,5,5,5\n";

    @TempDir
    Path dir;

    private List<String> run(Path config, List<Stage> stages, String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // A quiet spell of 0.2 s instead of 30 s: Spark's start-up alone is longer, so the run must speak up in it.
        int exit = new Pipeline(console, false).quietAfter(Duration.ofMillis(200))
                .run(Pipeline.load(config, command), stages, command, true);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, exit, out);
        return Arrays.asList(out.split("\n"));
    }

    private static int first(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + String.join("\n", lines));
    }

    @Test
    void stagesAnnounceThemselvesSilencesAreExplainedAndTheQuarantineIsNamed() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("s.csv", SESSIONS, StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "s.csv");
        List<String> lines = run(config, Stages.all(), "run");

        for (Stage stage : Stages.all()) {
            int announced = first(lines, String.format("  %-14s %s", stage.name(), stage.description()));
            int done = first(lines, String.format("  %-14s done: ", stage.name()));
            assertTrue(announced < done, stage.name() + ": announced before its counts");
        }
        int ingest = first(lines, "  ingest ");
        assertTrue(ingest < first(lines, "    fit_sessions       s.csv"), "the ingest line comes before its per-file details");
        assertTrue(first(lines, "  starting Spark") < ingest);
        assertTrue(lines.stream().anyMatch(l -> l.matches("    … still (starting Spark|in stage \\w+|reading .*) \\(\\d+ s so far\\)")),
                "a silence longer than the quiet spell says what is going on");
        assertTrue(lines.get(first(lines, "  ingest         done: ")).startsWith("  ingest         done: 4 rows in → 2 out, 2 quarantined ("),
                "rejected rows are called quarantined");

        String table = ws.output() + "/quarantine";
        int q = first(lines, "quarantined (rejected rows with their reasons): 2 rows in ");
        assertEquals("quarantined (rejected rows with their reasons): 2 rows in " + table + "; top reasons:", lines.get(q));
        assertEquals(List.of("  1 × a value is outside its allowed range (out_of_range)",
                        "  1 × an unknown value (not one of the allowed values) (unknown_value)"),
                lines.subList(q + 1, q + 3), "ties in code order, English without a language setting");
        assertTrue(Files.isDirectory(ws.output().resolve("quarantine")), "the named path exists");
    }

    @Test
    void theQuarantineSpeaksTheConfiguredLanguage() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("s.csv", SESSIONS, StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "s.csv");
        Files.writeString(config, "language: fi\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> lines = run(config, List.of(Stages.named("ingest")), "ingest");
        int q = first(lines, "karanteeniin (hylätyt rivit syineen): 2 riviä, taulukko ");
        assertEquals("  1 × arvo on sallitun välin ulkopuolella (out_of_range)", lines.get(q + 1));
        assertEquals("  1 × tuntematon arvo (ei sallittujen arvojen joukossa) (unknown_value)", lines.get(q + 2));
    }
}
