package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polku export} on the demo with k = 30 (so that the demo's 6–12 classes, 25–28 episodes each, must be
 * pooled) and dates by term: the k guarantee checked on the written files, nothing of the county's ids left,
 * the three formats equal, the datapackage true to the files, region tables under the k rule.
 */
class ExportStageTest {
    private static final int K = 30;

    @TempDir
    static Path dir;
    static Path config;
    static Path export;
    static JsonNode datapackage;

    @BeforeAll
    static void runAndExportTheDemo() throws IOException {
        config = Workspace.demoConfig(dir, "polku.yaml", "export:\n  k: " + K + "\n  dates: term\n");
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        PolkuRun.Outcome exported = PolkuRun.run("export", "--config", config.toString());
        assertEquals(0, exported.exit(), exported.toString());
        assertTrue(exported.out().contains("student dataset: "), exported.out());
        export = dir.resolve("out").resolve("export");
        datapackage = new ObjectMapper().readTree(export.resolve("datapackage.json").toFile());
    }

    private static List<CSVRecord> csv(String folder, String table) throws IOException {
        String text = Files.readString(export.resolve(folder).resolve(table + ".csv"), StandardCharsets.UTF_8);
        try (Reader r = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            return CSVFormat.DEFAULT.builder().setDelimiter(folder.equals("csv-fi") ? ';' : ',').setHeader().setSkipHeaderRecord(true)
                    .get().parse(r).getRecords();
        }
    }

    private static String csvFile(String table) {
        return "read_csv('" + export.resolve("csv").resolve(table + ".csv") + "', all_varchar = true)";
    }

    @Test
    void noCombinationOfQuasiIdentifiersIsSharedByFewerThanKEpisodes() {
        for (TableSchema table : ExportTables.microdata()) {
            long small = DuckDb.count("SELECT count(*) FROM (SELECT region, age_band, count(DISTINCT episode_key) AS n FROM "
                    + csvFile(table.name()) + " GROUP BY ALL) WHERE n < " + K);
            assertEquals(0, small, table.name());
        }
        // Across the tables together, too: an episode is one class everywhere.
        long inconsistent = DuckDb.count("SELECT count(*) FROM (SELECT episode_key FROM (SELECT DISTINCT episode_key, region, age_band FROM "
                + csvFile("sessions") + " UNION SELECT DISTINCT episode_key, region, age_band FROM " + csvFile("domain_change")
                + ") GROUP BY episode_key HAVING count(*) > 1)");
        assertEquals(0, inconsistent);
        assertTrue(DuckDb.count("SELECT count(*) FROM " + csvFile("sessions") + " WHERE region = 'other'") > 0,
                "k = 30 should pool the demo's 6-12 classes into 'other'");
    }

    @Test
    void everyEpisodeIsPublishedOrCountedAsLeftOut() throws IOException {
        Path out = dir.resolve("out");
        long episodes = DuckDb.count("SELECT count(DISTINCT episode_id) FROM (SELECT episode_id FROM " + DuckDb.table(out, "sessions")
                + " UNION SELECT episode_id FROM " + DuckDb.table(out, "domain_change") + ")");
        JsonNode disclosure = new ObjectMapper().readTree(export.resolve("disclosure.json").toFile());
        long published = disclosure.get("episodes_published").asLong();
        long published2 = DuckDb.count("SELECT count(DISTINCT episode_key) FROM (SELECT episode_key FROM " + csvFile("sessions")
                + " UNION SELECT episode_key FROM " + csvFile("domain_change") + ")");
        assertEquals(published, published2);
        String suppressed = disclosure.get("episodes_suppressed").asText();
        assertEquals(episodes, published + (suppressed.contains("-") ? 0 : Long.parseLong(suppressed)));
        for (JsonNode c : disclosure.get("classes")) {
            String n = c.get("episodes").asText();
            assertTrue(n.equals("fewer than " + K) || Long.parseLong(n) >= K, "the report itself shows a small count: " + c);
        }
    }

    @Test
    void nothingOfTheCountysIdentifiersOrFilesSurvivesAndDatesAreTerms() throws IOException {
        try (var files = Files.walk(export)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(text.contains("DEMO-"), f + " holds a county id");
                assertFalse(text.contains("fit_sessions.csv"), f + " names a source file");
            }
        }
        assertEquals(0, DuckDb.count("SELECT count(*) FROM " + csvFile("sessions")
                + " WHERE NOT regexp_full_match(session_period, '\\d{4}-(spring|autumn)')"));
        assertEquals(0, DuckDb.count("SELECT count(*) FROM " + csvFile("domain_change") + " WHERE version IN ('7-9', '10-13', '14-17')"));
    }

    @Test
    void theThreeFormatsHoldTheSameRows() throws IOException {
        for (TableSchema table : ExportTables.all()) {
            List<CSVRecord> plain = csv("csv", table.name());
            List<CSVRecord> finnish = csv("csv-fi", table.name());
            assertEquals(plain.size(), finnish.size(), table.name());
            List<String> numbers = new ArrayList<>();
            table.columns().forEach(c -> {
                if (c.type() == fi.polku.contract.ColumnType.DOUBLE) {
                    numbers.add(c.name());
                }
            });
            for (int i = 0; i < plain.size(); i++) {
                for (fi.polku.contract.Column c : table.columns()) {
                    String a = plain.get(i).get(c.name());
                    String b = finnish.get(i).get(c.name());
                    assertEquals(a, numbers.contains(c.name()) ? b.replace(',', '.') : b, table.name() + " row " + i + " " + c.name());
                }
            }
            long parquetRows = DuckDb.count("SELECT count(*) FROM '" + export.resolve("parquet").resolve(table.name() + ".parquet") + "'");
            assertEquals(plain.size(), parquetRows, table.name());
        }
        byte[] bytes = Files.readAllBytes(export.resolve("csv-fi").resolve("sessions.csv"));
        assertEquals(0xEF, bytes[0] & 0xFF, "the Finnish CSV starts with a BOM for Excel");
    }

    @Test
    void theDatapackageIsTrueToTheFiles() throws Exception {
        assertEquals("CC-BY-4.0", datapackage.at("/licenses/0/name").asText());
        assertTrue(datapackage.at("/polku/synthetic").asBoolean());
        assertEquals(K, datapackage.at("/polku/disclosure/k").asInt());
        assertEquals(ExportTables.all().size() * 3, datapackage.get("resources").size());
        for (JsonNode r : datapackage.get("resources")) {
            Path file = export.resolve(r.get("path").asText());
            assertEquals(Files.size(file), r.get("bytes").asLong(), r.get("name").asText());
            if (r.has("hash")) {
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
                assertEquals("sha256:" + sha, r.get("hash").asText(), r.get("name").asText());
            }
            List<String> fields = new ArrayList<>();
            for (JsonNode f : r.at("/schema/fields")) {
                fields.add(f.get("name").asText());
                assertFalse(f.path("description").asText().isBlank(), r.get("name").asText() + "." + f.get("name").asText());
            }
            if (r.get("format").asText().equals("csv")) {
                String folder = r.get("path").asText().split("/")[0];
                String table = r.get("path").asText().split("/")[1].replace(".csv", "");
                assertEquals(csvHeader(folder, table), fields, r.get("name").asText());
                assertEquals(csv(folder, table).size(), r.get("polku:rows").asLong());
            }
        }
    }

    private static List<String> csvHeader(String folder, String table) throws IOException {
        String first = Files.readAllLines(export.resolve(folder).resolve(table + ".csv"), StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
        return List.of(first.split(folder.equals("csv-fi") ? ";" : ","));
    }

    @Test
    void regionTablesFollowTheKRule() {
        List<String> counts = new ArrayList<>(List.of("n_episodes", "n_complete", "n_assessed"));
        fi.polku.contract.OutcomeTables.CATEGORIES.forEach(c -> counts.add(c + "_n"));
        for (String column : counts) {
            assertEquals(0, DuckDb.count("SELECT count(*) FROM " + csvFile("region_outcomes") + " WHERE " + column + " <> '' AND "
                    + column + "::BIGINT BETWEEN 1 AND " + (K - 1)), column);
        }
        assertEquals(0, DuckDb.count("SELECT count(*) FROM " + csvFile("region_rates") + " WHERE count <> '' AND count::BIGINT BETWEEN 1 AND "
                + (K - 1)));
        assertTrue(DuckDb.count("SELECT count(*) FROM " + csvFile("region_outcomes") + " WHERE disclosure <> 'none'") > 0);
    }

    @Test
    void everyPublishedChangeIsItsLatestMinusItsIntakeInBothCsvFormats() throws IOException {
        // Issue 21: the complete-case means are published in full, so they add up to mean_change to floating point.
        for (String folder : List.of("csv", "csv-fi")) {
            int checked = 0;
            for (CSVRecord r : csv(folder, "region_outcomes")) {
                String intake = r.get("intake_mean_complete");
                String latest = r.get("latest_mean_complete");
                String change = r.get("mean_change");
                assertTrue(change.isEmpty() || !intake.isEmpty() && !latest.isEmpty(),
                        folder + " line " + r.getRecordNumber() + ": a change without its means");
                if (!change.isEmpty()) {
                    checked++;
                    assertEquals(number(change), number(latest) - number(intake), 1e-9, folder + " line " + r.getRecordNumber());
                }
            }
            // The demo export publishes 17 such rows (k = 5; seen 2026-12-01): enough for the check to mean something.
            assertTrue(checked >= 10, folder + ": rows checked " + checked);
        }
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    @Test
    void publishedRegionOutcomesGiveNothingAwayToArithmeticOrToTheLinearProgram() throws IOException {
        List<CSVRecord> records = csv("csv", "region_outcomes");
        List<java.util.Map<String, String>> rows = new ArrayList<>();
        records.forEach(r -> rows.add(r.toMap()));
        // Complements within rows and differences of terms from the year recover no hidden count.
        assertEquals(List.of(), fi.polku.jobs.disclosure.ArithmeticAttack.run(rows, K));
        // The attacker's linear program over every published figure narrows no hidden one below the protection.
        var audit = RegionTables.audit(fi.polku.jobs.disclosure.OutcomeDisclosureTest.typed(records), K);
        assertTrue(audit.passed(), audit.failures().toString());
        assertTrue(audit.intervals().size() > 0);
        JsonNode disclosure = new ObjectMapper().readTree(export.resolve("disclosure.json").toFile());
        assertTrue(disclosure.at("/region_tables/audit/passed").asBoolean());
        assertEquals(audit.intervals().size(), disclosure.at("/region_tables/audit/hidden_figures_attacked").asInt());
    }

    @Test
    void readmesInBothLanguagesSayTheDataAreSynthetic() throws IOException {
        assertTrue(Files.readString(export.resolve("README.md")).contains("SYNTHETIC DATA"));
        assertTrue(Files.readString(export.resolve("LUEMINUT.md")).contains("SYNTEETTINEN AINEISTO"));
        assertTrue(Files.readString(export.resolve("README.md")).contains("k = " + K));
    }

    @Test
    void anExportIsDoneOnceAndALaterPipelineRunDropsItAsStale() throws IOException {
        PolkuRun.Outcome again = PolkuRun.run("export", "--config", config.toString());
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("nothing to do"), again.out());
        PolkuRun.Outcome report = PolkuRun.run("report", "--config", config.toString(), "--force");
        assertEquals(0, report.exit(), report.toString());
        assertFalse(Files.exists(dir.resolve("out").resolve("export")), "a stale export was carried over");
        assertFalse(Files.readString(dir.resolve("out").resolve("manifest.json")).contains("\"export\""));
        // Put it back for the other tests, whatever their order.
        assertEquals(0, PolkuRun.run("export", "--config", config.toString()).exit());
        export = dir.resolve("out").resolve("export");
        datapackage = new ObjectMapper().readTree(export.resolve("datapackage.json").toFile());
    }

    @Test
    void realDataNeedALicenceFromTheConfig() {
        fi.polku.jobs.config.ExportSettings settings = fi.polku.jobs.config.ExportSettings.defaults();
        assertEquals(fi.polku.jobs.config.ExportSettings.Licence.CC_BY_4_0, ExportStage.licence(settings, true, "polku.yaml"));
        fi.polku.jobs.config.ConfigError e = org.junit.jupiter.api.Assertions.assertThrows(fi.polku.jobs.config.ConfigError.class,
                () -> ExportStage.licence(settings, false, "polku.yaml"));
        assertTrue(e.getMessage().contains("export.licence"), e.getMessage());
    }
}
