package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkedTables#joined}: a second surface whose relations reach into the first is attacked with it. Hand-worked
 * on the 2 × 2 table of DisclosureAuditTest (x1 = 3, x2 = 7, x3 = 9, x4 = 11; margins 10, 20, 12, 18 shown).
 */
class JoinedTablesTest {
    private static final double TOL = 1e-6;

    private static LinkedTables twoByTwo() {
        LinkedTables.Builder b = LinkedTables.builder();
        for (String id : List.of("x1", "x2", "x3", "x4")) {
            b.count(id, null);
        }
        return b.count("r1", 10L).count("r2", 20L).count("c1", 12L).count("c2", 18L)
                .additive("r1", List.of("x1", "x2")).additive("r2", List.of("x3", "x4"))
                .additive("c1", List.of("x1", "x3")).additive("c2", List.of("x2", "x4")).build();
    }

    /** Beside: x1 lies between two shown counts of another table ({@code low ≤ x1 ≤ high}), named under "side/". */
    private static LinkedTables beside(long low, long high, Long x1) {
        return LinkedTables.builder().count("side/x1", x1).count("side/low", low).count("side/high", high)
                .atMost("side/low", "side/x1").atMost("side/x1", "side/high").build();
    }

    private static String rename(String id) {
        return id.equals("side/x1") ? "x1" : id;
    }

    @Test
    void relationsBesideNarrowAHiddenCellThatPassesAlone() {
        // Alone x1 is in [1, 9]. Beside, 2 <= x1 <= 6: [2, 6], width 4 < k = 5. Joined, the audit sees it.
        assertTrue(DisclosureAudit.exact(twoByTwo(), Protection.of(5), List.of("x1")).passed());
        LinkedTables joined = twoByTwo().joined(beside(2, 6, null), JoinedTablesTest::rename);
        DisclosureAudit.Result r = DisclosureAudit.exact(joined, Protection.of(5), List.of("x1", "x2"));
        assertEquals(2, r.intervals().get("x1").lower(), TOL);
        assertEquals(6, r.intervals().get("x1").upper(), TOL);
        assertEquals(4, r.intervals().get("x2").lower(), TOL, "x2 = 10 - x1");
        assertFalse(r.passed());
        assertEquals(10, joined.cells().size(), "8 cells + low and high: the shared figure is one cell");
    }

    @Test
    void wideRelationsBesideLeaveTheIntervals() {
        LinkedTables joined = twoByTwo().joined(beside(1, 9, null), JoinedTablesTest::rename);
        DisclosureAudit.Result r = DisclosureAudit.exact(joined, Protection.of(5), List.of("x1"));
        assertEquals(1, r.intervals().get("x1").lower(), TOL);
        assertEquals(9, r.intervals().get("x1").upper(), TOL);
        assertTrue(r.passed());
    }

    @Test
    void aSurfaceBesideMustNotShowWhatTheTablesHide() {
        assertThrows(IllegalArgumentException.class, () -> twoByTwo().joined(beside(1, 9, 3L), JoinedTablesTest::rename));
    }
}
