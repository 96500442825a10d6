package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.ingest.RawRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, Deliver 1, without Spark: for every split size from 1 byte to the whole file, the ranges the scan
 * cuts cover the file exactly, and parsing each range on its own gives the same records, on the same lines,
 * as parsing the file in one go — quoted line breaks, CRLF, a lone CR, doubled quotes and a leading block
 * included.
 */
class ByteRangesTest {
    private static final String TEXT = "# SYNTHETIC\r\n\r\n# two\ncase_id;note;total\r\n"
            + "A;\"x\ny\";1,5\r\nB;plain;2\nC;\"q \"\"z\"\"; w\";3,5\rD;\"a\r\nb\r\nc\";4\n#E;h;5\n\nF;;6\nG;\"\"\"\";7";

    private static List<String> records(RecordStream s) {
        List<String> out = new ArrayList<>();
        while (s.hasNext()) {
            RawRecord r = s.next();
            out.add(r.source().line() + " " + r.raw());
        }
        s.close();
        return out;
    }

    @Test
    void everySplitSizeCutsAtRecordsAndKeepsLineNumbers() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        FormatScan whole = new FormatScan("f.csv");
        whole.accept(bytes, 0, bytes.length);
        FileFormat format = whole.result().format();
        List<String> expected = records(RecordStream.open("f.csv", new ByteArrayInputStream(bytes), format));
        assertEquals(7, expected.size(), expected.toString());
        assertTrue(expected.get(0).startsWith("5 "), expected.toString());
        for (int split = 1; split <= bytes.length; split++) {
            FormatScan scan = new FormatScan("f.csv", split);
            scan.accept(bytes, 0, bytes.length);
            List<ByteRange> ranges = scan.result().ranges();
            assertEquals(0, ranges.get(0).start());
            assertEquals(bytes.length, ranges.get(ranges.size() - 1).end());
            List<String> pieces = new ArrayList<>();
            List<String> header = null;
            for (int i = 0; i < ranges.size(); i++) {
                ByteRange r = ranges.get(i);
                if (i > 0) {
                    assertEquals(ranges.get(i - 1).end(), r.start(), "contiguous at split " + split);
                }
                ByteArrayInputStream in = new ByteArrayInputStream(bytes, (int) r.start(), (int) (r.end() - r.start()));
                RecordStream s = r.first() ? RecordStream.open("f.csv", in, format)
                        : RecordReader.openBody("f.csv", in, format, header, r.firstLine());
                header = s.header();
                pieces.addAll(records(s));
            }
            assertEquals(expected, pieces, "split " + split + " " + ranges);
        }
    }

    /**
     * The split a big file gets: at most the configured size, at least two ranges per core above the balancing floor
     * (issue 23: a 104 MB export on 2 cores with 64 MiB ranges was one 64 MB and one 40 MB task, 8.7 s and 3.1 s).
     */
    @Test
    void bigFilesAreCutForEveryCoreAndNeverAboveTheConfiguredSize() {
        long mib = 1L << 20;
        long file = 104_148_568L;
        assertEquals((file + 3) / 4, InputSnapshot.split(file, 64 * mib, 2), "two ranges per core");
        assertEquals(8 * mib, InputSnapshot.split(file, 64 * mib, 16), "never below the balancing floor");
        assertEquals(mib, InputSnapshot.split(file, mib, 2), "a smaller configured split stands");
        assertEquals(8 * mib, InputSnapshot.split(5 * mib, 64 * mib, 2), "a small file stays one range");
        assertEquals(64 * mib, InputSnapshot.split(10_000 * mib, 64 * mib, 2), "a huge file: the configured size");
    }
}
