package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Published records (microdata) beside a table: {@link LinkedTables#withKnownParts} and the audit of the view it
 * makes. Intervals worked out by hand in each test's comment.
 */
class KnownPartsTest {
    private static final double TOL = 1e-6;

    /** The 2 × 2 table of DisclosureAuditTest: x1 = 3, x2 = 7, x3 = 9, x4 = 11, margins shown, interior hidden. */
    private static LinkedTables twoByTwo() {
        LinkedTables.Builder b = LinkedTables.builder();
        for (String id : List.of("x1", "x2", "x3", "x4")) {
            b.count(id, null);
        }
        return b.count("r1", 10L).count("r2", 20L).count("c1", 12L).count("c2", 18L)
                .additive("r1", List.of("x1", "x2")).additive("r2", List.of("x3", "x4"))
                .additive("c1", List.of("x1", "x3")).additive("c2", List.of("x2", "x4")).build();
    }

    @Test
    void aHiddenCellWhoseCasesAllAppearInTheRecordsIsPinned() {
        // Alone x1 is in [1, 9] (passes k = 5). The records hold all 10 cases of row 1 (3 in x1, 7 in x2):
        // r1-records = 10 - 10 = 0 = x1-records + x2-records, so x1 = 3 exactly.
        Map<String, Double> known = Map.of("x1", 3.0, "x2", 7.0, "x3", 0.0, "x4", 0.0, "r1", 10.0, "r2", 0.0, "c1", 3.0, "c2", 7.0);
        DisclosureAudit.Result alone = DisclosureAudit.exact(twoByTwo(), Protection.of(5), List.of("x1"));
        assertTrue(alone.passed());
        DisclosureAudit.Result withRecords = DisclosureAudit.exact(twoByTwo().withKnownParts(known), Protection.of(5), List.of("x1"));
        assertEquals(3, withRecords.intervals().get("x1").lower(), TOL);
        assertEquals(3, withRecords.intervals().get("x1").upper(), TOL);
        assertFalse(withRecords.passed());
    }

    @Test
    void recordsOfCasesOutsideTheHiddenCellsLeaveTheirIntervals() {
        // 5 records, all in x4: the unknown parts are the table minus those 5 (x4-records = 6), and x1 is still in
        // [1, 9]: x2 = 10 - x1 >= 1, x3 = 12 - x1 >= 1, x4 = 5 + (3 + x1).
        Map<String, Double> known = Map.of("x1", 0.0, "x2", 0.0, "x3", 0.0, "x4", 5.0, "r1", 0.0, "r2", 5.0, "c1", 0.0, "c2", 5.0);
        DisclosureAudit.Result r = DisclosureAudit.exact(twoByTwo().withKnownParts(known), Protection.of(5), List.of("x1", "x4"));
        assertEquals(1, r.intervals().get("x1").lower(), TOL);
        assertEquals(9, r.intervals().get("x1").upper(), TOL);
        assertEquals(9, r.intervals().get("x4").lower(), TOL);
        assertEquals(17, r.intervals().get("x4").upper(), TOL);
        assertTrue(r.passed());
    }

    @Test
    void anAtMostRelationBindsTheUnknownParts() {
        // 20 episodes shown, complete cases hidden (true 3). The records show 17 episodes, none complete: the 3
        // episodes outside the records hold every complete case, so complete is in [1, 3] (a hidden part of a shown
        // whole is at least 1).
        LinkedTables t = LinkedTables.builder().count("episodes", 20L).count("complete", null).atMost("complete", "episodes").build();
        DisclosureAudit.Result alone = DisclosureAudit.exact(t, Protection.of(5), List.of("complete"));
        assertTrue(alone.passed());
        DisclosureAudit.Result r = DisclosureAudit.exact(t.withKnownParts(Map.of("episodes", 17.0, "complete", 0.0)), Protection.of(5),
                List.of("complete"));
        assertEquals(1, r.intervals().get("complete").lower(), TOL);
        assertEquals(3, r.intervals().get("complete").upper(), TOL);
        assertFalse(r.passed());
    }

    @Test
    void aHiddenSumKeepsItsBoundsOverTheUnknownCases() {
        // n = 6 shown, sum hidden, scores in [0, 40]; the records show 5 cases summing to 100: the sum is 100 plus
        // one unknown case's score, [100, 140], exactly one case's range wide (passes, at the edge).
        LinkedTables t = LinkedTables.builder().count("n", 6L).sum("s", null, "n", 0, 40).build();
        DisclosureAudit.Result r = DisclosureAudit.exact(t.withKnownParts(Map.of("n", 5.0, "s", 100.0)), Protection.of(5), List.of("s"));
        assertEquals(100, r.intervals().get("s").lower(), TOL);
        assertEquals(140, r.intervals().get("s").upper(), TOL);
        assertTrue(r.passed());
    }

    @Test
    void aRecountThatIsNotOneIsRefused() {
        // Known parts 3 + 7 but a known row total of 9: not a recount of the same cases.
        Map<String, Double> broken = Map.of("x1", 3.0, "x2", 7.0, "x3", 0.0, "x4", 0.0, "r1", 9.0, "r2", 0.0, "c1", 3.0, "c2", 7.0);
        assertThrows(IllegalArgumentException.class, () -> twoByTwo().withKnownParts(broken));
        // More known cases than the published figure.
        assertThrows(IllegalArgumentException.class, () -> twoByTwo().withKnownParts(Map.of("r1", 11.0)));
        // A sum's known part without its count's.
        LinkedTables t = LinkedTables.builder().count("n", 6L).sum("s", null, "n", 0, 40).build();
        assertThrows(IllegalArgumentException.class, () -> t.withKnownParts(Map.of("s", 100.0)));
    }
}
