package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.ingest.IngestStage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures in the middle of a run (issue 17, point 7): each one line with its own exit code, no trace, recorded
 * in {@code last_run.json}, the published outputs untouched.
 */
class RunFailuresTest {
    private static final String POPULATIONS = "region,year,age_group,population\nKainuu,2024,0-17,13000\n";

    @TempDir
    Path dir;

    @Test
    void aStageWithoutTheTablesItReadsSaysWhichCommandToRunFirst() {
        Path config = config();
        assertEquals(0, PolkuRun.run("ingest", "--config", config.toString()).exit());
        PolkuRun.Outcome report = PolkuRun.run("report", "--config", config.toString());
        assertEquals(2, report.exit(), report.toString());
        String[] lines = report.err().strip().split("\n");
        assertEquals(1, lines.length, "one line, no Spark trace:\n" + report.err());
        // The report's first table is written by the change stage: the message names that command too.
        assertTrue(lines[0].startsWith("polku: no table ") && lines[0].contains(" in " + dir.resolve("out") + " yet: run `polku run`"
                + " or `polku change`, which writes it, first"), report.err());
    }

    /**
     * A command that does not ingest reads its inputs for their checksums only: an input whose header went bad after
     * ingest is not this command's concern (it parses nothing; it used to be rejected, exit 3, after a whole-file
     * format scan). Here the command goes on to what it does need, and says that table is missing.
     */
    @Test
    void aCommandThatDoesNotIngestDoesNotParseItsInputs() throws Exception {
        Path config = config();
        assertEquals(0, PolkuRun.run("ingest", "--config", config.toString()).exit());
        Files.writeString(dir.resolve("p.csv"), "no,such,columns\n1,2,3\n");
        PolkuRun.Outcome report = PolkuRun.run("report", "--config", config.toString());
        assertEquals(2, report.exit(), report.toString());
        assertTrue(report.err().startsWith("polku: no table "), report.err());
    }

    /** The run holding the lock keeps its record: a busy run used to overwrite its "running" with "failed" 5. */
    @Test
    void aBusyOutputExitsWithFiveAndLeavesTheActiveRunsRecord() throws Exception {
        Path config = config();
        Files.createDirectories(dir.resolve(".out.polku"));
        Path record = dir.resolve(".out.polku/last_run.json");
        String active = "{\"run_id\": \"20261202T120000Z-activeee\", \"status\": \"running\", \"pid\": 4242}";
        Files.writeString(record, active);
        try (FileChannel channel = FileChannel.open(dir.resolve(".out.polku/lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
            assertEquals(5, run.exit(), run.toString());
            assertEquals("polku: output busy: output " + dir.resolve("out") + " is being written by another run; try again when it ends",
                    run.err().strip());
        }
        assertEquals(active, Files.readString(record));
    }

    @Test
    void anInputDeletedDuringTheRunIsOneLineWithExitThree() throws Exception {
        Path config = config();
        assertEquals(0, PolkuRun.run("ingest", "--config", config.toString()).exit());
        Path published = dir.resolve("out").toRealPath();
        // A hook between planning (which saw the file) and the ingest stage (which reads it): no sleeps.
        Stage deleteInput = new Stage() {
            @Override
            public String name() {
                return "delete-input";
            }

            @Override
            public String description() {
                return "deletes the input, as an operator might while a run works";
            }

            @Override
            public List<String> produces() {
                return List.of();
            }

            @Override
            public void run(StageRun run) {
                try {
                    Files.delete(dir.resolve("p.csv"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> new Pipeline(new PrintStream(out, true, StandardCharsets.UTF_8), false)
                .run(RunConfig.load(config), List.of(deleteInput, new IngestStage()), "ingest", true));
        assertEquals(ExitCodes.REJECTED, ExitCodes.of(failure), failure.toString());
        assertFalse(failure.getMessage().contains("\n"), "one line:\n" + failure.getMessage());
        assertTrue(failure.getMessage().startsWith("p.csv: ") && failure.getMessage().contains("during the run"), failure.getMessage());
        assertEquals(published, dir.resolve("out").toRealPath(), "the published outputs are untouched");
        Map<?, ?> record = new ObjectMapper().readValue(dir.resolve(".out.polku/last_run.json").toFile(), Map.class);
        assertEquals(3, record.get("exit_code"));
        assertEquals(failure.getMessage(), record.get("message"));
    }

    @Test
    void polkusOwnLinkWhoseVersionWasDeletedByHandIsReplaced() throws Exception {
        Path config = config();
        assertEquals(0, PolkuRun.run("ingest", "--config", config.toString()).exit());
        Path version = dir.resolve("out").toRealPath();
        try (var files = Files.walk(version)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        PolkuRun.Outcome again = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(0, again.exit(), "Polku's own link, dangling, is no user's link: a new version replaces it\n" + again);
        assertTrue(Files.isRegularFile(dir.resolve("out/manifest.json")));
    }

    private Path config() {
        Workspace ws = new Workspace(dir);
        ws.write("p.csv", POPULATIONS, StandardCharsets.UTF_8);
        return ws.config("2026-06-30", "populations", "p.csv");
    }
}
