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
 * The JVM stopped under a run, in a child JVM. SIGTERM (what systemd and {@code kill} send) in the middle of
 * {@code polku run}: the run exits with 143, prints one line and no Spark or Netty trace, and {@code last_run.json}
 * says "interrupted". A Spark task out of memory (Spark stops the JVM with 52): the record says "failed", 52, and
 * why — not "interrupted" (the 100 M benchmark run of 2026-12-02 was recorded so). A JVM halted without hooks: the
 * record says "running" with the halted process's id, not the previous run's "complete".
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigtermIsOneLineExit143AndRecordedAsInterrupted() throws Exception {
        Workspace ws = new Workspace(dir);
        Path stdout = dir.resolve("child.out");
        Path stderr = dir.resolve("child.err");
        Process p = child(ws, "fi.polku.jobs.cli.Polku", stdout, stderr);
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

    @Test
    void outOfMemoryInATaskIsRecordedAsFailedWithSparksExitCode() throws Exception {
        Workspace ws = new Workspace(dir);
        Path stdout = dir.resolve("child.out");
        Path stderr = dir.resolve("child.err");
        Process p = child(ws, FatalTaskErrorMain.class.getName(), stdout, stderr);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "stopped");

        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OUT_OF_MEMORY, p.exitValue(), out + err);
        assertFalse(out.contains("run complete"), out);
        assertTrue(err.contains("polku: a Spark task ran out of memory (java.lang.OutOfMemoryError: Java heap space"
                + " (provoked by the test)) and Spark stopped the run (exit code 52)"), err);
        assertFalse(err.contains(Interruption.MESSAGE), err);
        Map<?, ?> record = new ObjectMapper().readValue(dir.resolve(".out.polku/last_run.json").toFile(), Map.class);
        assertEquals("failed", record.get("status"), record.toString());
        assertEquals(52, record.get("exit_code"));
        assertTrue(String.valueOf(record.get("message")).contains("java.lang.OutOfMemoryError"), record.toString());
        assertFalse(Files.exists(ws.output()), "nothing was published");
    }

    @Test
    void aRunHaltedWithoutAWordIsRecordedAsRunningWithItsProcessId() throws Exception {
        Workspace ws = new Workspace(dir);
        // The record a finished earlier run left: a halted run must not go on saying this.
        Files.createDirectories(dir.resolve(".out.polku"));
        Files.writeString(dir.resolve(".out.polku/last_run.json"), "{\"run_id\" : \"earlier\", \"status\" : \"complete\", \"exit_code\" : 0}\n");
        Process p = child(ws, HaltMain.class.getName(), dir.resolve("child.out"), dir.resolve("child.err"));
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "stopped");

        assertEquals(52, p.exitValue());
        Map<?, ?> record = new ObjectMapper().readValue(dir.resolve(".out.polku/last_run.json").toFile(), Map.class);
        assertEquals("running", record.get("status"), record.toString());
        assertEquals(p.pid(), ((Number) record.get("pid")).longValue(), record.toString());
        assertTrue(record.containsKey("exit_code") && record.get("exit_code") == null, record.toString());
        assertTrue(record.containsKey("finished_at") && record.get("finished_at") == null, record.toString());
        assertFalse(Files.exists(ws.output()), "nothing was published");
    }

    /** {@code polku run} of the demo's small inputs in a child JVM whose main class is {@code main}. */
    private Process child(Workspace ws, String main, Path stdout, Path stderr) throws Exception {
        Path config = ws.config("2026-06-30",
                "life_situation", Workspace.DEMO.resolve("life_situation.csv").toString(),
                "region_statistics", Workspace.DEMO.resolve("region_statistics.csv").toString(),
                "populations", Workspace.DEMO.resolve("populations.csv").toString());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(System.getProperty("polku.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, "run", "--config", config.toString()));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
