package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.DuckDb;
import fi.polku.jobs.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code polku run} (SIGKILL, in a child JVM) at seeded random moments of a run and checks each time that
 * the published outputs are exactly as before and readable; then a run to the end replaces them.
 */
class KillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunNeverChangesThePublishedOutputs() throws Exception {
        Workspace ws = new Workspace(dir);
        Path config = ws.config("2026-06-30",
                "life_situation", Workspace.DEMO.resolve("life_situation.csv").toString(),
                "region_statistics", Workspace.DEMO.resolve("region_statistics.csv").toString(),
                "populations", Workspace.DEMO.resolve("populations.csv").toString());
        assertEquals(0, polku(config, -1), "the first run completes");
        Path published = ws.output().toRealPath();
        byte[] manifest = Files.readAllBytes(ws.output().resolve("manifest.json"));
        List<Map<String, Object>> rates = rates(ws);

        Random random = new Random(20261122);
        for (int kill = 0; kill < 4; kill++) {
            long afterMillis = 1500 + random.nextInt(9000);
            polku(config, afterMillis);
            assertEquals(published, ws.output().toRealPath(), "killed after " + afterMillis + " ms: the link is unchanged");
            assertArrayEquals(manifest, Files.readAllBytes(ws.output().resolve("manifest.json")), "killed after " + afterMillis + " ms");
            assertEquals(rates, rates(ws), "killed after " + afterMillis + " ms: the tables read the same");
        }
        assertEquals(0, polku(config, -1), "a run after the kills completes");
        assertNotEquals(published, ws.output().toRealPath());
        assertEquals(rates, rates(ws), "same inputs, same content");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(6, log.split("polku run: ", -1).length - 1, "six runs started");
        assertEquals(2, log.split("run complete: ", -1).length - 1, "only the two unkilled runs completed:\n" + log);
        try (var runs = Files.list(dir.resolve(".out.polku").resolve("runs"))) {
            assertTrue(runs.count() <= 2, "half-written versions of killed runs are cleaned up");
        }
    }

    private static List<Map<String, Object>> rates(Workspace ws) {
        return DuckDb.query("select * from " + DuckDb.table(ws.output(), "region_rates") + " order by region, indicator, age_group, period");
    }

    /** Runs polku in a child JVM with --force; kills it after {@code killAfterMillis} (or lets it finish if negative). */
    private static int polku(Path config, long killAfterMillis) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(System.getProperty("polku.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "fi.polku.jobs.cli.Polku", "run",
                "--config", config.toString(), "--force"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(config.getParent().toFile(), "child.log"))).start();
        if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            return -1;
        }
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "polku finished");
        return p.exitValue();
    }
}
