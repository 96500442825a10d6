package fi.polku.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.Workspace;
import fi.polku.jobs.spark.JvmTuning;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher {@code target/polku}: it finds its jar (also through a symbolic link), passes the
 * arguments through, and starts the JVM with the options for the command's input size, as the JVM itself
 * reports them ({@code -XX:+PrintFlagsFinal} in {@code POLKU_JAVA_OPTS}).
 */
class LauncherScriptIT {
    private static final Path SCRIPT = Path.of("target", "polku").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void runsPolkuFromAnyFolderAndThroughALink() throws Exception {
        Result version = launch(SCRIPT, Map.of(), "--version");
        assertEquals(0, version.exit(), version.out());
        assertTrue(version.out().startsWith("polku 0.1.0"), version.out());
        Path link = Files.createSymbolicLink(dir.resolve("polku"), SCRIPT);
        Result viaLink = launch(link, Map.of(), "--version");
        assertEquals(version.out(), viaLink.out());
        Files.delete(link);
        assertEquals(2, launch(SCRIPT, Map.of(), "run").exit(), "--config is required: picocli's usage error");
    }

    @Test
    void theDemoGetsTheQuickCompilerAndALargeInputTheDefaults() throws Exception {
        Path demo = Workspace.DEMO.resolve("polku.yaml");
        Result small = launch(SCRIPT, Map.of("POLKU_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "run", "--config", demo.toString(), "--help");
        assertEquals(0, small.exit(), small.out());
        assertEquals("1", flag(small.out(), "TieredStopAtLevel"));
        // TieredStopAtLevel=1 alone would leave a 48 MB code cache (50331648), which demo runs filled: C1 then stopped.
        assertEquals(String.valueOf(240L << 20), flag(small.out(), "ReservedCodeCacheSize"));
        assertEquals("true", flag(small.out(), "UseSerialGC"));
        assertTrue(small.out().contains("Runs the whole pipeline"), "the command's own output follows");

        Path big = dir.resolve("fit_sessions.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(JvmTuning.SMALL_INPUT_BYTES);
        }
        Path config = new Workspace(dir).config("2026-06-30", "fit_sessions", big.toString());
        Result large = launch(SCRIPT, Map.of("POLKU_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "ingest", "--config", config.toString(), "--help");
        assertEquals(0, large.exit(), large.out());
        assertEquals("4", flag(large.out(), "TieredStopAtLevel"));
        assertEquals("false", flag(large.out(), "UseSerialGC"));
    }

    private record Result(int exit, String out) {
    }

    private Result launch(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A flag's final value from {@code -XX:+PrintFlagsFinal}'s table ("intx TieredStopAtLevel = 1 {...}"). */
    private static String flag(String out, String name) {
        var m = Pattern.compile("\\s" + name + "\\s+=\\s+(\\S+)").matcher(out);
        assertTrue(m.find(), name + " not printed");
        return m.group(1);
    }
}
