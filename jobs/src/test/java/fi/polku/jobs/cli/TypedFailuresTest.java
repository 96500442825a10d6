package fi.polku.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures a user meets before any data is read (issue 17, point 7): each exits with its own code and one line
 * naming the path and the reason, before Spark starts, and touches nothing. Exit codes as in the README: 2 usage
 * or configuration, 3 input unavailable, 4 output location unusable.
 */
class TypedFailuresTest {
    @TempDir
    Path dir;

    @Test
    void anOutputFolderWithOtherFilesIsRefusedBeforeAnyWork() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/notes.txt"), "mine");
        PolkuRun.Outcome run = runWithOutput("out");
        assertUnusable(run, "is a folder with other files in it and not a Polku output");
        assertEquals(List.of("", "notes.txt"), Workspace.listing(dir.resolve("out")), "nothing written into it");
    }

    @Test
    void theConfigsOwnFolderAsOutputIsRefused() {
        assertUnusable(runWithOutput("."), "is a folder with other files in it");
    }

    @Test
    void aRegularFileAsOutputIsRefused() throws IOException {
        Files.writeString(dir.resolve("out"), "a file");
        assertUnusable(runWithOutput("out"), "is a regular file");
        assertEquals("a file", Files.readString(dir.resolve("out")));
    }

    @Test
    void aDanglingLinkAsOutputIsRefused() throws IOException {
        Files.createSymbolicLink(dir.resolve("out"), dir.resolve("nowhere"));
        assertUnusable(runWithOutput("out"), "is a symbolic link Polku did not make");
    }

    @Test
    void aUsersLinkAtTheOutputIsNotReplaced() throws IOException {
        Files.createDirectories(dir.resolve("mine"));
        Files.createSymbolicLink(dir.resolve("out"), dir.resolve("mine"));
        assertUnusable(runWithOutput("out"), "is a symbolic link Polku did not make (to " + dir.resolve("mine"));
        assertEquals(dir.resolve("mine"), Files.readSymbolicLink(dir.resolve("out")), "the link is left as it was");
    }

    @Test
    void aNameLongerThanTheFileSystemAllowsIsRefused() {
        // Linux NAME_MAX is 255 bytes; Polku's own folder beside the output adds ".", ".polku" (7 bytes).
        assertUnusable(runWithOutput("a".repeat(256)), "is 256 bytes long; file systems allow 255");
        assertUnusable(runWithOutput("b".repeat(250)), "so at most 248");
    }

    @Test
    void anUnwritableParentGivesTheOperatingSystemsReason() throws IOException {
        Files.writeString(dir.resolve("plain"), "a file where a folder should be");
        assertUnusable(runWithOutput("plain/out"), "cannot be written: Not a directory");
    }

    @Test
    void aReadOnlyParentSaysPermissionDenied() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false));
        try {
            assertUnusable(runWithOutput("locked/out"), "cannot be written: permission denied");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void aMissingInputIsUnavailableWithExitThreeAsTheReadmeSays() {
        Workspace ws = new Workspace(dir);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "fit_sessions", "nope*.csv").toString());
        assertEquals(3, run.exit(), run.toString());
        assertEquals("polku: input unavailable: inputs.fit_sessions: no file matches " + dir.resolve("nope*.csv"), run.err().strip());
    }

    @Test
    void aDuplicateYamlKeyIsAnErrorNamingTheKeyAndLine() {
        Workspace ws = new Workspace(dir);
        Path config = ws.write("polku.yaml", "project: x\ninputs: {}\noutput: out\nmin_cell: 5\nmin_cell: 3\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(2, run.exit(), run.toString());
        assertEquals("polku: config polku.yaml line 5: key 'min_cell' is given twice in the same section; give each key once",
                run.err().strip());
        config = ws.write("polku.yaml", "project: x\ninputs: {}\noutput: out\nchange:\n  reliability: alpha\n  reliability: test_retest\n",
                StandardCharsets.UTF_8);
        run = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("line 6: key 'reliability' is given twice"), run.err());
    }

    @Test
    void aConfigErrorIsRecordedInLastRun() throws IOException {
        Workspace ws = new Workspace(dir);
        Path config = ws.write("polku.yaml", "project: x\ninputs: {}\noutput: out\nminn_cell: 5\n", StandardCharsets.UTF_8);
        assertEquals(2, PolkuRun.run("run", "--config", config.toString()).exit());
        Map<?, ?> record = new ObjectMapper().readValue(dir.resolve(".out.polku/last_run.json").toFile(), Map.class);
        assertEquals("failed", record.get("status"));
        assertEquals(2, record.get("exit_code"));
        assertTrue(String.valueOf(record.get("message")).contains("unknown key 'minn_cell'"), record.toString());
        assertEquals("run", record.get("command"));
    }

    @Test
    void generateRefusesAFileAsOutAndDoesNotOverwriteInputsUnasked() throws IOException {
        Path file = Files.writeString(dir.resolve("file.csv"), "x");
        PolkuRun.Outcome run = PolkuRun.run("generate", "--cases", "3", "--out", file.toString());
        assertEquals(4, run.exit(), run.toString());
        assertEquals("polku: output unusable: generate: --out " + file + " is a regular file, not a folder: choose a folder",
                run.err().strip());

        Path populations = Files.writeString(dir.resolve("populations.csv"), "my own populations");
        run = PolkuRun.run("generate", "--cases", "3", "--out", dir.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("already holds populations.csv; add --overwrite"), run.err());
        assertEquals("my own populations", Files.readString(populations), "left as it was");
        assertFalse(Files.exists(dir.resolve("fit_sessions.csv")), "nothing written");

        run = PolkuRun.run("generate", "--cases", "3", "--out", dir.toString(), "--overwrite");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.readString(populations).startsWith("# SYNTHETIC"), "replaced when asked");
    }

    private PolkuRun.Outcome runWithOutput(String output) {
        Workspace ws = new Workspace(dir);
        ws.write("p.csv", "region,year,age_group,population\nKainuu,2024,0-17,13000\n", StandardCharsets.UTF_8);
        Path config = ws.write("polku.yaml", "project: x\nas_of: 2026-06-30\ninputs:\n  populations: p.csv\noutput: \"" + output + "\"\n",
                StandardCharsets.UTF_8);
        return PolkuRun.run("run", "--config", config.toString());
    }

    private static void assertUnusable(PolkuRun.Outcome run, String expected) {
        assertEquals(4, run.exit(), run.toString());
        String[] lines = run.err().strip().split("\n");
        assertEquals(1, lines.length, "one line:\n" + run.err());
        assertTrue(lines[0].startsWith("polku: output unusable: output ") && lines[0].contains(expected), run.err());
        assertFalse(run.out().contains("ingest "), "refused before any stage ran:\n" + run.out());
    }
}
