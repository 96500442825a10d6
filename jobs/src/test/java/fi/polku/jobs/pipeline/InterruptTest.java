package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what systemd and {@code kill} send) in the middle of {@code polku run}, in a child JVM: the run exits
 * with 143, prints one line and no Spark or Netty trace, and {@code last_run.json} says "interrupted".
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigtermIsOneLineExit143AndRecordedAsInterrupted() throws Exception {
        Workspace ws = new Workspace(dir);
        Path config = ws.config("2026-06-30",
                "life_situation", Workspace.DEMO.resolve("life_situation.csv").toString(),
                "region_statistics", Workspace.DEMO.resolve("region_statistics.csv").toString(),
                "populations", Workspace.DEMO.resolve("populations.csv").toString());
        Path stdout = dir.resolve("child.out");
        Path stderr = dir.resolve("child.err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(System.getProperty("polku.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "fi.polku.jobs.cli.Polku", "run", "--config", config.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // The hook point: the first stage's progress line; the later stages take seconds more.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(stdout, StandardCharsets.UTF_8).contains("  ingest ") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "still running after ingest:\n" + Files.readString(stdout));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped");

        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), out + err);
        assertFalse(out.contains("run complete"), out);
        assertEquals("polku: " + Interruption.MESSAGE, err.strip(), "one line, no trace on stderr");
        Map<?, ?> record = new ObjectMapper().readValue(dir.resolve(".out.polku/last_run.json").toFile(), Map.class);
        assertEquals("interrupted", record.get("status"), record.toString());
        assertEquals(143, record.get("exit_code"));
        assertFalse(Files.exists(ws.output()), "nothing was published");
    }
}
