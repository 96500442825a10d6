package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo export (k = 30, so that region {@code other} appears) as a student opens it, checked against the
 * codebook: every coded value in the data has a label; the generated R script, run with Rscript, gives labelled
 * factors in the codebook's order; the generated SPSS syntax parses to VALUE LABELS equal to the codebook and,
 * run in GNU PSPP, reads every table with those labels; the Finnish CSV quotes everything Excel would convert;
 * the datapackage's categories and KOODIKIRJA say what the codebook says.
 */
class StudentFormatsTest {
    @TempDir
    static Path dir;
    static Path export;
    static final Codebook BOOK = Codebook.bundled();

    @BeforeAll
    static void runAndExportTheDemo() {
        Path config = Workspace.demoConfig(dir, "polku.yaml", "export:\n  k: 30\n");
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        PolkuRun.Outcome exported = PolkuRun.run("export", "--config", config.toString());
        assertEquals(0, exported.exit(), exported.toString());
        export = dir.resolve("out").resolve("export");
    }

    static List<CSVRecord> csv(String folder, String table) throws IOException {
        String text = Files.readString(export.resolve(folder).resolve(table + ".csv"), StandardCharsets.UTF_8);
        try (Reader r = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            return CSVFormat.DEFAULT.builder().setDelimiter(folder.equals("csv-fi") ? ';' : ',').setHeader().setSkipHeaderRecord(true)
                    .get().parse(r).getRecords();
        }
    }

    private static List<Codebook.Value> values(TableSchema table, Column c) {
        return BOOK.codes(table.name(), c.name()).map(Codebook.CodeSet::values).orElse(null);
    }

    @Test
    void everyCodedValueInTheExportHasALabel() throws IOException {
        int coded = 0;
        for (TableSchema table : ExportTables.all()) {
            for (CSVRecord r : csv("csv", table.name())) {
                for (Column c : table.columns()) {
                    List<Codebook.Value> values = values(table, c);
                    String v = r.get(c.name());
                    if (values != null && !v.isEmpty()) {
                        assertTrue(values.stream().anyMatch(x -> x.code().equals(v)), table.name() + "." + c.name() + " = " + v + " has no label");
                        coded++;
                    }
                }
            }
        }
        assertTrue(coded > 10_000, "coded values seen: " + coded);
        // 'other' (regions pooled by k-anonymity) has its label whether or not this run pools any: at k = 30 most
        // episodes are withheld for the region tables before k-anonymity is made (WithheldMicrodata).
        Column region = ExportTables.SESSIONS.columns().stream().filter(c -> c.name().equals("region")).findFirst().orElseThrow();
        assertTrue(values(ExportTables.SESSIONS, region).stream().anyMatch(x -> x.code().equals("other")), "'other' has a label");
    }

    @Test
    void theRScriptReadsEveryTableIntoLabelledFactorsInTheCodebooksOrder() throws Exception {
        Assumptions.assumeTrue(onPath("Rscript"), "Rscript is not installed (Debian: apt-get install r-base-core): the R script was not run");
        for (String language : List.of("fi", "en")) {
            Path out = dir.resolve("r-" + language + ".tsv");
            Path script = Path.of(StudentFormatsTest.class.getResource("/export/describe_dataset.R").toURI());
            run(List.of("Rscript", script.toString(), export.toString(), out.toString(), language), export);
            Map<String, String[]> described = new HashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                described.put(f[0] + "." + f[1], f);
            }
            for (TableSchema table : ExportTables.all()) {
                long rows = csv("csv", table.name()).size();
                for (Column c : table.columns()) {
                    String[] d = described.get(table.name() + "." + c.name());
                    assertTrue(d != null, "R has no " + table.name() + "." + c.name());
                    assertEquals(Long.toString(rows), d[4], table.name());
                    Codebook.Entry e = BOOK.column(table.name(), c.name()).orElseThrow();
                    assertEquals(language.equals("fi") ? e.labelFi() : e.labelEn(), d[5], "label of " + table.name() + "." + c.name());
                    List<Codebook.Value> values = values(table, c);
                    if (c.type() == ColumnType.BOOLEAN) {
                        assertEquals("logical", d[2], table.name() + "." + c.name());
                    } else if (values != null) {
                        assertEquals("factor", d[2], table.name() + "." + c.name());
                        boolean ordered = BOOK.codes(table.name(), c.name()).orElseThrow().ordered();
                        assertEquals(ordered ? "TRUE" : "FALSE", d[3], "ordered " + table.name() + "." + c.name());
                        assertEquals(String.join(" | ", values.stream().map(v -> language.equals("fi") ? v.labelFi() : v.labelEn()).toList()),
                                d[6], "levels of " + table.name() + "." + c.name());
                    } else if (ExcelText.textColumn(c.type(), c.name())) {
                        assertEquals("character", d[2], table.name() + "." + c.name());
                    }
                }
            }
            String seed = csv("csv", "region_outcomes").get(0).get("boot_seed");
            assertEquals(seed, described.get("region_outcomes.boot_seed")[7], "boot_seed kept whole as text in R");
        }
    }

    @Test
    void theSpssSyntaxLabelsEveryCodedColumnAsTheCodebookDoes() throws IOException {
        SpssSyntax sps = SpssSyntax.parse(Files.readString(export.resolve(SyntaxFiles.SPSS), StandardCharsets.UTF_8));
        for (TableSchema table : ExportTables.all()) {
            SpssSyntax.Table t = sps.tables().get(table.name());
            assertTrue(t != null, "no GET DATA for " + table.name());
            assertEquals("csv-fi/" + table.name() + ".csv", t.file());
            assertTrue(Files.exists(export.resolve(t.file())), t.file());
            assertEquals(table.columns().stream().map(Column::name).toList(), new ArrayList<>(t.formats().keySet()), table.name());
            for (Column c : table.columns()) {
                Codebook.Entry e = BOOK.column(table.name(), c.name()).orElseThrow();
                assertEquals(e.labelFi(), t.variableLabels().get(c.name()), "VARIABLE LABELS " + table.name() + "." + c.name());
                List<Codebook.Value> values = values(table, c);
                if (values != null) {
                    List<String[]> expected = values.stream().map(v -> new String[] {v.code(), v.labelFi()}).toList();
                    List<String[]> got = t.valueLabels().get(c.name());
                    assertTrue(got != null, "no VALUE LABELS for " + table.name() + "." + c.name());
                    assertEquals(expected.stream().map(a -> a[0] + "=" + a[1]).toList(), got.stream().map(a -> a[0] + "=" + a[1]).toList(),
                            "VALUE LABELS " + table.name() + "." + c.name());
                    boolean ordered = BOOK.codes(table.name(), c.name()).orElseThrow().ordered();
                    boolean text = c.type() == ColumnType.STRING;
                    assertEquals(ordered && !text ? "ORDINAL" : "NOMINAL", t.levels().get(c.name()), "level " + table.name() + "." + c.name());
                    if (ordered && text) {
                        // SPSS sorts text alphabetically: the order lives in a numeric companion, 1, 2, ... in the codebook's order.
                        String companion = c.name() + SyntaxFiles.ORDER_SUFFIX;
                        List<String> order = new ArrayList<>();
                        for (int i = 0; i < values.size(); i++) {
                            order.add(values.get(i).code() + "=" + (i + 1));
                        }
                        assertEquals(order, t.recodes().get(companion).entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList(),
                                "RECODE into " + companion);
                        List<String> labels = new ArrayList<>();
                        for (int i = 0; i < values.size(); i++) {
                            labels.add((i + 1) + "=" + values.get(i).labelFi());
                        }
                        assertEquals(labels, t.valueLabels().get(companion).stream().map(a -> a[0] + "=" + a[1]).toList(), companion);
                        assertEquals("ORDINAL", t.levels().get(companion), companion);
                    }
                }
                if (ExcelText.textColumn(c.type(), c.name())) {
                    assertTrue(t.formats().get(c.name()).startsWith("A"), c.name() + " is read as text");
                }
            }
        }
    }

    @Test
    void theSpssSyntaxRunsInPsppAndReadsEveryTableWithItsValueLabels() throws Exception {
        Assumptions.assumeTrue(onPath("pspp"), "GNU PSPP is not installed (Debian: apt-get install pspp): the SPSS syntax was only parsed");
        StringBuilder syntax = new StringBuilder(Files.readString(export.resolve(SyntaxFiles.SPSS), StandardCharsets.UTF_8));
        Path back = Files.createDirectories(dir.resolve("pspp"));
        for (TableSchema table : ExportTables.all()) {
            syntax.append("GET FILE='").append(table.name()).append(".sav'.\nSAVE TRANSLATE /OUTFILE='").append(back.resolve(table.name() + ".csv"))
                    .append("' /TYPE=CSV /REPLACE /FIELDNAMES /CELLS=LABELS.\n");
        }
        Path script = dir.resolve("check.sps");
        Files.writeString(script, syntax, StandardCharsets.UTF_8);
        String output = run(List.of("pspp", "-O", "format=txt", "-o", dir.resolve("pspp.txt").toString(), script.toString()), export);
        String listing = Files.readString(dir.resolve("pspp.txt"), StandardCharsets.UTF_8);
        assertFalse(listing.contains("error") || listing.contains("warning"), listing + output);
        for (TableSchema table : ExportTables.all()) {
            List<CSVRecord> plain = csv("csv", table.name());
            List<CSVRecord> pspp;
            try (Reader r = Files.newBufferedReader(back.resolve(table.name() + ".csv"), StandardCharsets.UTF_8)) {
                pspp = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            }
            assertEquals(plain.size(), pspp.size(), table.name());
            for (Column c : table.columns()) {
                List<Codebook.Value> values = values(table, c);
                for (int i = 0; i < plain.size(); i++) {
                    String v = plain.get(i).get(c.name());
                    String got = pspp.get(i).get(c.name()).strip();
                    if (values != null && !v.isEmpty()) {
                        String label = values.stream().filter(x -> x.code().equals(v)).findFirst().orElseThrow().labelFi();
                        assertEquals(label, got, table.name() + " row " + i + " " + c.name());
                        if (c.type() == ColumnType.STRING && BOOK.codes(table.name(), c.name()).orElseThrow().ordered()) {
                            assertEquals(label, pspp.get(i).get(c.name() + SyntaxFiles.ORDER_SUFFIX).strip(), "ordinal companion of " + c.name());
                        }
                    } else if (c.type() == ColumnType.STRING && values == null) {
                        assertEquals(v, got, table.name() + " row " + i + " " + c.name());
                    }
                }
            }
        }
    }

    @Test
    void theFinnishCsvQuotesEveryValueExcelWouldConvert() throws IOException {
        int quoted = 0;
        for (TableSchema table : ExportTables.all()) {
            List<String> lines = Files.readAllLines(export.resolve("csv-fi").resolve(table.name() + ".csv"), StandardCharsets.UTF_8);
            List<CSVRecord> parsed = csv("csv-fi", table.name());
            for (int i = 1; i < lines.size(); i++) {
                List<String[]> fields = RawFields.split(lines.get(i), ';');
                assertEquals(table.columns().size(), fields.size(), table.name() + " line " + (i + 1));
                for (int j = 0; j < fields.size(); j++) {
                    Column c = table.columns().get(j);
                    String value = fields.get(j)[0];
                    boolean isQuoted = fields.get(j)[1] != null;
                    assertEquals(parsed.get(i - 1).get(j), value, "raw split agrees with the CSV parser");
                    boolean convertible = ExcelText.wouldConvert(value) && c.type() == ColumnType.STRING || value.length() > 15
                            && c.type() == ColumnType.INT64;
                    assertTrue(!convertible || isQuoted, table.name() + " line " + (i + 1) + " " + c.name() + " = " + value
                            + ": Excel would convert it, and it is not quoted");
                    quoted += convertible ? 1 : 0;
                }
            }
        }
        assertTrue(quoted > 1000, "values that needed quotes: " + quoted);
    }

    @Test
    void theDatapackageAndKoodikirjaSayWhatTheCodebookSays() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(export.resolve("datapackage.json").toFile());
        int categorised = 0;
        for (JsonNode r : pkg.get("resources")) {
            String table = r.get("path").asText().replaceAll(".*/|\\.(csv|parquet)$", "");
            for (JsonNode f : r.at("/schema/fields")) {
                Codebook.Entry e = BOOK.column(table, f.get("name").asText()).orElseThrow();
                assertEquals(e.labelFi(), f.get("polku:title_fi").asText());
                Codebook.CodeSet set = BOOK.codes(table, e.column()).orElse(null);
                if (set != null && !f.get("type").asText().equals("boolean")) {
                    List<String> codes = new ArrayList<>();
                    f.get("categories").forEach(x -> codes.add(x.get("value").asText() + "=" + x.get("label").asText()));
                    assertEquals(set.values().stream().map(v -> v.code() + "=" + v.labelFi()).toList(), codes, table + "." + e.column());
                    assertEquals(set.ordered(), f.get("categoriesOrdered").asBoolean());
                    categorised++;
                }
            }
        }
        assertTrue(categorised >= 3 * 20, "fields with categories: " + categorised);
        String md = Files.readString(export.resolve("KOODIKIRJA.md"), StandardCharsets.UTF_8);
        DataDictionary dictionary = DataDictionary.bundled();
        TreeSet<String> english = new TreeSet<>();
        for (TableSchema table : ExportTables.all()) {
            for (Column c : table.columns()) {
                String en = dictionary.column(table.name(), c.name()).orElseThrow().meaning();
                String fi = BOOK.column(table.name(), c.name()).orElseThrow().meaningFi();
                assertTrue(md.contains("| " + fi.replace("|", "\\|")), "KOODIKIRJA lacks the Finnish meaning of " + table.name() + "." + c.name());
                if (md.contains("| " + en + " |") || md.contains("| " + en + " (voi")) {
                    english.add(table.name() + "." + c.name());
                }
            }
        }
        assertTrue(english.isEmpty(), "English-only descriptions in KOODIKIRJA: " + english);
        assertTrue(Files.readString(export.resolve("KOODIKIRJA.html"), StandardCharsets.UTF_8).contains("luotettavasti parantunut ja toipunut"));
    }

    @Test
    void projectIndicatorsAreExportedUnderTheKRule() throws IOException {
        List<CSVRecord> rows = csv("csv", "project_indicators");
        assertFalse(rows.isEmpty());
        int blanked = 0;
        for (CSVRecord r : rows) {
            for (String count : List.of("families_reached", "episodes_reached", "measured_episodes", "meetings", "skipped_meetings",
                    "ended_episodes", "dropouts")) {
                String v = r.get(count);
                assertTrue(v.isEmpty() || Long.parseLong(v) == 0 || Long.parseLong(v) >= 30, count + " = " + v + " is under k = 30");
            }
            if (r.get("skipped_meetings").isEmpty() && !r.get("meetings").isEmpty()) {
                assertTrue(r.get("skipped_share").isEmpty(), "a blanked count takes its share with it");
            }
            blanked += r.get("disclosure").equals("none") ? 0 : 1;
        }
        assertTrue(blanked > 0, "k = 30 blanks some of the demo's indicator counts");
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command, Path cwd) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), command + " still running after 5 minutes");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + ":\n" + output);
        return output;
    }
}
