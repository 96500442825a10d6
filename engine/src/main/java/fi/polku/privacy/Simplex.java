package fi.polku.privacy;

import static fi.polku.privacy.DisclosureAudit.EPS;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The linear programs of the attacker's problem ({@link DisclosureAudit}) over one set of constraints: each objective is
 * optimised on a warm-started {@link Tableau} (phase 1 once per constraint set), and every optimum is checked against
 * the constraints. Where the tableau gives up, or its answer does not hold, a fresh tableau is built (at most
 * {@link #BUILDS} per set), then the objective is solved from scratch by Commons Math's simplex (checked the same way).
 * <p>
 * What may be believed follows from which error is unsafe. A returned optimum is the value at a point that satisfies the
 * constraints, so it can fall short of the true extreme (a narrower interval: more suppression) but not pass it. An
 * unbounded side makes a cell look safe, so neither solver's "unbounded" is taken on its word: the tableau's needs a
 * ray that keeps every row ({@link #isRay}) and a point {@link #FAR} times the problem's scale out along it that
 * satisfies the constraints; Commons Math's, a point that far beyond found by phase 1 of a tableau with the objective
 * pushed there, else the side is solved with the objective capped there. Both happened in a review (2026-12-02): the
 * tableau took a direction blocked only by a nearly parallel row for a ray, and Commons Math called a figure fixed by an
 * equation unbounded ({@code SimplexTest}).
 */
final class Simplex {
    /** An unbounded side is believed only with a feasible point this far out (times 1 + the largest |b| or |value|). */
    static final double FAR = 1e6;
    /** Fresh tableaux (phase 1 again) a constraint set may have after one gives up, before Commons Math takes over. */
    private static final int BUILDS = 3;

    private final LinearConstraintSet set;
    private final int n;
    private Tableau tableau;
    private int builds;
    private boolean phaseOneFailed;

    /**
     * The programs over {@code constraints}.
     *
     * @param constraints the rows, each over {@code n} free variables
     * @param n           the number of variables
     */
    Simplex(List<LinearConstraint> constraints, int n) {
        this.set = new LinearConstraintSet(constraints);
        this.n = n;
    }

    /**
     * The optimum of {@code objective}; its solution joins {@code points}. Unbounded: ±∞, said only with a feasible
     * point at least {@link #FAR} times the problem's scale beyond every figure (for an audit, as wide as unbounded).
     *
     * @param id the cell the program is about, for messages
     * @throws IllegalStateException if the published figures contradict the constraints, or no solver converges
     */
    double optimum(double[] objective, GoalType goal, List<double[]> points, String id) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (tableau == null && !phaseOneFailed && builds < BUILDS) {
                builds++;
                tableau = tableauOver(set, n);
                phaseOneFailed = tableau == null;
            }
            if (tableau == null) {
                break;
            }
            Double value = onTableau(objective, goal, points);
            if (value != null) {
                return value;
            }
            // Gave up, or an answer that does not hold: round-off has piled up; phase 1 again from the original rows.
            tableau = null;
        }
        return fromScratch(set, objective, goal, points, id);
    }

    /**
     * The maximum of {@code objective}, confirmed by Commons Math from scratch when it is under {@code threshold} (the
     * larger of the two answers is kept): a count whose maximum is under 1 is "forced to 0" and its cells need no
     * width, so an underestimate there would not be on the safe side.
     */
    double maximumConfirmedBelow(double[] objective, double threshold, List<double[]> points, String id) {
        double warm = optimum(objective, GoalType.MAXIMIZE, points, id);
        if (warm >= threshold) {
            return warm;
        }
        try {
            return Math.max(warm, fromScratch(set, objective, GoalType.MAXIMIZE, points, id));
        } catch (IllegalStateException unsolved) {
            return warm;
        }
    }

    /** The tableau's answer if it holds (a feasible optimum, or a proven unbounded side), else null. */
    private Double onTableau(double[] objective, GoalType goal, List<double[]> points) {
        Tableau.Optimum o = tableau.optimise(objective, goal == GoalType.MAXIMIZE);
        if (o == null || !feasible(set, o.point())) {
            return null;
        }
        if (!o.unbounded()) {
            points.add(o.point());
            return o.value();
        }
        if (isRay(set, o.ray(), objective, goal) && feasible(set, farAlong(o, objective))) {
            return goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** The point along the ray where the objective has moved {@link #FAR} times the problem's scale. */
    private double[] farAlong(Tableau.Optimum o, double[] objective) {
        double gain = Math.abs(dot(objective, o.ray()));
        double step = FAR * (1 + Math.abs(o.value()) + largestRightHandSide(set)) / gain;
        double[] x = o.point().clone();
        for (int j = 0; j < x.length; j++) {
            x[j] += step * o.ray()[j];
        }
        return x;
    }

    /**
     * The optimum by Commons Math's simplex, solved from scratch. The simplex can end on a vertex that breaks a
     * constraint in a degenerate problem (found on the demo's export: a count forced to 0 was given 1 by such a point,
     * which then stood as a feasible value of another cell), so every solution is checked.
     */
    static double fromScratch(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points, String id) {
        return fromScratch(set, objective, goal, points, id, false);
    }

    /** As above; {@code capped}: the objective is already capped by {@link #unboundedOrWithin}, so "unbounded" is wrong. */
    private static double fromScratch(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points, String id,
                                      boolean capped) {
        try {
            return optimum(set, objective, goal, points, id, PivotSelectionRule.DANTZIG, capped);
        } catch (TooManyIterationsException | NoFeasibleSolutionException | UnboundedSolutionException e) {
            // Dantzig's rule can cycle on a degenerate vertex (no convergence) and end phase 1 early on round-off (a
            // problem the true figures satisfy reported infeasible: seen on joint problems of region_outcomes and the
            // tables linked to it); Bland's rule terminates, so it has the last word.
            return optimum(set, objective, goal, points, id, PivotSelectionRule.BLAND, capped);
        }
    }

    private static double optimum(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points, String id,
                                  PivotSelectionRule rule, boolean capped) {
        try {
            LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
            int iterations = rule == PivotSelectionRule.BLAND ? 1_000_000 : 100_000;
            PointValuePair p = new SimplexSolver(EPS, 10, 1e-11).optimize(new MaxIter(iterations), f, set, goal, new NonNegativeConstraint(false),
                    rule);
            if (!feasible(set, p.getPoint())) {
                // Once more with Bland's rule (no cycling on degenerate vertices); an optimum that still breaks a
                // constraint cannot be trusted to bound the cell, so the audit stops rather than pass on it.
                p = new SimplexSolver(EPS, 10, 1e-11).optimize(new MaxIter(100_000), f, set, goal, new NonNegativeConstraint(false),
                        PivotSelectionRule.BLAND);
                if (!feasible(set, p.getPoint())) {
                    throw new IllegalStateException("the attacker's problem for " + id + " ended on a point outside its constraints");
                }
            }
            points.add(p.getPoint());
            return p.getValue();
        } catch (UnboundedSolutionException e) {
            if (!capped) {
                return unboundedOrWithin(set, objective, goal, points, id);
            }
            if (rule == PivotSelectionRule.DANTZIG) {
                throw e;
            }
            throw new IllegalStateException("the attacker's problem for " + id + " did not converge", e);
        } catch (NoFeasibleSolutionException | TooManyIterationsException e) {
            if (rule == PivotSelectionRule.DANTZIG) {
                throw e;
            }
            throw new IllegalStateException(e instanceof NoFeasibleSolutionException
                    ? "the published figures around " + id + " contradict their constraints"
                    : "the attacker's problem for " + id + " did not converge", e);
        }
    }

    /**
     * Commons Math's "unbounded", checked: it can say so of a bounded side (seen on badly scaled rate rows: a cell pinned
     * by an equation reported unbounded). The side counts as unbounded only if a point at least {@link #FAR} times the
     * problem's scale beyond every figure satisfies the constraints (phase 1 of a tableau with the objective pushed
     * there finds one); otherwise it is solved with the objective capped there, on a tableau, then by Commons Math, and
     * a capped side that still comes back unbounded stops the audit.
     */
    private static double unboundedOrWithin(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points,
                                            String id) {
        boolean max = goal == GoalType.MAXIMIZE;
        double far = FAR * (1 + largestRightHandSide(set));
        LinearConstraintSet beyond = with(set, new LinearConstraint(objective, max ? Relationship.GEQ : Relationship.LEQ, max ? far : -far));
        Tableau reach = tableauOver(beyond, objective.length);
        Tableau.Optimum there = reach == null ? null : reach.optimise(new double[objective.length], max);
        if (there != null && feasible(beyond, there.point())) {
            return max ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        LinearConstraintSet within = with(set, new LinearConstraint(objective, max ? Relationship.LEQ : Relationship.GEQ, max ? far : -far));
        Tableau capped = tableauOver(within, objective.length);
        Tableau.Optimum o = capped == null ? null : capped.optimise(objective, max);
        if (o != null && !o.unbounded() && feasible(within, o.point())) {
            points.add(o.point());
            return o.value();
        }
        return fromScratch(within, objective, goal, points, id, true);
    }

    private static Tableau tableauOver(LinearConstraintSet set, int n) {
        return Tableau.of(new ArrayList<>(set.getConstraints()), n);
    }

    private static LinearConstraintSet with(LinearConstraintSet set, LinearConstraint more) {
        List<LinearConstraint> rows = new ArrayList<>(set.getConstraints());
        rows.add(more);
        return new LinearConstraintSet(rows);
    }

    /** The largest |b| of the constraints: the problem's scale. */
    private static double largestRightHandSide(LinearConstraintSet set) {
        double out = 0;
        for (LinearConstraint c : set.getConstraints()) {
            out = Math.max(out, Math.abs(c.getValue()));
        }
        return out;
    }

    private static double dot(double[] a, double[] x) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * x[i];
        }
        return sum;
    }

    /**
     * Whether {@code d} is a ray of the constraints that improves the objective: every row's {@code a·d} is 0 for an
     * equation and on the allowed side of 0 for an inequality, and {@code c·d} strictly better, all measured against
     * the largest step in {@code d} (so the test does not depend on the ray's length). With a feasible point this proves
     * the objective unbounded.
     */
    private static boolean isRay(LinearConstraintSet set, double[] d, double[] objective, GoalType goal) {
        double scale = 0;
        for (double v : d) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            return false;
        }
        for (LinearConstraint c : set.getConstraints()) {
            if (!holds(c.getRelationship(), lhs(c, d), 0, 1e-9 * scale)) {
                return false;
            }
        }
        double gain = dot(objective, d);
        return goal == GoalType.MAXIMIZE ? gain > 1e-6 * scale : gain < -1e-6 * scale;
    }

    /** Whether {@code x} satisfies every constraint of {@code set} to within {@link #EPS} (relative to the right-hand side). */
    private static boolean feasible(LinearConstraintSet set, double[] x) {
        for (LinearConstraint c : set.getConstraints()) {
            if (!holds(c.getRelationship(), lhs(c, x), c.getValue(), EPS * (1 + Math.abs(c.getValue())))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code lhs (relation) rhs} holds to within {@code slack}. */
    private static boolean holds(Relationship relation, double lhs, double rhs, double slack) {
        return switch (relation) {
            case EQ -> Math.abs(lhs - rhs) <= slack;
            case GEQ -> lhs >= rhs - slack;
            case LEQ -> lhs <= rhs + slack;
        };
    }

    /** {@code a·x} of the constraint's row {@code a}. */
    private static double lhs(LinearConstraint c, double[] x) {
        return dot(c.getCoefficients().toArray(), x);
    }
}
