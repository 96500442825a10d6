package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, deliverable 1 for remote inputs: a file on a Hadoop file system other than the local one (here
 * {@link PolkuTestFileSystem}, {@code polkutest://}, standing in for hdfs:// or s3a://) is snapshotted, hashed and
 * stamped like a local one, and a change during the run stops it with exit 3. Such a file system has no inode or
 * change time; without an ETag or checksum the end-of-ingest check re-reads the source and compares SHA-256.
 */
class RemoteInputTest {
    @TempDir
    Path dir;

    private Path config(Workspace ws, Path input) {
        return ws.config("2026-06-30", "fit_sessions", PolkuTestFileSystem.SCHEME + "://" + input.toAbsolutePath());
    }

    @Test
    void aRemoteInputIsSnapshottedHashedAndCounted() throws Exception {
        Workspace ws = new Workspace(dir);
        String text = InputReliabilityTest.rows(12);
        Path input = remoteFile(text);
        PolkuRun.Outcome run = InputReliabilityTest.withHook("planned", () -> rewrite(input, InputReliabilityTest.rows(3),
                null), config(ws, input));
        // The source cut to 3 rows after it was read: the size differs at the end of ingest.
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("fit.csv: the file changed during the run"), run.err());

        Files.writeString(input, text, StandardCharsets.UTF_8);
        run = PolkuRun.run("ingest", "--config", config(ws, input).toString());
        assertEquals(0, run.exit(), run.toString());
        JsonNode file = InputReliabilityTest.manifest(ws.output()).get("inputs").get(0);
        assertEquals("polkutest:" + input.toAbsolutePath(), file.get("path").asText(), "Hadoop's spelling of the URI");
        assertEquals("fit.csv", file.get("file").asText());
        assertEquals(InputReliabilityTest.sha256(text.getBytes(StandardCharsets.UTF_8)), file.get("sha256").asText());
        assertEquals(12, file.get("rows_in").asLong());
        assertEquals(12, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "sessions")));
        InputReliabilityTest.assertManifestCountsAreParquetCounts(ws.output());
    }

    /**
     * The case size and modification time miss: the same number of bytes written back with the old modification
     * time. Failed before (exit 0, the old checksum published): the stamp of a non-local file was size and time only.
     */
    @Test
    void aSameSizeRewriteWithTheOldTimestampIsCaughtByReadingTheSourceAgain() throws Exception {
        Workspace ws = new Workspace(dir);
        String text = InputReliabilityTest.rows(12);
        Path input = remoteFile(text);
        FileTime modified = Files.getLastModifiedTime(input);
        String swapped = text.replace("C-3,Kainuu", "C-3,Lappi!");
        assertEquals(text.length(), swapped.length(), "the same size");
        for (String point : new String[] {"screened", "ingested"}) {
            Files.writeString(input, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(input, modified);
            PolkuRun.Outcome run = InputReliabilityTest.withHook(point, () -> rewrite(input, swapped, modified),
                    config(ws, input), "--force");
            assertEquals(3, run.exit(), point + "\n" + run);
            assertTrue(run.err().contains("fit.csv: the file changed during the run (same size and modification time,"
                    + " but its SHA-256 differs from the bytes read)"), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace");
            assertFalse(Files.exists(ws.output()), point + ": nothing published");
        }
    }

    /** A 12-row FIT file in its own folder, to be read through polkutest://. */
    private Path remoteFile(String text) throws IOException {
        Path input = Files.createDirectories(dir.resolve("remote")).resolve("fit.csv");
        Files.writeString(input, text, StandardCharsets.UTF_8);
        return input;
    }

    private static void rewrite(Path file, String text, FileTime modified) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (modified != null) {
                Files.setLastModifiedTime(file, modified);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
