package fi.polku.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary and secondary cell suppression of {@link LinkedTables} under a {@link Protection}, in the manner of
 * sdcTable's {@code SIMPLEHEURISTIC}: suppress, then solve the attacker's problem and suppress more until it
 * fails for every hidden cell.
 * <ol>
 * <li><b>Primary</b>: every count from 1 to k − 1.</li>
 * <li><b>Consequences</b>, repeated until nothing changes: a sum is hidden with the count it rests on; a zero is
 * hidden when it is a part of a hidden total (or at most a hidden whole).</li>
 * <li><b>Quick pass</b>: in every additive constraint whose total is shown, the hidden non-zero counts must add up to at
 * least k + (number hidden), the least that lets each of them (each at least 1) range over an interval k wide;
 * while they do not,
 * the smallest shown non-zero part is hidden (the total when no part is left).</li>
 * <li><b>Audit loop</b>: {@link DisclosureAudit} over the published view; for each hidden cell still pinned
 * narrower than its protection, the cheapest shown cell sharing a constraint with it whose hiding protects it
 * (tried by the attacker's problem; else the one that widens it most) is hidden, and the audit runs again.</li>
 * </ol>
 * "Smallest" hides the least information, as sdcTable's default weights (the cell value) do; cells the tables
 * would rather keep shown ({@link LinkedTables#kept}, e.g. the whole-period rows a page shows) are chosen only
 * when no other will do; ties go to the first cell added, so the result is deterministic. Zeros are never chosen: hiding a
 * zero protects nothing that the attacker's lower bound of 1 does not already imply.
 * Reference: Meindl, sdcTable 0.32, {@code protectTable(method = "SIMPLEHEURISTIC")}; Hundepool et al. (2012),
 * <i>Statistical Disclosure Control</i>, §4.4.
 */
public final class CellSuppression {
    /** Why a cell is hidden. */
    public enum Reason {
        /** A count from 1 to k − 1. */
        PRIMARY,
        /** Follows from a hidden cell: a sum on a hidden count, or a zero part of a hidden total. */
        CONSEQUENTIAL,
        /** Hidden so that the others cannot be derived. */
        SECONDARY,
        /**
         * Hidden because another surface published from the same figures hides it as a small count (the pages at a
         * larger k, when the export is protected): showing it here would undo that surface's protection for an
         * attacker holding both.
         */
        BESIDE
    }

    /**
     * The suppression pattern and its audit.
     *
     * @param hidden cell id → why it is hidden, in the order the cells were added
     * @param audit  the audit of the published view
     */
    public record Result(Map<String, Reason> hidden, DisclosureAudit.Result audit) {
        public Result {
            hidden = Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
        }

        /** How many cells were hidden for a reason. */
        public long count(Reason reason) {
            return hidden.values().stream().filter(reason::equals).count();
        }
    }

    private static final int MAX_ROUNDS = 100_000;
    private static final int MAX_TRIED = 12;

    private CellSuppression() {
    }

    /**
     * Protects the tables.
     *
     * @param truth      every figure with its true value (null only where a figure is never made)
     * @param protection the rule
     * @return the hidden cells; {@code audit().passed()} is true unless even hiding every linked cell cannot protect
     *         one (then the caller must not publish)
     */
    public static Result protect(LinkedTables truth, Protection protection) {
        return protect(truth, protection, Map.of());
    }

    /**
     * Protects the tables with {@code beside} hidden from the start: the hidden cells of another surface published
     * from the same figures, with its reasons. Every cell that surface hides stays hidden here, so what an attacker
     * holding both sees is never more than either shows; the audit then covers this surface's own rule on top. A
     * cell keeps its reason from there, except that a count primary under this rule is {@link Reason#PRIMARY} and a
     * primary one there that is not here (a smaller k here) is {@link Reason#BESIDE}.
     *
     * @param beside cell id → why the other surface hides it (each must be a cell of {@code truth})
     * @throws IllegalArgumentException if {@code beside} names a cell that is not in {@code truth}
     */
    public static Result protect(LinkedTables truth, Protection protection, Map<String, Reason> beside) {
        Map<String, Reason> hidden = new LinkedHashMap<>();
        beside.forEach((id, there) -> {
            LinkedTables.Cell c = truth.cell(id);
            boolean primaryHere = c.kind() == LinkedTables.Kind.COUNT && c.shown() && protection.primary(c.value());
            hidden.put(id, primaryHere ? Reason.PRIMARY : there == Reason.PRIMARY ? Reason.BESIDE : there);
        });
        for (LinkedTables.Cell c : truth.cells().values()) {
            if (c.kind() == LinkedTables.Kind.COUNT && c.shown() && protection.primary(c.value()) && !hidden.containsKey(c.id())) {
                hidden.put(c.id(), Reason.PRIMARY);
            }
        }
        consequences(truth, hidden);
        quickPass(truth, protection, hidden);
        Map<String, Map<String, DisclosureAudit.Interval>> cache = new java.util.HashMap<>();
        LinkIndex links = new LinkIndex(truth);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            DisclosureAudit.Result audit = audit(truth, links, protection, hidden, cache);
            if (audit.passed()) {
                return result(truth, hidden, audit);
            }
            boolean added = false;
            // One cell per component and round: one hidden cell often protects several, so the rest wait for the next
            // audit (the other components' results come from the cache).
            Map<String, String> component = DisclosureAudit.componentOf(truth.published(hidden.keySet()));
            Set<String> done = new java.util.HashSet<>();
            for (DisclosureAudit.Interval failure : audit.failures()) {
                if (!done.add(component.get(failure.cell()))) {
                    continue;
                }
                String next = candidate(truth, links, protection, hidden, failure.cell());
                if (next != null && !hidden.containsKey(next)) {
                    hidden.put(next, Reason.SECONDARY);
                    added = true;
                }
                consequences(truth, hidden);
            }
            if (!added) {
                return result(truth, hidden, audit);
            }
        }
        throw new IllegalStateException("secondary suppression did not settle in " + MAX_ROUNDS + " rounds");
    }

    /**
     * The cells to audit: the hidden ones, and sums never published at all (an estimate not made still has a true
     * sum that differencing could reveal).
     */
    private static DisclosureAudit.Result audit(LinkedTables truth, LinkIndex links, Protection protection,
                                                Map<String, Reason> hidden,
                                                Map<String, Map<String, DisclosureAudit.Interval>> cache) {
        List<String> checked = truth.cells().values().stream()
                .filter(c -> hidden.containsKey(c.id()) || c.kind() == LinkedTables.Kind.SUM && !c.shown()).map(LinkedTables.Cell::id).toList();
        return DisclosureAudit.of(truth.published(hidden.keySet()), links, protection, checked, false, cache);
    }

    private static Result result(LinkedTables truth, Map<String, Reason> hidden, DisclosureAudit.Result audit) {
        Map<String, Reason> ordered = new LinkedHashMap<>();
        truth.cells().keySet().stream().filter(hidden::containsKey).forEach(id -> ordered.put(id, hidden.get(id)));
        return new Result(ordered, audit);
    }

    private static void consequences(LinkedTables truth, Map<String, Reason> hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinkedTables.Cell c : truth.cells().values()) {
                if (c.kind() == LinkedTables.Kind.SUM && hidden.containsKey(c.count()) && !hidden.containsKey(c.id())) {
                    hidden.put(c.id(), Reason.CONSEQUENTIAL);
                    changed = true;
                }
            }
            for (LinkedTables.Constraint k : truth.constraints()) {
                if (!k.relation().hidesZeros() || !hidden.containsKey(k.total())) {
                    continue;
                }
                for (String p : k.parts()) {
                    Double v = truth.cell(p).value();
                    if (v != null && v == 0 && !hidden.containsKey(p)) {
                        hidden.put(p, Reason.CONSEQUENTIAL);
                        changed = true;
                    }
                }
            }
        }
    }

    private static void quickPass(LinkedTables truth, Protection protection, Map<String, Reason> hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinkedTables.Constraint k : truth.constraints()) {
                if (k.relation() != LinkedTables.Relation.ADDITIVE || hidden.containsKey(k.total())
                        || truth.cell(k.total()).kind() != LinkedTables.Kind.COUNT) {
                    continue;
                }
                List<String> inside = k.parts().stream().filter(id -> hidden.containsKey(id) && value(truth, id) > 0).toList();
                if (inside.isEmpty()) {
                    continue;
                }
                double sum = inside.stream().mapToDouble(id -> value(truth, id)).sum();
                if (sum >= protection.k() + inside.size()) {
                    continue;
                }
                String next = smallestShown(truth, hidden, k.parts());
                if (next == null) {
                    next = k.total();
                }
                hidden.put(next, Reason.SECONDARY);
                consequences(truth, hidden);
                changed = true;
            }
        }
    }

    /**
     * The cell to hide next for a failing hidden cell. Candidates are the shown non-zero counts that share a
     * constraint with it (for a sum: the counts of the sums beside it, and the counts beside its count), in order of
     * cost (cells to keep last, then smallest); the first whose hiding alone gives the failing cell its protection is
     * taken, else the one that widens it most. One step further out when nothing beside it is left.
     */
    private static String candidate(LinkedTables truth, LinkIndex links, Protection protection, Map<String, Reason> hidden,
                                    String failing) {
        LinkedTables.Cell cell = truth.cell(failing);
        List<String> pool = new ArrayList<>(neighbours(links, List.of(failing)));
        if (cell.kind() == LinkedTables.Kind.SUM) {
            pool = new ArrayList<>(pool.stream().map(id -> truth.cell(id).count()).toList());
            pool.addAll(neighbours(links, List.of(cell.count())));
        }
        List<String> ranked = ranked(truth, hidden, pool);
        if (ranked.isEmpty()) {
            ranked = ranked(truth, hidden, neighbours(links, pool));
        }
        String best = null;
        double widest = Double.NEGATIVE_INFINITY;
        for (String id : ranked.subList(0, Math.min(ranked.size(), MAX_TRIED))) {
            Set<String> trial = new LinkedHashSet<>(hidden.keySet());
            trial.add(id);
            DisclosureAudit.Interval i = DisclosureAudit.exactOne(truth.published(trial), links, protection, failing);
            if (i.isProtected()) {
                return id;
            }
            if (i.width() > widest + 1e-9) {
                widest = i.width();
                best = id;
            }
        }
        return best;
    }

    /** Shown non-zero counts among {@code ids}, cheapest first: cells to keep last, then by value, then in order. */
    private static List<String> ranked(LinkedTables truth, Map<String, Reason> hidden, List<String> ids) {
        return ids.stream().distinct()
                .filter(id -> !hidden.containsKey(id) && truth.cell(id).kind() == LinkedTables.Kind.COUNT && value(truth, id) > 0)
                .sorted(Comparator.comparing((String id) -> truth.kept().contains(id)).thenComparingDouble(id -> value(truth, id)))
                .toList();
    }

    /** Every cell of the constraints that name any of {@code ids}, in the tables' order. */
    private static List<String> neighbours(LinkIndex links, List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (LinkedTables.Constraint k : links.constraints(ids)) {
            out.addAll(k.cells());
        }
        return new ArrayList<>(out);
    }

    /** The shown non-zero count to hide first: one the tables would rather keep ({@link LinkedTables#kept}) last, then the smallest. */
    private static String smallestShown(LinkedTables truth, Map<String, Reason> hidden, List<String> ids) {
        return ids.stream().distinct()
                .filter(id -> !hidden.containsKey(id) && truth.cell(id).kind() == LinkedTables.Kind.COUNT && value(truth, id) > 0)
                .min(Comparator.comparing((String id) -> truth.kept().contains(id)).thenComparingDouble(id -> value(truth, id)))
                .orElse(null);
    }

    private static double value(LinkedTables truth, String id) {
        Double v = truth.cell(id).value();
        return v == null ? 0 : v;
    }
}
