package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.contract.Column;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo data through {@code polku ingest}, read back with DuckDB, an engine independent of Spark. */
class IngestDemoTest {
    private static final Map<String, String> DUCKDB_TYPES = Map.of("string", "VARCHAR", "int32", "INTEGER",
            "int64", "BIGINT", "double", "DOUBLE", "boolean", "BOOLEAN", "date", "DATE");

    @TempDir
    static Path dir;
    static Workspace ws;
    static JsonNode manifest;

    @BeforeAll
    static void ingestTheDemo() throws IOException {
        ws = new Workspace(dir);
        Path config = ws.config("2026-06-30",
                "fit_sessions", Workspace.DEMO.resolve("fit_sessions.csv").toString(),
                "life_situation", Workspace.DEMO.resolve("life_situation.csv").toString(),
                "region_statistics", Workspace.DEMO.resolve("region_statistics.csv").toString(),
                "populations", Workspace.DEMO.resolve("populations.csv").toString());
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        manifest = new ObjectMapper().readTree(ws.output().resolve("manifest.json").toFile());
    }

    @Test
    void everyTableHasExactlyTheDeclaredColumnsAndTypes() {
        for (TableSchema table : Tables.ingestOutputs()) {
            List<Map<String, Object>> described = DuckDb.query("describe select * from " + DuckDb.table(ws.output(), table.name()));
            List<String> actual = described.stream().map(r -> r.get("column_name") + " " + r.get("column_type"))
                    .collect(Collectors.toList());
            List<String> expected = table.columns().stream()
                    .map(c -> c.name() + " " + DUCKDB_TYPES.get(c.type().dictionaryName())).collect(Collectors.toList());
            assertEquals(expected, actual, table.name());
        }
    }

    @Test
    void theManifestCountsAreTheRowsOfTheWrittenFiles() throws IOException {
        InputReliabilityTest.assertManifestCountsAreParquetCounts(ws.output());
    }

    @Test
    void rowsInEqualCleanPlusQuarantinedForEveryFileAndTable() {
        Map<String, Long> cleanByDataset = new HashMap<>();
        long quarantined = 0;
        for (JsonNode input : manifest.get("inputs")) {
            long in = input.get("rows_in").asLong();
            assertTrue(in > 0, input.toString());
            assertEquals(in, input.get("clean").asLong() + input.get("quarantined").asLong(), input.toString());
            long inFile = countDataLines(Path.of(input.get("path").asText().replace("file:", "")));
            assertEquals(inFile, in, "manifest rows_in counts every data line of " + input.get("file"));
            cleanByDataset.merge(input.get("dataset").asText(), input.get("clean").asLong(), Long::sum);
            quarantined += input.get("quarantined").asLong();
        }
        assertEquals((long) cleanByDataset.get("fit_sessions"), DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "sessions")));
        assertEquals((long) cleanByDataset.get("life_situation"), DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "life_situation")));
        assertEquals((long) cleanByDataset.get("region_statistics"), DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "region_statistics")));
        assertEquals((long) cleanByDataset.get("populations"), DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "populations")));
        assertEquals(quarantined, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "quarantine")));
        assertTrue(quarantined > 0, "the demo carries a few typical export mistakes");
    }

    @Test
    void theSyntheticFlagTravelsIntoEveryRowAndTheManifest() {
        assertTrue(manifest.get("synthetic").asBoolean());
        for (String table : List.of("sessions", "life_situation", "region_statistics", "populations")) {
            assertEquals(0, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), table) + " where not synthetic"), table);
        }
    }

    @Test
    void sessionsAreUniquePerSeriesAndNumber() {
        assertEquals(0, DuckDb.count("select count(*) from (select episode_id, respondent, instrument, session_no, count(*) n from "
                + DuckDb.table(ws.output(), "sessions") + " group by all having n > 1)"));
    }

    @Test
    void everyQuarantinedRowSaysWhereAndWhy() {
        assertEquals(0, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), "quarantine")
                + " where source_file is null or line < 1 or reason_code is null or reason = '' or raw is null"));
    }

    @Test
    void requiredColumnsAreNeverEmpty() {
        for (TableSchema table : Tables.ingestOutputs()) {
            for (Column c : table.columns()) {
                if (!c.nullable()) {
                    assertEquals(0, DuckDb.count("select count(*) from " + DuckDb.table(ws.output(), table.name())
                            + " where \"" + c.name() + "\" is null"), table.name() + "." + c.name());
                }
            }
        }
    }

    private static long countDataLines(Path csv) {
        try {
            return Files.readAllLines(csv).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
