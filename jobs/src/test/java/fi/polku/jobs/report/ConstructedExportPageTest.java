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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small demo's run with a constructed {@code fit_sessions} export in place of its own, so that every count on the
 * page is known: Etelä-Savo (code 12) has 6 youth clients at sessions 1–3, 5 at session 4 and 3 at session 5;
 * Kainuu (20) 7 clients at sessions 1–2 and 5 at session 3. Rejected: 5 Etelä-Savo rows with a bad date, 6 Kainuu
 * rows with a total over 40, 5 rows of a region that does not exist. min_cell is 5 (datasets/demo-small/polku.yaml),
 * so every one of these counts is shown and n = 3 is not.
 */
class ConstructedExportPageTest {
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    @TempDir
    static Path dir;
    static String overview;
    static String southSavo;

    @BeforeAll
    static void runTheSmallDemoOnAConstructedExport() throws IOException {
        StringBuilder csv = new StringBuilder("case_id,episode_id,region,arm,respondent,age_band,instrument,session_date,session_no,total\n");
        sessions(csv, "ES", "Etelä-Savo", new int[] {6, 6, 6, 5, 3});
        sessions(csv, "KA", "Kainuu", new int[] {7, 7, 5});
        for (int i = 1; i <= 5; i++) {
            csv.append("ES-BAD-").append(i).append(",,Etelä-Savo,project,youth,13-17,ORS,2025-13-0").append(i).append(",1,20.0\n");
        }
        for (int i = 1; i <= 6; i++) {
            csv.append("KA-BAD-").append(i).append(",,Kainuu,project,youth,13-17,ORS,2025-09-01,1,4").append(i).append(".0\n");
        }
        for (int i = 1; i <= 5; i++) {
            csv.append("XX-").append(i).append(",,Savo,project,youth,13-17,ORS,2025-09-01,1,20.0\n");
        }
        Path export = Files.writeString(dir.resolve("vienti.csv"), csv.toString(), StandardCharsets.UTF_8);
        Path config = Workspace.demoConfig(Workspace.DEMO_SMALL, dir, "constructed.yaml", "");
        String text = Files.readString(config, StandardCharsets.UTF_8).replaceAll("(?m)^  fit_sessions: .*$",
                "  fit_sessions: " + export);
        Files.writeString(config, text, StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        Path report = dir.resolve("out").resolve("report");
        overview = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        southSavo = Files.readString(report.resolve("region-12.html"), StandardCharsets.UTF_8);
    }

    /** Youth ORS sessions: {@code clients[s]} clients have session s + 1, weekly from 1.9.2025, totals rising. */
    private static void sessions(StringBuilder csv, String prefix, String region, int[] clients) {
        for (int s = 0; s < clients.length; s++) {
            for (int c = 1; c <= clients[s]; c++) {
                csv.append(prefix).append('-').append(c).append(",,").append(region).append(",project,youth,13-17,ORS,2025-09-")
                        .append(String.format("%02d", 1 + 7 * s)).append(',').append(s + 1).append(',')
                        .append(15 + s + c % 3).append(".0\n");
            }
        }
    }

    /** Issue 21.5: rows in, accepted and rejected by reason per county of the one file, with the lines to fix. */
    @Test
    void rejectedRowsOfOneFileAreCountedPerCounty() {
        List<String> rows = rows(section(overview, "quality"), "vienti.csv");
        // The header is line 1; the 26 Etelä-Savo sessions are lines 2–27, the 19 Kainuu ones 28–46, then the rejected:
        // Etelä-Savo 47–51, Kainuu 52–57 (the page lists the first 5 and "…"), no county 58–62. The file: 31 + 25 + 5 = 61.
        assertTrue(rows.contains("kaikki alueet | luettu | 61 | "), String.join("\n", rows));
        assertTrue(rows.contains("Etelä-Savo | luettu | 31 | "), String.join("\n", rows));
        assertTrue(rows.contains("Etelä-Savo | hyväksytty | 26 | "), String.join("\n", rows));
        assertTrue(rows.contains("Etelä-Savo | hylätty: päivämäärä ei kelpaa | 5 | 47, 48, 49, 50, 51"), String.join("\n", rows));
        assertTrue(rows.contains("Kainuu | luettu | 25 | "), String.join("\n", rows));
        assertTrue(rows.contains("Kainuu | hyväksytty | 19 | "), String.join("\n", rows));
        assertTrue(rows.contains("Kainuu | hylätty: arvo on sallitun välin ulkopuolella | 6 | 52, 53, 54, 55, 56 …"), String.join("\n", rows));
        assertTrue(rows.contains("alue ei tiedossa | hylätty: tuntematon alue | 5 | 58, 59, 60, 61, 62"), String.join("\n", rows));
    }

    /** Issue 21.6: each point of the trajectory chart shows its n: in the data table, under the axis and in its tooltip. */
    @Test
    void trajectoryPointsShowTheClientsTheyRestOn() {
        String section = section(southSavo, "trajectories");
        List<String> table = new ArrayList<>();
        for (String row : rows(section, "")) {
            table.add(row);
        }
        // Columns: session | project mean | project n | comparison … ; sessions 1–4 rest on 6, 6, 6, 5 clients.
        String[] n = {"6", "6", "6", "5"};
        for (int s = 1; s <= 4; s++) {
            int session = s;
            assertTrue(table.stream().anyMatch(r -> r.matches(session + " \\| \\d+,\\d \\| " + n[session - 1] + "( \\|.*)?")),
                    "session " + s + " with n " + n[s - 1] + "\n" + String.join("\n", table));
            assertTrue(section.contains("hanke, tapaamiskerta " + s + ": ") && section.contains("(n = " + n[s - 1] + ")</title>"), "tooltip " + s);
        }
        assertFalse(table.stream().anyMatch(r -> r.startsWith("5 | ")), "session 5 rests on 3 clients, under min_cell 5: not shown");
        // On the chart itself, a row "n" under the axis with each drawn point's n (6, 6, 6, 5), and no 3.
        String svg = section.substring(section.indexOf("<svg"), section.indexOf("</svg>"));
        assertTrue(svg.contains(">n</text>"), "the n row under the axis");
        Matcher small = Pattern.compile("font-size=\"10\">(\\d+)</text>").matcher(svg);
        List<String> shown = new ArrayList<>();
        while (small.find()) {
            shown.add(small.group(1));
        }
        assertEquals(List.of("6", "6", "6", "5"), shown, "n under the axis");
        assertTrue(section.contains("<th scope=\"col\">hanke: asiakkaita (n)</th>") || section.contains(">hanke: asiakkaita (n)<"), section);
    }

    private static String section(String html, String id) {
        int at = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(at >= 0, id);
        return html.substring(at, html.indexOf("</section>", at));
    }

    /** The table rows that mention {@code mark}, their cells joined by " | ", the dataset and file cells left out. */
    private static List<String> rows(String html, String mark) {
        List<String> out = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            if (!row.group(1).contains(mark)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("\u00a0", " ").strip());
            }
            out.add(String.join(" | ", mark.isEmpty() ? cells : cells.subList(2, cells.size())));
        }
        return out;
    }
}
