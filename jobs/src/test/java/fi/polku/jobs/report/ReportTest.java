package fi.polku.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's report in Finnish and, with one config change, English: every page present, valid HTML (W3C Nu
 * checker), self-contained, with the synthetic banner, and equal to the golden files once the volatile parts
 * (run time, run id, version, config path) are normalised. Regenerate the golden files on purpose with
 * {@code -Dpolku.golden=write}.
 */
class ReportTest {
    private static final List<String> PAGES = List.of("index.html", "region-10.html", "region-12.html", "region-13.html",
            "region-20.html");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "report");

    @TempDir
    static Path dir;
    static Map<String, String> finnish = new LinkedHashMap<>();
    static Map<String, String> english = new LinkedHashMap<>();

    @BeforeAll
    static void runTheDemoInBothLanguages() throws IOException {
        Path fi = Workspace.demoConfig(dir, "fi.yaml", "");
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", fi.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("report/index.html"), run.out());
        read(finnish);
        copy(dir.resolve("out").resolve("report"), dir.resolve("fi-report"));
        Path en = Workspace.demoConfig(dir, "en.yaml", "language: en\n");
        PolkuRun.Outcome report = PolkuRun.run("report", "--config", en.toString());
        assertEquals(0, report.exit(), report.toString());
        read(english);
    }

    /** The Finnish run's files, kept before the English run writes its own over them. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static void read(Map<String, String> into) throws IOException {
        for (String page : PAGES) {
            into.put(page, Files.readString(dir.resolve("out").resolve("report").resolve(page), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyPageInBothLanguagesWithTheSyntheticBanner() {
        for (String page : PAGES) {
            assertTrue(finnish.get(page).startsWith("<!DOCTYPE html>\n<html lang=\"fi\">"), page);
            assertTrue(english.get(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
            assertTrue(finnish.get(page).contains("<p class=\"banner\">SYNTEETTINEN AINEISTO"), page);
            assertTrue(english.get(page).contains("<p class=\"banner\">SYNTHETIC DATA"), page);
        }
        assertTrue(finnish.get("index.html").contains("Tulosyhteenveto") && english.get("index.html").contains("Outcome summary"));
        // The tables' caveat codes read Finnish on Finnish pages (numbers with a decimal comma), English on English ones,
        // each written once per table as a numbered note.
        assertTrue(finnish.get("index.html").contains("vain yksi hankkeen jälkeinen vuosi: arvio perustuu yhteen vuoteen"));
        assertTrue(english.get("index.html").contains("only one year after the start: the estimate rests on a single year"));
        for (String page : PAGES) {
            for (Map<String, String> language : List.of(finnish, english)) {
                String html = language.get(page);
                assertFalse(html.contains("SYNTEETTINEN aineisto: ei todellinen arvio") || html.contains("SYNTHETIC data: not"),
                        page + ": the synthetic notice is the banner only");
                assertFalse(Pattern.compile("<li>[^<]*\\b[a-z]+_[a-z_]+\\(").matcher(html).find(), page + ": a caveat code left untranslated");
            }
        }
        // Answer first: the overview and every region page open with the placement answer and its evidence grade in words.
        for (String page : PAGES) {
            String html = finnish.get(page);
            assertEquals(html.indexOf("<h2>"), html.indexOf("<h2>Vastaus ensin</h2>"), page + ": the answer comes first");
            // ... with three answers in order: reach, the clients' own change, placements with its grade (issue 21.1).
            String summary = html.substring(html.indexOf("<h2>Vastaus ensin</h2>"), html.indexOf("<h2>", html.indexOf("<h2>Vastaus ensin</h2>") + 4));
            assertTrue(Pattern.compile("<p>[^<]*sijoitukset[^<]*(näyttöä muutoksesta|viitteellinen|selvä muutos|ei voi vielä"
                    + " arvioida|Tulos on viitteellinen|Tämä on selvä muutos)").matcher(summary).find(), page);
            int reach = summary.indexOf("tavoitetut perheet");
            int change = summary.indexOf("oma arvio voinnistaan (ORS, voinnin arviointiasteikko)");
            int placements = summary.indexOf("sijoitukset");
            assertTrue(reach > 0 && change > reach && placements > change, page + ": " + summary);
            assertTrue(summary.contains("Vertailuryhmää ei ole arvottu"), page + ": the before–after change is not called an effect");
        }
        // The overview's reach answer says Kainuu's own target (config targets: 20 families).
        assertTrue(finnish.get("index.html").contains("(tavoite 20)"), "Kainuu's target in the reach answer");
        // The TWFE figure is in the region pages' appendix only, not among the estimates.
        assertTrue(finnish.get("region-20.html").contains("Liite: menetelmien tarkistusluvut"));
        for (String page : PAGES) {
            assertFalse(finnish.get(page).contains("post-period") || finnish.get(page).contains("placebo in space"), page);
            assertFalse(Pattern.compile("sovitusvirhe \\d+\\.\\d").matcher(finnish.get(page)).find(), page);
        }
        // Decimal comma in Finnish, point in English, in the headline table's intake means.
        assertTrue(Pattern.compile("<td class=\"num\" >\\d{2},\\d</td>").matcher(finnish.get("index.html")).find());
        assertTrue(Pattern.compile("<td class=\"num\" >\\d{2}\\.\\d</td>").matcher(english.get("index.html")).find());
    }

    @Test
    void everyChartAndEveryPagesTablesAreFilesBesideThePageLinkedFromItAndCounted() throws IOException {
        Path report = dir.resolve("out").resolve("report");
        long files = 0;
        for (String page : PAGES) {
            String html = english.get(page);
            String stem = page.substring(0, page.length() - ".html".length());
            assertTrue(html.contains("<a href=\"" + stem + ".xlsx\">"), page);
            assertTrue(Files.size(report.resolve(stem + ".xlsx")) > 0, page);
            int charts = html.split("<svg ", -1).length - 1;
            assertTrue(charts > 0, page);
            for (int i = 1; i <= charts; i++) {
                assertTrue(html.contains("<a href=\"" + stem + "-chart-" + i + ".svg\">SVG</a> · <a href=\"" + stem + "-chart-" + i + ".png\">PNG</a>"),
                        page + " chart " + i);
                assertTrue(Files.readString(report.resolve(stem + "-chart-" + i + ".svg"), StandardCharsets.UTF_8).startsWith("<?xml"));
                byte[] png = Files.readAllBytes(report.resolve(stem + "-chart-" + i + ".png"));
                assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII), page + " chart " + i);
            }
            assertFalse(Files.exists(report.resolve(stem + "-chart-" + (charts + 1) + ".svg")), page + ": a file for every chart, no more");
            files += 2 + 2L * charts;
        }
        try (Stream<Path> all = Files.list(report)) {
            assertEquals(files, all.count(), "the folder holds the pages and their files only");
        }
        // The manifest counts them all (stage-alone runs keep the folder whole).
        assertTrue(Files.readString(dir.resolve("out").resolve("manifest.json"), StandardCharsets.UTF_8)
                .contains("\"report\" : " + files), "manifest counts " + files);
    }

    @Test
    void pagesAreSelfContained() {
        for (Map<String, String> language : List.of(finnish, english)) {
            language.forEach((page, html) -> {
                assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import") || html.contains("<img"), page);
                String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
                assertFalse(withoutSvgNamespace.contains("http://") || withoutSvgNamespace.contains("https://"), page);
                assertTrue(html.contains("<svg"), page + " has charts");
            });
        }
    }

    @Test
    void pagesPassTheNuHtmlChecker() throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "vnu").toAbsolutePath() + "/*", "nu.validator.client.SimpleCommandLineValidator",
                "--errors-only", "--format", "gnu"));
        for (Map<String, String> language : List.of(finnish, english)) {
            String lang = language == finnish ? "fi" : "en";
            for (Map.Entry<String, String> page : language.entrySet()) {
                Path file = dir.resolve("check-" + lang + "-" + page.getKey());
                Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
                command.add(file.toString());
            }
        }
        Process checker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String messages = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(checker.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the checker finished");
        // Exit 0 and no message but the checker's own start-up log line (W3C Nu HTML checker 20.7.2).
        assertEquals(0, checker.exitValue(), messages);
        assertFalse(messages.contains("error:") || messages.contains("warning:"), messages);
    }

    @Test
    void pagesEqualTheGoldenFiles() throws IOException {
        for (String[] golden : new String[][] {{"index.fi.html", finnish.get("index.html")},
            {"region-20.en.html", english.get("region-20.html")}}) {
            String actual = ReportTestSupport.normalise(golden[1]);
            Path file = GOLDEN.resolve(golden[0]);
            if ("write".equals(System.getProperty("polku.golden"))) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, golden[0] + " (regenerate with -Dpolku.golden=write)");
        }
    }

    /**
     * Issue 21.4: a Finnish page's own text holds no English word or code from a list (period labels, "synthetic",
     * table ids, ISO dates, UTC times, common English words); text marked as English ({@code lang="en"}) and names
     * marked {@code translate="no"} are left out, as a reader's screen reader and translator would.
     */
    @Test
    void finnishPagesSpeakFinnish() {
        for (Map.Entry<String, String> page : finnish.entrySet()) {
            assertEquals(List.of(), VisibleText.englishInFinnish(page.getValue()), page.getKey() + ": English words or codes in Finnish text");
        }
        // A config label is shown as its text, never as the record it is read into ("Label[plain=null, byLanguage={…}]").
        for (Map<String, String> pages : List.of(finnish, english)) {
            pages.forEach((page, html) -> assertFalse(html.contains("Label[") || html.contains("byLanguage"), page + ": a label record's toString"));
        }
    }

    /**
     * Issue 21: every "intake, latest, change" and "first, last, change" row of every page and workbook adds up to
     * within the rounding shown. Before, Etelä-Savo / youth showed 23,7 − 20,2 = 3,5 beside a change of 4,4.
     */
    @Test
    void everyShownChangeIsItsLatestMinusItsIntake() throws IOException {
        int checked = 0;
        for (Map<String, String> language : List.of(finnish, english)) {
            Messages m = Messages.of(language == finnish ? Messages.Language.FI : Messages.Language.EN);
            Path report = language == finnish ? dir.resolve("fi-report") : dir.resolve("out").resolve("report");
            for (String page : PAGES) {
                String stem = page.substring(0, page.length() - ".html".length());
                for (String[] triple : new String[][] {{"col.intake", "col.latest", "col.change"}, {"col.first", "col.last", "col.change"}}) {
                    Reconciliation.Result html = Reconciliation.page(page, language.get(page), m.lang(), m.text(triple[0]), m.text(triple[1]),
                            m.text(triple[2]));
                    assertEquals(List.of(), html.failures());
                    try (java.io.InputStream in = Files.newInputStream(report.resolve(stem + ".xlsx"))) {
                        Reconciliation.Result book = Reconciliation.workbook(stem + ".xlsx", in, m.text(triple[0]), m.text(triple[1]),
                                m.text(triple[2]));
                        assertEquals(List.of(), book.failures());
                        assertEquals(html.checked(), book.checked(), page + ": the workbook has the page's rows");
                    }
                    checked += html.checked();
                }
            }
        }
        // Demo: 4 regions × (CORS, ORS youth, ORS parent) headline rows on the overview alone, in two languages.
        assertTrue(checked >= 24, "rows checked: " + checked);
    }

    /** Every page of a report with a high min_cell: no count under it shows, and no hidden one can be derived. */
    @Test
    void noSmallCellCanBeReadOrDerived() throws IOException {
        int k = 30;
        Path config = dir.resolve("k.yaml");
        String text = Files.readString(dir.resolve("fi.yaml"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^output: .*$", "output: " + dir.resolve("k-out")).replaceAll("(?m)^min_cell: .*$", "min_cell: " + k);
        Files.writeString(config, text, StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        int hiddenSeen = 0;
        try (Stream<Path> pages = Files.list(dir.resolve("k-out").resolve("report"))) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page, StandardCharsets.UTF_8);
                Matcher counts = Pattern.compile("data-count=\"(\\d+|hidden)\"").matcher(html);
                while (counts.find()) {
                    if (counts.group(1).equals("hidden")) {
                        hiddenSeen++;
                    } else {
                        long n = Long.parseLong(counts.group(1));
                        assertTrue(n == 0 || n >= k, page.getFileName() + ": count " + n + " under " + k);
                    }
                }
                // Attack, knowing every total: a group with exactly one hidden part gives that part away; a group
                // must show all its parts, or the check would miss one.
                Map<String, int[]> groups = new LinkedHashMap<>();
                Matcher parts = Pattern.compile("data-count=\"(\\d+|hidden)\" data-group=\"(g\\d+)\" data-parts=\"(\\d+)\"").matcher(html);
                while (parts.find()) {
                    int[] g = groups.computeIfAbsent(parts.group(2), x -> new int[] {0, 0, Integer.parseInt(parts.group(3))});
                    g[0]++;
                    g[1] += parts.group(1).equals("hidden") ? 1 : 0;
                }
                groups.forEach((group, g) -> {
                    assertEquals(g[2], g[0], page.getFileName() + ": group " + group + " shows only some of its parts");
                    assertTrue(g[1] != 1, page.getFileName() + ": group " + group + " has exactly one hidden part");
                });
            }
        }
        assertTrue(hiddenSeen > 0, "the attack must meet hidden cells to mean anything");
    }
}
