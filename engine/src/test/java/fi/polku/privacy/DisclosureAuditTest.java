package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The attacker's problem by linear programming. Expected intervals are worked out by hand from the constraints
 * (each test says how); tolerance 1e-6, the solver's.
 */
class DisclosureAuditTest {
    private static final double TOL = 1e-6;

    @Test
    void aLoneHiddenPartIsPinnedByItsTotal() {
        // 38 = 20 + x + 15: x = 3 exactly (width 0).
        LinkedTables view = LinkedTables.builder().count("all", 38L).count("t1", 20L).count("t2", null).count("t3", 15L)
                .additive("all", List.of("t1", "t2", "t3")).build();
        DisclosureAudit.Result r = DisclosureAudit.of(view, Protection.of(5), List.of("t2"));
        assertEquals(3, r.intervals().get("t2").lower(), TOL);
        assertEquals(3, r.intervals().get("t2").upper(), TOL);
        assertFalse(r.passed());
    }

    @Test
    void twoByTwoInteriorWithMarginsHasTheIntervalWorkedOutByHand() {
        // x1 + x2 = 10, x3 + x4 = 20, x1 + x3 = 12, x2 + x4 = 18, each >= 1 (zeros are shown, margins shown):
        // x2 = 10 - x1 >= 1 -> x1 <= 9; x3 = 12 - x1 >= 1 -> x1 <= 11; x4 = 8 + x1 >= 1 -> x1 >= -7; so x1 in [1, 9].
        LinkedTables.Builder b = LinkedTables.builder();
        for (String id : List.of("x1", "x2", "x3", "x4")) {
            b.count(id, null);
        }
        LinkedTables view = b.count("r1", 10L).count("r2", 20L).count("c1", 12L).count("c2", 18L)
                .additive("r1", List.of("x1", "x2")).additive("r2", List.of("x3", "x4"))
                .additive("c1", List.of("x1", "x3")).additive("c2", List.of("x2", "x4")).build();
        DisclosureAudit.Result r = DisclosureAudit.exact(view, Protection.of(5), List.of("x1", "x2", "x3", "x4"));
        assertEquals(1, r.intervals().get("x1").lower(), TOL);
        assertEquals(9, r.intervals().get("x1").upper(), TOL);
        // x4 = 8 + x1: [9, 17]
        assertEquals(9, r.intervals().get("x4").lower(), TOL);
        assertEquals(17, r.intervals().get("x4").upper(), TOL);
        assertTrue(r.passed());
    }

    @Test
    void aHiddenPartOfAHiddenTotalMayBeZero() {
        // all hidden: t2 only knows t2 >= 0 and t2 <= all, unbounded above.
        LinkedTables view = LinkedTables.builder().count("all", null).count("t1", 20L).count("t2", null)
                .additive("all", List.of("t1", "t2")).build();
        DisclosureAudit.Result r = DisclosureAudit.exact(view, Protection.of(5), List.of("all", "t2"));
        assertEquals(0, r.intervals().get("t2").lower(), TOL);
        assertEquals(Double.POSITIVE_INFINITY, r.intervals().get("t2").upper());
        // all = 20 + t2 with t2 >= 0: all >= 20.
        assertEquals(20, r.intervals().get("all").lower(), TOL);
    }

    @Test
    void aHiddenMeanFollowsFromCountWeightedSums() {
        // Sums n*mean of change, scores per case in [-40, 40]: all 52 = 30 + T2 + 16 with n shown everywhere but T2
        // hidden: T2 = 6 exactly, narrower than one case's range (80).
        LinkedTables view = LinkedTables.builder().count("n", 20L).count("n1", 10L).count("n2", 2L).count("n3", 8L)
                .sum("s", 52.0, "n", -40, 40).sum("s1", 30.0, "n1", -40, 40).sum("s2", null, "n2", -40, 40).sum("s3", 16.0, "n3", -40, 40)
                .additive("n", List.of("n1", "n2", "n3")).additive("s", List.of("s1", "s2", "s3")).build();
        DisclosureAudit.Interval i = DisclosureAudit.of(view, Protection.of(5), List.of("s2")).intervals().get("s2");
        assertEquals(6, i.lower(), TOL);
        assertEquals(6, i.upper(), TOL);
        assertEquals(80, i.required(), TOL);
        assertFalse(i.isProtected());
    }

    @Test
    void sumBoundsFollowTheCount() {
        // T hidden, n = 3 shown, nothing else: T in [0, 40 * 3].
        LinkedTables view = LinkedTables.builder().count("n", 3L).sum("s", null, "n", 0, 40).build();
        DisclosureAudit.Interval i = DisclosureAudit.exact(view, Protection.of(5), List.of("s")).intervals().get("s");
        assertEquals(0, i.lower(), TOL);
        assertEquals(120, i.upper(), TOL);
    }

    @Test
    void atMostBoundsAHiddenCountByItsWhole() {
        // complete <= episodes = 6, complete >= 1: [1, 6].
        LinkedTables view = LinkedTables.builder().count("episodes", 6L).count("complete", null).atMost("complete", "episodes").build();
        DisclosureAudit.Interval i = DisclosureAudit.exact(view, Protection.of(5), List.of("complete")).intervals().get("complete");
        assertEquals(1, i.lower(), TOL);
        assertEquals(6, i.upper(), TOL);
        assertTrue(i.isProtected());
    }

    @Test
    void contradictoryFiguresAndWrongUseAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> LinkedTables.builder().count("all", 10L).count("a", 4L).count("b", 4L)
                .additive("all", List.of("a", "b")).build());
        LinkedTables view = LinkedTables.builder().count("all", 4L).count("a", 4L).additive("all", List.of("a")).build();
        assertThrows(IllegalArgumentException.class, () -> DisclosureAudit.of(view, Protection.of(5), Set.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Protection.of(0));
    }

    /**
     * One cell's problem built from its own component ({@link DisclosureAudit#exactOne}, what the suppression's trials
     * use) gives the interval the whole view's audit gives it, for every hidden cell of a view with several components,
     * sums over hidden counts, a hidden total whose parts may be 0 and cells of other tables linked in: the index must
     * find the same component, constraints, sum bounds and zero rule as the scan of the whole view.
     */
    @Test
    void oneCellsComponentGivesTheWholeAuditsInterval() {
        LinkedTables.Builder b = LinkedTables.builder();
        long[][] counts = {{7, 3, 12}, {2, 9, 4}, {11, 1, 6}};
        for (int r = 0; r < 3; r++) {
            long row = 0;
            for (int c = 0; c < 3; c++) {
                b.count("x" + r + c, counts[r][c]).sum("s" + r + c, counts[r][c] * 2.5, "x" + r + c, -10, 10);
                row += counts[r][c];
            }
            b.count("r" + r, row);
            b.additive("r" + r, List.of("x" + r + "0", "x" + r + "1", "x" + r + "2"));
        }
        for (int c = 0; c < 3; c++) {
            b.count("c" + c, counts[0][c] + counts[1][c] + counts[2][c]);
            b.additive("c" + c, List.of("x0" + c, "x1" + c, "x2" + c));
        }
        b.count("other", 33L).linked("other", List.of("r1", "r2")).count("apart", 4L).count("whole", 9L).atMost("apart", "whole");
        LinkedTables truth = b.build();
        LinkedTables view = truth.published(Set.of("x01", "x02", "x11", "x12", "s01", "s11", "r2", "x20", "x21", "other",
                "apart"));
        LinkIndex links = new LinkIndex(truth);
        Protection p = Protection.of(5);
        for (LinkedTables.Cell c : view.cells().values()) {
            if (c.shown()) {
                continue;
            }
            DisclosureAudit.Interval whole = DisclosureAudit.exact(view, p, List.of(c.id())).intervals().get(c.id());
            DisclosureAudit.Interval one = DisclosureAudit.exactOne(view, links, p, c.id());
            assertEquals(whole.lower(), one.lower(), TOL, c.id());
            assertEquals(whole.upper(), one.upper(), TOL, c.id());
            assertEquals(whole.required(), one.required(), TOL, c.id());
        }
        assertEquals(DisclosureAudit.componentOf(view).get("x01"), DisclosureAudit.componentOf(view).get("other"),
                "the linked total joins the rows' component");
        assertEquals(List.of("x01", "s01", "x02", "x11", "s11", "x12", "x20", "x21", "r2", "other"),
                links.component(view, "s11"), "one component, in the tables' order");
    }
}
