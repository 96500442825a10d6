package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export as a Finnish client system writes it (Windows-1252, semicolons, decimal commas, Finnish
 * headers, a free-text column with a line break in it) carrying every kind of bad row: each is reported
 * with its line, column and reason, and the counts add up.
 */
class BadRowsTest {
    private static final String HEADER = "Asiakastunnus;Jakso;Hyvinvointialue;Ryhmä;Vastaaja;Ikäryhmä;Mittari;"
            + "Päivämäärä;Tapaamiskerta;Osio1;Osio2;Osio3;Osio4;Yhteensä;Ohitettu;Huomio";

    /** Line → expected "column reason_code", or "ok". Line 1 is a comment, line 2 the header. */
    private static final String[][] ROWS = {
        {"T-1;T-1-E1;Etelä-Savo;projekti;nuori;13-17;ORS;2.9.2025;1;5,0;6,0;0;5,5;;ei;", "ok"},
        {"T-1;T-1-E1;Etelä-Savo;projekti;nuori;13-17;ORS;16.9.2025;2;;;;;24,0;ei;", "ok"},
        {"T-1;T-1-E1;Etelä-Savo;projekti;nuori;13-17;ORS;30.9.2025;3;;;;;;kyllä;ei täytetty", "ok"},
        {"T-1;T-1-E1;Etelä-Savo;projekti;nuori;13-17;ORS;16.9.2025;2;;;;;24,0;ei;", "session_no duplicate"},
        {"T-20;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;20,0;ei;", "session_no conflicting_duplicate"},
        {"T-1;T-1-E1;Etelä-Savo;projekti;nuori;13-17;ORS;1.9.2025;4;;;;;26,0;ei;", "session_date session_order"},
        {"T-1;T-1-E1;Kainuu;projekti;nuori;13-17;ORS;14.10.2025;5;;;;;26,0;ei;", "region episode_inconsistent"},
        {";T-2;Etelä-Savo;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;20,0;ei;", "case_id missing_required"},
        {"T-3;;Lappeenranta;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;20,0;ei;", "region unknown_region"},
        {"T-4;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;5,0;11,0;5,0;5,0;;ei;", "item2 out_of_range"},
        {"T-5;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;24.5;ei;", "total wrong_decimal_separator"},
        {"T-6;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;5,0;5,0;;;;ei;", "item3 partial_items"},
        {"T-7;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;5,0;5,0;5,0;5,0;22,0;ei;", "total items_total_mismatch"},
        {"T-8;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;;ei;", "total no_score"},
        {"T-9;;Kainuu;projekti;nuori;13-17;ORS;1.1.2027;1;;;;;20,0;ei;", "session_date future_date"},
        {"T-10;;Kainuu;projekti;nuori;13-17;ORS;31.2.2025;1;;;;;20,0;ei;", "session_date bad_date"},
        {"T-11;;Kainuu;projekti;nuori;13-17;PHQ-9;2.9.2025;1;;;;;20,0;ei;", "instrument unknown_value"},
        {"T-12;;Kainuu;projekti;nuori;18+;ORS;2.9.2025;1;;;;;20,0;ei;", "age_band respondent_age_mismatch"},
        {"T-13;;Kainuu;projekti;lapsi;6-12;ORS;2.9.2025;1;;;;;20,0;ei;", "instrument instrument_age_mismatch"},
        {"T-14;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;20,0;kyllä;", "total score_on_skipped"},
        {"T-15;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025", "null wrong_field_count"},
        {"T-16;;Kainuu;pilotti;nuori;13-17;ORS;2.9.2025;1;;;;;20,0;ei;", "arm unknown_value"},
        {"T-17;;Kainuu;vertailu;vanhempi;18+;SRS;2.9.2025;x;;;;;38,0;ei;", "session_no not_a_number"},
        {"T-20;;Kainuu;projekti;nuori;13-17;ORS;2.9.2025;1;;;;;21,0;ei;", "session_no conflicting_duplicate"},
        {"T-18;;Kainuu;vertailu;vanhempi;18+;SRS;2.9.2025;1;;;;;38,0;ei;\"soitto perheelle;\nuusi aika sovittu\"", "ok"},
        {"T-19;;Kainuu;vertailu;vanhempi;18+;SRS;9.9.2025;;;;;;39,0;ei;", "ok"},
    };

    @TempDir
    Path dir;

    @Test
    void everyBadRowIsReportedPreciselyAndTheCountsAddUp() throws Exception {
        Workspace ws = new Workspace(dir);
        StringBuilder text = new StringBuilder("# vienti asiakastietojärjestelmästä\n").append(HEADER).append('\n');
        Map<Long, String> expected = new TreeMap<>();
        Map<Long, String> regions = new TreeMap<>();
        long line = 3;
        long ok = 0;
        for (String[] row : ROWS) {
            text.append(row[0]).append("\r\n");
            if (row[1].equals("ok")) {
                ok++;
            } else {
                expected.put(line, row[1]);
                // regions.csv: Etelä-Savo 12, Kainuu 20; a row cut short is read no further, so it has no region either.
                String region = row[0].split(";", -1)[2];
                regions.put(line, row[1].endsWith("wrong_field_count") ? "null"
                        : Map.of("Etelä-Savo", "12", "Kainuu", "20").getOrDefault(region, "null"));
            }
            line += row[0].chars().filter(c -> c == '\n').count() + 1;
        }
        ws.write("vienti.csv", text.toString(), Charset.forName("windows-1252"));
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "fit_sessions", "vienti.csv").toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("windows-1252, ';'-separated, decimal comma"), run.out());

        Map<Long, String> actual = new TreeMap<>();
        for (Map<String, Object> r : DuckDb.query("select line, \"column\", reason_code, reason from "
                + DuckDb.table(ws.output(), "quarantine") + " order by line")) {
            actual.put((Long) r.get("line"), r.get("column") + " " + r.get("reason_code"));
            assertTrue(!String.valueOf(r.get("reason")).isBlank());
        }
        assertEquals(expected, actual);
        // Issue 21.5: each rejected row keeps the region it was read with, so the report can count them per county.
        Map<Long, String> actualRegions = new TreeMap<>();
        for (Map<String, Object> r : DuckDb.query("select line, region from " + DuckDb.table(ws.output(), "quarantine"))) {
            actualRegions.put((Long) r.get("line"), String.valueOf(r.get("region")));
        }
        assertEquals(regions, actualRegions);

        JsonNode input = new ObjectMapper().readTree(ws.output().resolve("manifest.json").toFile()).get("inputs").get(0);
        assertEquals(ROWS.length, input.get("rows_in").asInt());
        assertEquals(ok, input.get("clean").asLong());
        assertEquals(expected.size(), input.get("quarantined").asInt());
        assertEquals(List.of("Huomio"), List.of(input.get("ignored_columns").get(0).asText()));

        Map<String, Object> afterBreak = DuckDb.query("select source_line, session_no, session_no_derived, total from "
                + DuckDb.table(ws.output(), "sessions") + " where case_id = 'T-19'").get(0);
        assertEquals(line - 1, afterBreak.get("source_line"), "line numbers stay right after a quoted line break");
        assertEquals(1, afterBreak.get("session_no"));
        assertEquals(true, afterBreak.get("session_no_derived"));
        assertEquals(39.0, (Double) afterBreak.get("total"), 1e-12);
        assertEquals("20", DuckDb.query("select region from " + DuckDb.table(ws.output(), "sessions")
                + " where case_id = 'T-18'").get(0).get("region"), "Kainuu resolves to its code");
    }

    @Test
    void aBrokenQuoteStopsTheFileNamingTheLine() {
        Workspace ws = new Workspace(dir);
        ws.write("broken.csv", "case_id,region,respondent,age_band,instrument,session_date,total\n"
                + "C-1,Kainuu,youth,13-17,ORS,2025-02-03,21.5\nC-2,Kainuu,\"youth,13-17,ORS,2025-02-03,18.0\n",
                java.nio.charset.StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "fit_sessions", "broken.csv").toString());
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("broken.csv line 3: the file cannot be read as delimited text"), run.err());
        assertTrue(!java.nio.file.Files.exists(ws.output().resolve("sessions")), "nothing written");
    }
}
