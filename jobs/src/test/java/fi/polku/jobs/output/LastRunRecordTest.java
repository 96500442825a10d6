package fi.polku.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.spark.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code last_run.json} when several writers record at once, as a run and its interruption hook can: every record
 * lands whole, none fails, no temporary file is left. Before, all writers shared {@code last_run.json.tmp}: one
 * writer's move took another's file away (NoSuchFileException) or moved a half-written one.
 */
class LastRunRecordTest {
    @TempDir
    Path dir;

    @Test
    void recordsWrittenAtOnceEachLandWholeAndLeaveNoTemporaryFile() throws Exception {
        OutputStore store = OutputStore.at(dir.resolve("out").toString(), Sessions.hadoopConfiguration());
        int writers = 4;
        int each = 250;
        Set<String> written = new HashSet<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            for (int i = 0; i < each; i++) {
                // Records of different lengths, so that a truncated or mixed file cannot equal any of them.
                written.add(record(writer, i));
            }
            work.add(() -> {
                for (int i = 0; i < each; i++) {
                    store.recordLastRun(record(writer, i));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get(); // rethrows a writer's failure
            }
        } finally {
            pool.shutdownNow();
        }
        Path home = dir.resolve(".out.polku");
        String last = Files.readString(home.resolve("last_run.json"), StandardCharsets.UTF_8);
        assertTrue(written.contains(last), "the record is one writer's whole record: " + last);
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of("last_run.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static String record(int writer, int i) {
        return "{\"writer\": " + writer + ", \"n\": " + i + ", \"pad\": \"" + "x".repeat((writer * 7919 + i * 31) % 4000) + "\"}\n";
    }
}
