package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, Deliver 1, through Spark (the exhaustive check over every split size is {@code ByteRangesTest}): a file is parsed (and screened) in byte ranges cut at record boundaries, with exact line
 * numbers; whatever the split size, from a few bytes to the whole file, the tables and the quarantine are the
 * same. The file has what makes splitting hard: quoted line breaks, CRLF and LF, a leading comment block, a
 * {@code #} row, doubled quotes, broken rows.
 */
class SplitSizeTest {
    private static final String HEADER = "case_id,region,respondent,age_band,instrument,session_date,total,note";

    @TempDir
    Path dir;

    private static String file() {
        StringBuilder b = new StringBuilder("# SYNTHETIC test file\n\n# second comment\n").append(HEADER).append("\r\n");
        for (int i = 1; i <= 60; i++) {
            String note = switch (i % 6) {
                case 0 -> "\"two\nlines\"";
                case 1 -> "\"quote \"\"inside\"\", and a comma\"";
                case 2 -> "\"three\r\nline\r\nnote\"";
                default -> "plain";
            };
            String total = i % 13 == 0 ? "41.0" : i % 17 == 0 ? "" : (10 + i % 25) + ".5";
            b.append("C-").append(i % 23).append(",Kainuu,youth,13-17,ORS,2025-").append(String.format("%02d-%02d", 1 + i % 12, 1 + i % 28))
                    .append(',').append(total).append(',').append(note).append(i % 2 == 0 ? "\r\n" : "\n");
            if (i == 30) {
                b.append("#C-99,Kainuu,youth,13-17,ORS,2025-03-03,20.0,hash row\n");
                b.append("C-98,Kainuu,youth\n");
            }
        }
        return b.toString();
    }

    private Map<String, String> ingest(String text, String name, Long splitBytes) throws Exception {
        Workspace ws = new Workspace(dir.resolve(name));
        Files.createDirectories(ws.dir());
        ws.write("fit.csv", text, StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "fit.csv");
        if (splitBytes != null) {
            Files.writeString(config, Files.readString(config) + "ingest: {split_bytes: " + splitBytes + "}\n");
        }
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
        if (run.exit() != 0) {
            return Map.of("exit", run.exit() + " " + run.err().strip());
        }
        String sessions = DuckDb.query("select * exclude (synthetic) from " + DuckDb.table(ws.output(), "sessions")
                + " order by source_line").toString();
        String quarantine = DuckDb.query("select line, \"column\", reason_code, raw from " + DuckDb.table(ws.output(), "quarantine")
                + " order by line, \"column\"").toString();
        return Map.of("sessions", sessions, "quarantine", quarantine);
    }

    @Test
    void everySplitSizeGivesTheSameTablesAndQuarantine() throws Exception {
        String text = file();
        Map<String, String> whole = ingest(text, "whole", null);
        assertTrue(whole.get("quarantine").contains("reason_code=wrong_field_count"), whole.toString());
        assertTrue(whole.get("quarantine").contains("line=50, column=case_id, reason_code=bad_identifier, raw=\"#C-99\""),
                "the # row after the header is a row (here a bad pseudonym), on its line: " + whole);
        for (long split : List.of(1L, 37L, (long) text.length())) {
            assertEquals(whole, ingest(text, "split" + split, split), "split_bytes " + split);
        }
    }

    @Test
    void theScreenFindsACodeInAnyRangeOnItsLine() throws Exception {
        String text = file().replace("C-9,Kainuu", "131052-308T,Kainuu");
        Map<String, String> whole = ingest(text, "whole", null);
        assertTrue(whole.get("exit").startsWith("3 polku: input rejected: fit.csv: 3 Finnish personal identity codes at line"),
                whole.toString());
        for (long split : List.of(100L)) {
            assertEquals(whole, ingest(text, "split" + split, split), "split_bytes " + split);
        }
    }
}
