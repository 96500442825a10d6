package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.FitSession;
import fi.polku.contract.RowSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quarantine reason shows a runaway value shortened (issue 17, point 9: a 1 MB field was repeated in full): its
 * first 80 characters and its length; the raw column keeps the row as read.
 */
class ReasonTextTest {
    private static final List<String> HEADER = List.of("case_id", "episode_id", "region", "arm", "respondent",
            "age_band", "instrument", "session_date", "session_no", "item1", "item2", "item3", "item4", "total", "skipped");

    private static Parsed.Rejected<?> rejected(String line) {
        IngestContext context = ReferenceTables.context();
        FieldLayout layout = FieldLayout.resolve(HEADER, FitSessionRules.CONTRACT, context.aliases());
        Parsed<FitSession> p = new FitSessionRules(layout, NumberStyle.DECIMAL_POINT, context)
                .parse(RawRecord.of(new RowSource("f.csv", 3), line.split("\\|", -1), line));
        return assertInstanceOf(Parsed.Rejected.class, p);
    }

    @Test
    void aHugeValueIsShownShortenedWithItsLength() {
        String huge = "x".repeat(1_048_576);
        Parsed.Rejected<?> r = rejected("C1|E1|Kainuu|project|youth|13-17|ORS|2025-02-03|1|||||" + huge + "|");
        assertEquals("total: '" + "x".repeat(80) + "… (1048576 characters)' is not a number", r.reason());
        assertTrue(r.raw().contains(huge), "the raw column keeps the row as read");
    }

    @Test
    void aHugeNumberAndARegionAreShortenedToo() {
        String digits = "9".repeat(5000);
        assertEquals("session_no: " + "9".repeat(80) + "… (5000 characters) is too large",
                rejected("C1|E1|Kainuu|project|youth|13-17|ORS|2025-02-03|" + digits + "|||||20|").reason());
        String region = "Kainuu".repeat(100);
        assertEquals("region: '" + region.substring(0, 80) + "… (600 characters)' is not a region of datasets/regions.csv (code or name)",
                rejected("C1|E1|" + region + "|project|youth|13-17|ORS|2025-02-03|1|||||20|").reason());
    }

    @Test
    void aShortValueIsShownInFull() {
        assertEquals("total: '2x' is not a number", rejected("C1|E1|Kainuu|project|youth|13-17|ORS|2025-02-03|1|||||2x|").reason());
    }
}
