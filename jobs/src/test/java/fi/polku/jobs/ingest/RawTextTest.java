package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.ingest.NumberStyle;
import fi.polku.ingest.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * A record's raw text (what the quarantine shows) is what Commons CSV's printer makes of its fields, whether the
 * reader prints it or takes the unquoted fast path (issue 23: the printer was a tenth of a large ingest's parse).
 * The expected text is printed here by Commons CSV 1.14.1 itself ({@code CSVFormat.DEFAULT} with the file's
 * delimiter, {@code printRecord}), for random records over characters that do and do not trigger quoting, for each
 * delimiter Polku detects.
 */
class RawTextTest {
    private static final String[] PIECES = {"a", "Z", "7", "ä", "-", ".", " ", "\t", "#", "!", "\"", ",", ";", "\n", "\r",
        "x y", "2025-09-22", "DEMO-ES-000001", ""};

    @Test
    void rawTextIsThePrintersTextOnEitherPath() throws IOException {
        Random random = new Random(23);
        for (char delimiter : new char[] {',', ';', '\t'}) {
            CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(false).get();
            int columns = 4;
            List<List<String>> records = new ArrayList<>();
            StringBuilder file = new StringBuilder();
            CSVPrinter printer = new CSVPrinter(file, csv);
            printer.printRecord(List.of("c1", "c2", "c3", "c4"));
            int plain = 0;
            for (int r = 0; r < 3000; r++) {
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    StringBuilder v = new StringBuilder();
                    int length = random.nextInt(4);
                    for (int k = 0; k < length; k++) {
                        // Mostly ordinary text, so that both paths are taken often.
                        v.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[random.nextInt(4)]);
                    }
                    fields.add(v.toString());
                }
                if (fields.stream().allMatch(String::isEmpty)) {
                    continue; // a blank line is no record
                }
                records.add(fields);
                printer.printRecord(fields);
            }
            FileFormat format = new FileFormat(false, "UTF-8", false, delimiter, NumberStyle.DECIMAL_POINT, false, 0);
            RecordStream stream = RecordStream.open("raw.csv",
                    new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), format);
            for (List<String> fields : records) {
                RawRecord record = stream.next();
                StringBuilder expected = new StringBuilder();
                new CSVPrinter(expected, csv).printRecord(fields);
                String text = expected.substring(0, expected.length() - csv.getRecordSeparator().length());
                assertEquals(text, record.raw(), "fields " + fields + " with delimiter '" + delimiter + "'");
                plain += text.contains("\"") ? 0 : 1;
            }
            stream.close();
            assertTrue(plain > 300 && plain < records.size() - 300, "both paths taken: " + plain + " of " + records.size());
        }
    }
}
