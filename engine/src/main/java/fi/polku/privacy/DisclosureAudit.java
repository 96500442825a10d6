package fi.polku.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The attacker's problem, solved for every hidden cell: given only the published figures of a
 * {@link LinkedTables} view and its constraints, the smallest and largest value each hidden cell can take, by
 * linear programming ({@link Simplex}: a warm-started tableau per component, Commons Math's simplex from scratch where it gives up), and whether that interval is at least as wide as
 * {@link Protection#width} demands.
 * <p>
 * What the attacker is assumed to know besides the figures: every constraint; counts are whole and at least 0,
 * and a hidden count is at least 1 unless it is a part of a hidden total (zeros are shown everywhere else, see
 * {@link Protection}); a sum lies in {@code [min·n, max·n]} of its count. The problem is solved as a linear
 * relaxation: count bounds are then rounded inwards to whole numbers ({@code ⌈lower⌉}, {@code ⌊upper⌋}), which
 * the attacker can do too. An integer attacker could in principle narrow an interval further than the rounded
 * relaxation; a count the figures force to 0, and a sum over such a count, need no width (no one is in them). For the additive two-way tables audited here (a margin and its parts, terms and their year) the
 * relaxation's vertices are integral, so the bounds coincide (Hundepool et al. 2012, §4.3.2). Hidden cells are
 * split into independent components (cells linked through constraints) so each problem stays small.
 * An unbounded side is reported as ±∞. A view whose published figures contradict its constraints is a bug of
 * whoever built it: {@link IllegalStateException}.
 * Reference: Hundepool et al. (2012), <i>Statistical Disclosure Control</i>, §4.3 (audit by the attacker's
 * problem); sdcTable 0.32 {@code attack()}.
 */
public final class DisclosureAudit {
    static final double EPS = 1e-6;

    /**
     * A hidden cell's feasible interval.
     *
     * @param cell     the cell's id
     * @param lower    the smallest value consistent with the published figures
     * @param upper    the largest
     * @param required the width it must keep
     */
    public record Interval(String cell, double lower, double upper, double required) {
        /** {@code upper − lower}. */
        public double width() {
            return upper - lower;
        }

        /** Whether the interval is at least as wide as required. */
        public boolean isProtected() {
            return width() >= required - EPS;
        }

        @Override
        public String toString() {
            return cell + " in [" + lower + ", " + upper + "] (width " + width() + ", needs " + required + ")";
        }
    }

    /**
     * The audit's outcome.
     *
     * @param intervals every checked cell's interval, by id
     */
    public record Result(Map<String, Interval> intervals) {
        public Result {
            intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        }

        /** The intervals narrower than required. */
        public List<Interval> failures() {
            return intervals.values().stream().filter(i -> !i.isProtected()).toList();
        }

        /** Whether every checked hidden cell keeps its protection. */
        public boolean passed() {
            return failures().isEmpty();
        }

        /** The narrowest interval relative to what it needs, for messages; null when nothing was checked. */
        public Interval tightest() {
            return intervals.values().stream().min((a, b) -> Double.compare(a.width() - a.required(), b.width() - b.required()))
                    .orElse(null);
        }
    }

    private DisclosureAudit() {
    }

    /**
     * Audits a published view, certifying each checked cell with the fewest problems solved: every optimal
     * solution found is a feasible point, and a cell whose values over the points found already span its protection
     * is protected without solving its own two problems. A cell that passes reports that span (its feasible interval
     * is at least as wide); a cell that fails reports its exact extremes.
     *
     * @param view       the published figures (hidden cells have no value)
     * @param protection the rule
     * @param checked    the hidden cells that must keep their protection; other cells without a value (figures never
     *                   made) are unknowns of the problem only
     * @return every checked cell's interval
     * @throws IllegalArgumentException if a checked cell has a value in the view
     */
    public static Result of(LinkedTables view, Protection protection, Collection<String> checked) {
        return of(view, protection, checked, false, new HashMap<>());
    }

    /** As {@link #of}, checking every cell the view does not show: the audit of a published view by an outsider. */
    public static Result ofUnshown(LinkedTables view, Protection protection) {
        return of(view, protection, view.cells().values().stream().filter(c -> !c.shown()).map(LinkedTables.Cell::id).toList());
    }

    /** As {@link #of}, but every checked cell's exact feasible interval (two problems per cell). */
    public static Result exact(LinkedTables view, Protection protection, Collection<String> checked) {
        return of(view, protection, checked, true, new HashMap<>());
    }

    /**
     * The audit with a cache of components already solved: a component with the same unknowns over the same
     * published figures has the same intervals (used while suppression grows a pattern, where the figures stay).
     */
    static Result of(LinkedTables view, Protection protection, Collection<String> checked, boolean exact,
                     Map<String, Map<String, Interval>> cache) {
        return of(view, new LinkIndex(view), protection, checked, exact, cache);
    }

    /** As above, with the index of the tables the view was published from (built once by a caller that audits often). */
    static Result of(LinkedTables view, LinkIndex links, Protection protection, Collection<String> checked, boolean exact,
                     Map<String, Map<String, Interval>> cache) {
        for (String id : checked) {
            if (view.cell(id).shown()) {
                throw new IllegalArgumentException("cell " + id + " is checked as hidden but has a published value");
            }
        }
        Set<String> wanted = new HashSet<>(checked);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, List<String>> targetsOf = new HashMap<>();
        for (List<String> component : links.components(view)) {
            List<String> targets = component.stream().filter(wanted::contains).toList();
            if (!targets.isEmpty()) {
                String key = String.join(",", component) + "|" + String.join(",", targets);
                problems.put(key, component);
                targetsOf.put(key, targets);
            }
        }
        // The components are independent problems: solved side by side (the report's audits were most of its time on
        // one core while the others idled). Each is solved alone, so the intervals do not depend on the threads.
        Map<String, Map<String, Interval>> solved = new java.util.concurrent.ConcurrentHashMap<>();
        problems.keySet().stream().filter(key -> !cache.containsKey(key)).toList().parallelStream()
                .forEach(key -> solved.put(key, solve(view, links, problems.get(key), targetsOf.get(key), protection, exact)));
        cache.putAll(solved);
        Map<String, Interval> out = new TreeMap<>();
        problems.keySet().forEach(key -> out.putAll(cache.get(key)));
        Map<String, Interval> ordered = new LinkedHashMap<>();
        checked.stream().sorted().forEach(id -> ordered.put(id, out.get(id)));
        return new Result(ordered);
    }

    /** Each cell without a value → the first cell of its component. */
    static Map<String, String> componentOf(LinkedTables view) {
        Map<String, String> out = new HashMap<>();
        for (List<String> component : new LinkIndex(view).components(view)) {
            component.forEach(id -> out.put(id, component.get(0)));
        }
        return out;
    }

    /**
     * The exact feasible interval of one hidden cell: the problem of its own component only, which is what
     * {@link #exact} solves for it, without finding every other component of the view.
     */
    static Interval exactOne(LinkedTables view, LinkIndex links, Protection protection, String id) {
        if (view.cell(id).shown()) {
            throw new IllegalArgumentException("cell " + id + " is checked as hidden but has a published value");
        }
        return solve(view, links, links.component(view, id), List.of(id), protection, true).get(id);
    }

    private static Map<String, Interval> solve(LinkedTables view, LinkIndex links, List<String> component, List<String> targets,
                                               Protection protection, boolean exact) {
        Map<String, Integer> index = new HashMap<>();
        component.forEach(id -> index.put(id, index.size()));
        Set<String> members = index.keySet();
        int n = index.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (LinkedTables.Constraint k : links.constraints(component)) {
            double[] a = new double[n];
            double rhs = 0;
            rhs += term(view, index, a, k.total(), 1);
            for (String p : k.parts()) {
                rhs += term(view, index, a, p, -1);
            }
            constraints.add(new LinearConstraint(a, k.relation().equation() ? Relationship.EQ : Relationship.GEQ,
                    rhs));
        }
        for (String sum : links.sums(component)) {
            LinkedTables.Cell c = view.cell(sum);
            if ((members.contains(c.id()) || members.contains(c.count())) && !(c.shown() && view.cell(c.count()).shown())) {
                double[] low = new double[n];
                double[] high = new double[n];
                double lowRhs = term(view, index, low, c.id(), 1) + term(view, index, low, c.count(), -c.min());
                double highRhs = term(view, index, high, c.id(), 1) + term(view, index, high, c.count(), -c.max());
                constraints.add(new LinearConstraint(low, Relationship.GEQ, lowRhs));
                constraints.add(new LinearConstraint(high, Relationship.LEQ, highRhs));
            }
        }
        for (String id : component) {
            if (view.cell(id).kind() == LinkedTables.Kind.COUNT) {
                double[] a = new double[n];
                a[index.get(id)] = 1;
                constraints.add(new LinearConstraint(a, Relationship.GEQ, links.mayBeZero(view, id) ? 0 : 1));
            }
        }
        Simplex set = new Simplex(constraints, n);
        List<double[]> points = new ArrayList<>();
        if (!exact) {
            double[] all = new double[n];
            targets.forEach(id -> all[index.get(id)] = 1);
            point(set, all, GoalType.MINIMIZE, points, targets.get(0));
            point(set, all, GoalType.MAXIMIZE, points, targets.get(0));
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        for (String id : targets) {
            LinkedTables.Cell cell = view.cell(id);
            int i = index.get(id);
            double required = protection.width(cell);
            if (cell.kind() == LinkedTables.Kind.SUM) {
                // A sum over a count known to be 0 is 0 and says nothing about anyone.
                Integer count = index.get(cell.count());
                double countMax = count == null ? view.cell(cell.count()).value() : spread(points, count)[1];
                if (count != null && countMax < 1 - EPS) {
                    countMax = set.maximumConfirmedBelow(unit(n, count), 1 - EPS, points, id);
                }
                if (countMax < 1 - EPS) {
                    required = 0;
                }
            }
            if (cell.kind() == LinkedTables.Kind.COUNT) {
                // A hidden count the figures force to 0 (hidden only because its total is) has no one in it.
                double max = spread(points, i)[1];
                if (max < 1 - EPS) {
                    max = set.maximumConfirmedBelow(unit(n, i), 1 - EPS, points, id);
                }
                if (max < 1 - EPS) {
                    required = 0;
                }
            }
            double[] span = spread(points, i);
            if (exact || !wide(cell, span[0], span[1], required)) {
                span[1] = set.optimum(unit(n, i), GoalType.MAXIMIZE, points, id);
                if (exact || !wide(cell, span[0], span[1], required)) {
                    span[0] = set.optimum(unit(n, i), GoalType.MINIMIZE, points, id);
                }
            }
            double lower = span[0];
            double upper = span[1];
            if (cell.kind() == LinkedTables.Kind.COUNT) {
                lower = Math.ceil(lower - EPS);
                upper = Math.floor(upper + EPS);
            }
            out.put(id, new Interval(id, lower, upper, required));
        }
        return out;
    }

    private static boolean wide(LinkedTables.Cell cell, double lower, double upper, double required) {
        if (cell.kind() == LinkedTables.Kind.COUNT) {
            return Math.floor(upper + EPS) - Math.ceil(lower - EPS) >= required - EPS;
        }
        return upper - lower >= required - EPS;
    }

    /** The smallest and largest value of a variable over the points found (empty: +∞, −∞). */
    private static double[] spread(List<double[]> points, int i) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[i]);
            hi = Math.max(hi, p[i]);
        }
        return new double[] {lo, hi};
    }

    private static double[] unit(int n, int i) {
        double[] a = new double[n];
        a[i] = 1;
        return a;
    }

    private static void point(Simplex set, double[] objective, GoalType goal, List<double[]> points, String id) {
        set.optimum(objective, goal, points, id);
    }

    /** Adds {@code sign·cell} to the row if the cell is an unknown; otherwise returns what moves to the right-hand side. */
    private static double term(LinkedTables view, Map<String, Integer> index, double[] row, String id, double sign) {
        Integer i = index.get(id);
        if (i != null) {
            row[i] += sign;
            return 0;
        }
        Double v = view.cell(id).value();
        if (v == null) {
            // An unknown outside this component cannot be linked to it through this constraint: components are closed.
            throw new IllegalStateException("cell " + id + " is unknown but outside its component");
        }
        return -sign * v;
    }

}
