package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Adversarial tables: each is protected by {@link CellSuppression} and audited; and the pattern of the rules Polku
 * used before (a count 1..k−1 hidden on its own, the old SmallCells rule within one row's categories, nothing across
 * tables) is audited too, which must fail. Counts in the tables are constructed; the expected patterns are
 * worked out by hand from the rule (each test says how).
 */
class CellSuppressionTest {
    private static final Protection K5 = Protection.of(5);
    private static final List<String> CATEGORIES = List.of("recovered", "improved", "unchanged", "deteriorated", "harmed");

    /** Terms t1..tn and their year "all", each a count. */
    private static LinkedTables.Builder terms(LinkedTables.Builder b, String prefix, long... counts) {
        List<String> parts = new ArrayList<>();
        long all = 0;
        for (int i = 0; i < counts.length; i++) {
            b.count(prefix + "t" + (i + 1), counts[i]);
            parts.add(prefix + "t" + (i + 1));
            all += counts[i];
        }
        return b.count(prefix + "all", all).additive(prefix + "all", parts);
    }

    /** One row's categories and their total n_assessed. */
    private static LinkedTables.Builder categories(LinkedTables.Builder b, String row, long... counts) {
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            b.count(row + CATEGORIES.get(i), counts[i]);
            parts.add(row + CATEGORIES.get(i));
            total += counts[i];
        }
        return b.count(row + "n_assessed", total).additive(row + "n_assessed", parts);
    }

    /** The pattern of the old rules: primary on each count; SmallCells within one row's categories; nothing across rows. */
    private static Set<String> oldPattern(LinkedTables truth) {
        Set<String> hidden = new LinkedHashSet<>();
        truth.cells().values().forEach(c -> {
            if (K5.primary(c.value())) {
                hidden.add(c.id());
            }
        });
        for (LinkedTables.Constraint k : truth.constraints()) {
            if (!k.total().endsWith("n_assessed") || k.parts().stream().anyMatch(p -> p.endsWith("n_assessed"))) {
                continue;
            }
            Map<String, Long> parts = new LinkedHashMap<>();
            k.parts().forEach(p -> parts.put(p, truth.cell(p).value().longValue()));
            hidden.addAll(oldSmallCells(parts));
        }
        return hidden;
    }

    /**
     * The removed SmallCells.suppress rule, kept here as the baseline: a total under k hides every part; otherwise
     * parts 1..k−1, and while exactly one is hidden, the smallest shown non-zero part too. Zeros shown.
     */
    private static Set<String> oldSmallCells(Map<String, Long> parts) {
        long total = parts.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0 && total < K5.k()) {
            return new LinkedHashSet<>(parts.keySet());
        }
        Set<String> hidden = new LinkedHashSet<>();
        parts.forEach((name, n) -> {
            if (K5.primary(n)) {
                hidden.add(name);
            }
        });
        if (hidden.size() == 1) {
            parts.entrySet().stream().filter(e -> e.getValue() > 0 && !hidden.contains(e.getKey()))
                    .min(Map.Entry.comparingByValue()).ifPresent(e -> hidden.add(e.getKey()));
        }
        return hidden;
    }

    private static DisclosureAudit.Result auditOld(LinkedTables truth) {
        Set<String> hidden = oldPattern(truth);
        return DisclosureAudit.of(truth.published(hidden), K5, hidden.stream().filter(id -> truth.cell(id).value() > 0).toList());
    }

    @Test
    void tinyCellInOneTermOnlyTakesTheSmallestOtherTermWithIt() {
        // all 38 = 20 + 3 + 15. Old: only t2 hidden, all − t1 − t3 = 3. New: t2 and the smaller shown term t3
        // (least information): t2 + t3 = 18, each >= 1, so t2 in [1, 17] and t3 in [1, 17].
        LinkedTables truth = terms(LinkedTables.builder(), "", 20, 3, 15).build();
        assertFalse(auditOld(truth).passed());
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertEquals(Map.of("t2", CellSuppression.Reason.PRIMARY, "t3", CellSuppression.Reason.SECONDARY), r.hidden());
        assertTrue(r.audit().passed(), r.audit().failures().toString());
        DisclosureAudit.Interval t2 = DisclosureAudit.exact(truth.published(r.hidden().keySet()), K5, List.of("t2")).intervals().get("t2");
        assertEquals(1, t2.lower(), 1e-6);
        assertEquals(17, t2.upper(), 1e-6);
    }

    @Test
    void oneClientInOneCategoryTwiceIsNotPinnedByTheOthers() {
        // n_assessed 74 = 11 + 15 + 1 + 46 + 1 (the region-12 example). Old: the two 1s hide each other,
        // their sum 2 is known and each is at least 1: both exactly 1. New: the smallest shown (11) goes too.
        LinkedTables truth = categories(LinkedTables.builder(), "", 11, 15, 1, 46, 1).build();
        assertFalse(auditOld(truth).passed());
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertEquals(Set.of("recovered", "unchanged", "harmed"), r.hidden().keySet());
        assertTrue(r.audit().passed(), r.audit().failures().toString());
    }

    @Test
    void aRegionWithSixClientsHidesItsTotalRatherThanSplitIt() {
        // 6 clients in two terms, 2 + 4: both primary; shown total 6 leaves each in [1, 5], 4 wide < 5. Nothing else
        // can be hidden but the total; hidden, its parts may be 0 and it is unbounded.
        LinkedTables truth = terms(LinkedTables.builder(), "", 2, 4).build();
        assertFalse(auditOld(truth).passed());
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertEquals(Set.of("t1", "t2", "all"), r.hidden().keySet());
        assertTrue(r.audit().passed());
    }

    @Test
    void zerosShownBesideTwoSmallCategoriesPinThem() {
        // n_assessed 6 = 0 + 0 + 2 + 0 + 4. Old: 2 and 4 hidden; zeros shown, so each hidden one is >= 1 and the two
        // make 6: [1, 5]. New: no non-zero part is left to hide, so the total goes, and its zeros with it.
        LinkedTables truth = categories(LinkedTables.builder(), "", 0, 0, 2, 0, 4).build();
        assertFalse(auditOld(truth).passed());
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertEquals(6, r.hidden().size());
        assertEquals(CellSuppression.Reason.CONSEQUENTIAL, r.hidden().get("recovered"));
        assertTrue(r.audit().passed());
    }

    @Test
    void periodsAndCategoriesTogetherCannotBeDifferenced() {
        // Two terms and their year, each with categories; the year's categories are the terms' sums. Old rules
        // protect each row on its own; the year minus the other term recovers the hidden ones.
        LinkedTables.Builder b = LinkedTables.builder();
        long[][] rows = {{10, 12, 0, 3, 0}, {20, 9, 6, 7, 8}};
        List<String> assessed = new ArrayList<>();
        for (int t = 0; t < rows.length; t++) {
            categories(b, "t" + t + ".", rows[t]);
            assessed.add("t" + t + ".n_assessed");
        }
        long[] year = new long[5];
        for (long[] row : rows) {
            for (int c = 0; c < 5; c++) {
                year[c] += row[c];
            }
        }
        categories(b, "all.", year);
        b.additive("all.n_assessed", assessed);
        for (String c : CATEGORIES) {
            b.additive("all." + c, List.of("t0." + c, "t1." + c));
        }
        LinkedTables truth = b.build();
        assertFalse(auditOld(truth).passed());
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertTrue(r.audit().passed(), r.audit().failures().toString());
        assertTrue(r.hidden().containsKey("t0.deteriorated"));
    }

    @Test
    void meansOfHiddenCountsCannotBeDifferenced() {
        // n: 20 = 10 + 2 + 8; change sums n*mean: 52 = 30 + 6 + 16, per case in [-40, 40]. Old: n2 and its mean hidden,
        // the sum follows as 52 - 30 - 16. New: the term of 8 goes with it; the two sums share 22 and each ranges wider
        // than 80.
        LinkedTables truth = LinkedTables.builder().count("n", 20L).count("n1", 10L).count("n2", 2L).count("n3", 8L)
                .sum("s", 52.0, "n", -40, 40).sum("s1", 30.0, "n1", -40, 40).sum("s2", 6.0, "n2", -40, 40).sum("s3", 16.0, "n3", -40, 40)
                .additive("n", List.of("n1", "n2", "n3")).additive("s", List.of("s1", "s2", "s3")).build();
        Set<String> old = Set.of("n2", "s2");
        assertFalse(DisclosureAudit.of(truth.published(old), K5, old).passed());
        CellSuppression.Result r = CellSuppression.protect(truth, K5);
        assertEquals(Set.of("n2", "s2", "n3", "s3"), r.hidden().keySet());
        assertTrue(r.audit().passed(), r.audit().failures().toString());
    }

    @Test
    void nothingIsHiddenWhenNothingIsSmall() {
        LinkedTables truth = categories(terms(LinkedTables.builder(), "", 20, 7, 15), "c.", 5, 0, 9, 6, 0).build();
        assertTrue(CellSuppression.protect(truth, K5).hidden().isEmpty());
    }

    @Test
    void randomTwoWayTablesAlwaysPassTheirAudit() {
        // Random 3-term × 5-category tables with small counts; whatever is hidden must pass the audit, and no count
        // 1..4 may be shown.
        Random random = new Random(18);
        for (int trial = 0; trial < 60; trial++) {
            LinkedTables.Builder b = LinkedTables.builder();
            long[] year = new long[5];
            List<String> assessed = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                long[] row = new long[5];
                for (int c = 0; c < 5; c++) {
                    row[c] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(25);
                    year[c] += row[c];
                }
                categories(b, "t" + t + ".", row);
                assessed.add("t" + t + ".n_assessed");
            }
            categories(b, "all.", year).additive("all.n_assessed", assessed);
            for (String c : CATEGORIES) {
                b.additive("all." + c, List.of("t0." + c, "t1." + c, "t2." + c));
            }
            LinkedTables truth = b.build();
            CellSuppression.Result r = CellSuppression.protect(truth, K5);
            assertTrue(r.audit().passed(), "trial " + trial + ": " + r.audit().failures());
            // The certifying audit's shortcut (spans of solutions found) must agree with both extremes solved.
            List<String> hiddenIds = new ArrayList<>(r.hidden().keySet());
            DisclosureAudit.Result exact = DisclosureAudit.exact(truth.published(r.hidden().keySet()), K5, hiddenIds);
            assertTrue(exact.passed(), "trial " + trial + ": " + exact.failures());
            exact.intervals().forEach((id, i) -> assertTrue(i.width() >= r.audit().intervals().get(id).width() - 1e-6, id));
            truth.cells().values().forEach(c -> assertTrue(!K5.primary(c.value()) || r.hidden().containsKey(c.id()), c.id()));
        }
    }
}
