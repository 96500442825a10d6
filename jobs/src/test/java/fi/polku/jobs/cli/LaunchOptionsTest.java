package fi.polku.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.polku.jobs.Workspace;
import fi.polku.jobs.spark.JvmTuning;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher script starts the JVM with, by the size of a command's configured inputs. */
class LaunchOptionsTest {
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void theDemoRunsWithTheQuickCompilerAndTheSerialCollector() {
        Path config = Workspace.DEMO.resolve("polku.yaml");
        assertEquals(QUICK, LaunchOptions.of("run", "--config", config.toString(), "--force"));
        assertEquals(QUICK, LaunchOptions.of("report", "--verbose", "--config=" + config));
    }

    @Test
    void inputsOfSixteenMebibytesOrMoreKeepTheDefaults() throws IOException {
        // A sparse file: its length counts, nothing is written.
        Path big = dir.resolve("data").resolve("fit_sessions_2.csv");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(JvmTuning.SMALL_INPUT_BYTES);
        }
        Files.writeString(dir.resolve("data").resolve("fit_sessions_1.csv"), "client_id\n", StandardCharsets.UTF_8);
        Path config = new Workspace(dir).config("2026-06-30", "fit_sessions", "data/fit_sessions_*.csv");
        assertEquals(List.of(), LaunchOptions.of("run", "--config", config.toString()));
        assertEquals(JvmTuning.SMALL_INPUT_BYTES + 10, LaunchOptions.localBytes(List.of(
                List.of(dir.resolve("data/fit_sessions_*.csv").toString()))));
        assertEquals(JvmTuning.SMALL_INPUT_BYTES, LaunchOptions.localBytes(List.of(
                List.of(dir.resolve("data/fit_sessions_[2-9].csv").toString(), dir.resolve("missing.csv").toString()))));
    }

    @Test
    void anInputThatIsNotALocalFileCountsAsLarge() {
        assertEquals(Long.MAX_VALUE, LaunchOptions.localBytes(List.of(List.of("hdfs://namenode/polku/fit_sessions.csv"))));
        assertEquals(Long.MAX_VALUE, LaunchOptions.localBytes(List.of(List.of("s3a://bucket/*.csv"))));
        Path demo = Workspace.DEMO.resolve("fit_sessions.csv");
        assertEquals(sizeOf(demo), LaunchOptions.localBytes(List.of(List.of(demo.toUri().toString()))), "a file: URI is local");
    }

    @Test
    void commandsWithoutAConfigOrWithAWrongOneKeepTheDefaults() {
        assertEquals(List.of(), LaunchOptions.of("generate", "--demo", "--out", dir.toString()));
        assertEquals(List.of(), LaunchOptions.of("--version"));
        assertEquals(List.of(), LaunchOptions.of("run", "--config", dir.resolve("none.yaml").toString()));
        assertEquals(List.of(), LaunchOptions.of("no-such-command"));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
