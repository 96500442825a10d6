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
 * hidden when it is a part of a hidden total.</li>
 * <li><b>Quick pass</b>: in every additive constraint whose total is shown, the hidden counts must add up to at
 * least k + (number hidden), the least that lets each of them (each at least 1) range over an interval k wide;
 * while they do not,
 * the smallest shown non-zero part is hidden (the total when no part is left).</li>
 * <li><b>Audit loop</b>: {@link DisclosureAudit} over the published view; for each hidden cell still pinned
 * narrower than its protection, the smallest shown cell sharing a constraint with it is hidden (for a sum, the
 * smallest count whose sum shares one), and the audit runs again.</li>
 * </ol>
 * "Smallest" hides the least information, as the brief and sdcTable's default weights (the cell value)
 * prefer; ties go to the first cell added, so the result is deterministic. Zeros are never chosen: hiding a
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
        SECONDARY
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

    private static final int MAX_ROUNDS = 10_000;

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
        Map<String, Reason> hidden = new LinkedHashMap<>();
        for (LinkedTables.Cell c : truth.cells().values()) {
            if (c.kind() == LinkedTables.Kind.COUNT && protection.primary(c.value())) {
                hidden.put(c.id(), Reason.PRIMARY);
            }
        }
        consequences(truth, hidden);
        quickPass(truth, protection, hidden);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            DisclosureAudit.Result audit = audit(truth, protection, hidden);
            if (audit.passed()) {
                return result(truth, hidden, audit);
            }
            boolean added = false;
            for (DisclosureAudit.Interval failure : audit.failures()) {
                String next = candidate(truth, hidden, failure.cell());
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

    /** The cells to audit: hidden ones that had a value (a figure never made needs no protection). */
    static DisclosureAudit.Result audit(LinkedTables truth, Protection protection, Map<String, Reason> hidden) {
        List<String> checked = hidden.keySet().stream().filter(id -> truth.cell(id).shown()).toList();
        return DisclosureAudit.of(truth.published(hidden.keySet()), protection, checked);
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
                if (k.relation() != LinkedTables.Relation.ADDITIVE || !hidden.containsKey(k.total())) {
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
                List<String> inside = k.parts().stream().filter(hidden::containsKey).toList();
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

    /** The cell to hide next for a failing hidden cell: the smallest shown one it shares a constraint with. */
    private static String candidate(LinkedTables truth, Map<String, Reason> hidden, String failing) {
        LinkedTables.Cell cell = truth.cell(failing);
        String target = cell.kind() == LinkedTables.Kind.SUM ? null : failing;
        List<String> pool = new ArrayList<>();
        for (LinkedTables.Constraint k : truth.constraints()) {
            if (k.cells().contains(failing)) {
                pool.addAll(k.cells());
            }
        }
        if (target == null) {
            // A sum is protected by hiding other sums beside it, i.e. their counts.
            List<String> counts = new ArrayList<>();
            for (String id : pool) {
                counts.add(truth.cell(id).count());
            }
            for (LinkedTables.Constraint k : truth.constraints()) {
                if (k.cells().contains(cell.count())) {
                    counts.addAll(k.cells());
                }
            }
            pool = counts;
        }
        String best = smallestShown(truth, hidden, pool);
        if (best == null) {
            // Everything beside it is hidden already: widen through the cells linked to its neighbours.
            Set<String> wider = new LinkedHashSet<>();
            for (String id : pool) {
                for (LinkedTables.Constraint k : truth.constraints()) {
                    if (k.cells().contains(id)) {
                        wider.addAll(k.cells());
                    }
                }
            }
            best = smallestShown(truth, hidden, new ArrayList<>(wider));
        }
        return best;
    }

    private static String smallestShown(LinkedTables truth, Map<String, Reason> hidden, List<String> ids) {
        return ids.stream().distinct()
                .filter(id -> !hidden.containsKey(id) && truth.cell(id).kind() == LinkedTables.Kind.COUNT && value(truth, id) > 0)
                .min(Comparator.comparingDouble((String id) -> value(truth, id)))
                .orElse(null);
    }

    private static double value(LinkedTables truth, String id) {
        Double v = truth.cell(id).value();
        return v == null ? 0 : v;
    }
}
