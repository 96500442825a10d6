package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkedTables.Relation#LINKED}: a total in one table equal to parts in another (a region's project episodes
 * reached = its youths' + children's outcome series), each table with its own zero rule. Hand-worked, k = 5.
 */
class LinkedRelationTest {
    private static final Protection K5 = Protection.of(5);

    /**
     * Reached hidden, youth hidden, child 2 shown, youth at most its whole period's 5 (shown). By the outcome table's
     * rule a hidden youth count with its whole shown is at least 1: youth in [1, 5], width 4, a leak. Taken as an
     * additive part of the hidden reached count it could be 0 ([0, 5], width 5) and the leak would pass unseen.
     */
    @Test
    void aHiddenLinkedTotalLetsNoPartBeZero() {
        LinkedTables.Builder b = LinkedTables.builder().count("reached", null).count("youth", null).count("child", 2L)
                .count("youthAll", 5L).atMost("youth", "youthAll");
        DisclosureAudit.Interval linked = DisclosureAudit.ofUnshown(b.linked("reached", List.of("youth", "child")).build(), K5)
                .intervals().get("youth");
        assertEquals(1, linked.lower(), 1e-6);
        assertEquals(5, linked.upper(), 1e-6);
        assertFalse(linked.isProtected());
        DisclosureAudit.Interval additive = DisclosureAudit.ofUnshown(LinkedTables.builder().count("reached", null).count("youth", null)
                .count("child", 2L).count("youthAll", 5L).atMost("youth", "youthAll").additive("reached", List.of("youth", "child"))
                .build(), K5).intervals().get("youth");
        assertEquals(0, additive.lower(), 1e-6, "an additive part of a hidden total may be 0: the lenient reading LINKED avoids");
    }

    /** Hiding a linked total (3, primary) hides no zero part in the other table: its zeros are that table's to show. */
    @Test
    void hidingALinkedTotalHidesNoZeroPart() {
        LinkedTables truth = LinkedTables.builder().count("reached", 3L).count("youth", 3L).count("child", 0L)
                .linked("reached", List.of("youth", "child")).build();
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertTrue(r.hidden().keySet().containsAll(Set.of("reached", "youth")));
        assertFalse(r.hidden().containsKey("child"));
        assertTrue(LinkedTables.Relation.LINKED.equation());
        assertFalse(LinkedTables.Relation.LINKED.hidesZeros());
    }
}
