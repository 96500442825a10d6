package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import fi.polku.jobs.pipeline.RunHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's reliability suite, part one: how <em>files</em> are handled. Each case is a small constructed
 * input; moments inside a run are reached through {@link RunHooks}, not sleeps. Every case failed on the code
 * before the run read each input once (snapshot + checksum + format from the same bytes).
 */
class InputReliabilityTest {
    private static final String HEADER = "case_id,region,respondent,age_band,instrument,session_date,total";
    /** The DVV's textbook example code (shared/reference/hetu_test_vectors.csv). */
    private static final String CODE = "131052-308T";

    @TempDir
    Path dir;

    static String rows(int n) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= n; i++) {
            b.append("C-").append(i).append(",Kainuu,youth,13-17,ORS,2025-02-").append(String.format("%02d", 1 + i % 28))
                    .append(',').append(10 + i % 25).append(".5\n");
        }
        return b.toString();
    }

    private static PolkuRun.Outcome ingest(Path config, String... more) {
        String[] args = Stream.concat(Stream.of("ingest", "--config", config.toString()), Stream.of(more)).toArray(String[]::new);
        return PolkuRun.run(args);
    }

    static PolkuRun.Outcome withHook(String point, Runnable action, Path config, String... more) throws Exception {
        try (AutoCloseable hook = RunHooks.listen(p -> {
            if (p.equals(point)) {
                action.run();
            }
        })) {
            return ingest(config, more);
        }
    }

    static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every file under the output root and beside it (last_run.json), as text, to search for a leaked code. */
    private static String everythingWritten(Path root) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                all.append(p.getFileName()).append('\n');
                if (Files.isRegularFile(p)) {
                    all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issue 17.1: a file cut to half mid-run was published under the old checksum. */
    @Test
    void aFileChangedDuringTheRunFailsItAndTheOutputsStayAsTheyWere() throws Exception {
        Workspace ws = new Workspace(dir);
        Path input = ws.write("sessions.csv", rows(40), StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "sessions.csv");
        assertEquals(0, ingest(config).exit());
        List<String> before = Workspace.listing(ws.output());
        byte[] manifestBefore = Files.readAllBytes(ws.output().resolve("manifest.json"));

        PolkuRun.Outcome run = withHook("screened", () -> write(input, rows(20)), config, "--force");

        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("sessions.csv: the file changed during the run"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals(before, Workspace.listing(ws.output()));
        assertTrue(java.util.Arrays.equals(manifestBefore, Files.readAllBytes(ws.output().resolve("manifest.json"))));
        String lastRun = Files.readString(ws.dir().resolve(".out.polku/last_run.json"));
        assertTrue(lastRun.contains("\"status\" : \"failed\"") && lastRun.contains("\"exit_code\" : 3"), lastRun);
    }

    /** Issue 17.1: a copy carrying an identity code swapped in after the screen reached `sessions`. */
    @Test
    void aFileSwappedForOneWithAnIdentityCodeMidRunLeavesNoCodeAnywhere() throws Exception {
        Workspace ws = new Workspace(dir);
        Path input = ws.write("sessions.csv", rows(40), StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "sessions.csv");
        String poisoned = rows(40).replace("C-3,", CODE + ",");
        for (String point : List.of("planned", "screened")) {
            write(input, rows(40));
            PolkuRun.Outcome run = withHook(point, () -> write(input, poisoned), config, "--force");
            assertEquals(3, run.exit(), point + "\n" + run);
            assertFalse((run.out() + run.err()).contains(CODE));
            assertFalse(everythingWritten(ws.dir().resolve(".out.polku")).contains(CODE), point);
        }
    }

    /** Issue 17.7: an input deleted mid-run gave a 187-frame trace (also in last_run.json). */
    @Test
    void anInputDeletedMidRunIsOneLineAndExitThree() throws Exception {
        Workspace ws = new Workspace(dir);
        Path input = ws.write("sessions.csv", rows(10), StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "sessions.csv");
        PolkuRun.Outcome run = withHook("screened", () -> input.toFile().delete(), config);
        assertEquals(3, run.exit(), run.toString());
        assertEquals("polku: input rejected: sessions.csv: the file was deleted or replaced during the run; nothing was"
                + " published. Run again when the export is in place.", run.err().strip());
        assertFalse(Files.exists(ws.output()), "nothing published");
    }

    /** After ingest, the run works from its own copy: a later change makes no difference to what is published. */
    @Test
    void aChangeAfterIngestChangesNothingPublishedAndTheChecksumIsOfTheBytesRead() throws Exception {
        Workspace ws = new Workspace(dir);
        String original = rows(30);
        Path input = ws.write("sessions.csv", original, StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "sessions.csv");
        PolkuRun.Outcome run = withHook("stage:ingest", () -> write(input, rows(5)), config);
        assertEquals(0, run.exit(), run.toString());
        JsonNode file = manifest(ws.output()).get("inputs").get(0);
        assertEquals(sha256(original.getBytes(StandardCharsets.UTF_8)), file.get("sha256").asText());
        assertEquals(30, file.get("rows_in").asLong());
        assertEquals(30, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "sessions")));
        PolkuRun.Outcome again = ingest(config);
        assertFalse(again.out().contains("nothing to do"), "the changed file is new input: " + again);
    }

    /** Issue 17.5: one file matched three times was read three times and its rows quarantined as repeats. */
    @Test
    void aFileMatchedByThreePatternsIsReadOnce() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("a.csv", rows(2), StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "[a.csv, ./a.csv, \"a*.csv\"]");
        PolkuRun.Outcome run = ingest(config);
        assertEquals(0, run.exit(), run.toString());
        JsonNode m = manifest(ws.output());
        assertEquals(1, m.get("inputs").size());
        assertEquals(2, m.get("inputs").get(0).get("rows_in").asLong());
        assertEquals(2, m.get("tables").get("sessions").asLong());
        assertEquals(0, m.get("tables").get("quarantine").asLong());
        assertTrue(m.get("warnings").toString().contains("a.csv is matched by 'a.csv' and again by"), m.get("warnings").toString());
        assertManifestCountsAreParquetCounts(ws.output());
    }

    /** Issue 17.5: two fit.csv in different folders were indistinguishable in source_file. */
    @Test
    void twoFilesOfOneNameInDifferentFoldersStayApart() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("north/fit.csv", rows(3), StandardCharsets.UTF_8);
        ws.write("south/fit.csv", rows(4).replace("C-", "S-"), StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "\"*/fit.csv\"");
        assertEquals(0, ingest(config).exit());
        assertEquals(List.of("north/fit.csv 3", "south/fit.csv 4"), DuckDb.query("select source_file, count(*) n from "
                + DuckDb.table(ws.output(), "sessions") + " group by 1 order by 1").stream()
                .map(r -> r.get("source_file") + " " + r.get("n")).toList());
        assertManifestCountsAreParquetCounts(ws.output());
    }

    @Test
    void aFileConfiguredForTwoDatasetsIsAConfigurationError() {
        Workspace ws = new Workspace(dir);
        ws.write("a.csv", rows(2), StandardCharsets.UTF_8);
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "a.csv", "life_situation", "a.csv"));
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("a.csv is configured both as fit_sessions and as life_situation"), run.err());
    }

    /** Issue 17.6: a data line starting with # was dropped, neither counted nor quarantined. */
    @Test
    void aHashLineAfterTheHeaderIsARowLikeAnyOther() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("s.csv", "# synthetic test file\n" + rows(2) + "# a note someone typed\n#C-9,Kainuu,youth,13-17,ORS,2025-02-03,20\n",
                StandardCharsets.UTF_8);
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "s.csv"));
        assertEquals(0, run.exit(), run.toString());
        JsonNode input = manifest(ws.output()).get("inputs").get(0);
        assertEquals(4, input.get("rows_in").asLong(), "two rows and two # lines after the header");
        assertEquals(4, input.get("clean").asLong() + input.get("quarantined").asLong());
        assertEquals(List.of(3L, 4L, 5L, 6L), lines(ws.output()), "line numbers count the leading comment");
        assertManifestCountsAreParquetCounts(ws.output());
    }

    private static List<Long> lines(Path out) {
        return DuckDb.query("select line from (select source_line line from " + DuckDb.table(out, "sessions")
                + " union all select line from " + DuckDb.table(out, "quarantine") + ") order by 1").stream()
                .map(r -> ((Number) r.get("line")).longValue()).toList();
    }

    /** Issue 17.2: codes joined to letters or digits passed; each of the five is caught now. */
    @Test
    void codesGluedToLettersOrDigitsStopTheFile() throws Exception {
        Workspace ws = new Workspace(dir);
        String text = rows(8).replace("C-2,", "X131052-308T,").replace("C-3,", "131052-308TX,")
                .replace("C-4,", "K010594Y9032,").replace("C-5,", "020304B123Px,").replace("C-6,", "1131052-308T,");
        ws.write("s.csv", text, StandardCharsets.UTF_8);
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "s.csv"));
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("s.csv: 5 Finnish personal identity codes at line 3, column case_id (field 1); line 4,"
                + " column case_id (field 1); line 5, column case_id (field 1); line 6, column case_id (field 1); line 7,"
                + " column case_id (field 1)"), run.err());
        for (String part : List.of("131052", "010594", "020304")) {
            assertFalse((run.out() + run.err()).contains(part));
        }
        assertFalse(Files.exists(ws.output()));
    }

    /** Issue 17.3: a code in a file name went into manifest.json and into source_file on every row. */
    @Test
    void aCodeInAFileNameStopsTheFileWithoutEchoingIt() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("export_" + CODE + ".csv", rows(3), StandardCharsets.UTF_8);
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "\"export_*.csv\""));
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("a file's name or folder contains a Finnish personal identity code (not shown)"), run.err());
        assertFalse((run.out() + run.err()).contains("131052"));
        assertFalse(everythingWritten(ws.dir().resolve(".out.polku")).contains("131052"));
    }

    /** Issue 17.3: a UTF-16 file without BOM was refused with its header, code included, in the message. */
    @Test
    void aUtf16FileWithoutMarkIsRefusedWithoutRepeatingItsHeader() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("s.csv", "case_id" + CODE + ",total\nC-1,20\n", StandardCharsets.UTF_16LE);
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "s.csv"));
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("s.csv line 1: the file holds NUL bytes"), run.err());
        assertFalse(run.err().contains("c\0a") || run.err().contains("131052") || run.err().contains("case"), run.err());
        assertFalse(everythingWritten(ws.dir().resolve(".out.polku")).contains("131052"));
    }

    /** Issue 17.4: a Windows-1252 file whose first ä comes after 6 000 ASCII rows lost those rows as 'Etel�-Savo'. */
    @Test
    void encodingAndDecimalSeparatorAreDecidedFromTheWholeFile() throws Exception {
        Workspace ws = new Workspace(dir);
        String body = rows(6000).replace(',', ';').replace(".5\n", "\n");
        String late = body + "Z-9;Etelä-Savo;youth;13-17;ORS;2025-02-03;5,4\n";
        ws.write("s.csv", late, Charset.forName("windows-1252"));
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "s.csv"));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("windows-1252, ';'-separated, decimal comma"), run.out());
        JsonNode input = manifest(ws.output()).get("inputs").get(0);
        assertEquals(6001, input.get("clean").asLong(), "no valid row quarantined");
        assertEquals(1, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "sessions")
                + " where case_id = 'Z-9' and region = '12' and total = 5.4"));
    }

    /** Issue 17.4: one 0xFF byte on line 5 quarantined 3 031 valid rows; now the file is refused, saying where. */
    @Test
    void aFileThatMixesEncodingsIsRefusedInsteadOfQuarantiningValidRows() throws Exception {
        Workspace ws = new Workspace(dir);
        String text = rows(10).replace("Kainuu", "Etelä-Savo");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int line5 = text.substring(0, text.indexOf("\nC-4,") + 3).getBytes(StandardCharsets.UTF_8).length;
        utf8[line5] = (byte) 0xFF; // the '-' of "C-4" on line 5
        Files.write(ws.dir().resolve("s.csv"), utf8);
        PolkuRun.Outcome run = ingest(ws.config("2026-06-30", "fit_sessions", "s.csv"));
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("s.csv: the file mixes encodings: UTF-8 letters (first on line 2) and bytes that are"
                + " not UTF-8 (first on line 5)"), run.err());
    }

    /** The manifest's table counts are the rows in the Parquet files, read by DuckDB. */
    static void assertManifestCountsAreParquetCounts(Path out) throws IOException {
        JsonNode tables = manifest(out).get("tables");
        for (var it = tables.fields(); it.hasNext(); ) {
            var t = it.next();
            if (Files.isDirectory(out.resolve(t.getKey())) && !t.getKey().equals("report") && !t.getKey().equals("export")) {
                assertEquals(t.getValue().asLong(), DuckDb.count("select count(*) from " + DuckDb.table(out, t.getKey())),
                        t.getKey());
            }
        }
        long in = 0;
        long accounted = 0;
        for (JsonNode f : manifest(out).get("inputs")) {
            in += f.get("rows_in").asLong();
            accounted += f.get("clean").asLong() + f.get("quarantined").asLong();
        }
        assertEquals(in, accounted, "rows in = clean + quarantined");
    }
}
