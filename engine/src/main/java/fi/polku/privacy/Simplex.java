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
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The linear programs of the attacker's problem ({@link DisclosureAudit}) over one set of constraints: each objective is
 * optimised on a warm-started {@link Tableau} (phase 1 once per constraint set), and every optimum is checked against
 * the constraints. Where the tableau gives up, or its optimum breaks a constraint, the objective is solved from scratch
 * by Commons Math's simplex (checked the same way), and the tableau is not used again for this set. An unbounded
 * side makes a cell look safe, so the tableau's word is taken only with its proof: a feasible vertex and a direction
 * that keeps every constraint and improves the objective ({@link #isRay}).
 */
final class Simplex {
    private final LinearConstraintSet set;
    private final int n;
    private Tableau tableau;
    private boolean started;

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
     * The optimum of {@code objective}; its solution joins {@code points}. Unbounded: ±∞.
     *
     * @param id the cell the program is about, for messages
     * @throws IllegalStateException if the published figures contradict the constraints, or no solver converges
     */
    double optimum(double[] objective, GoalType goal, List<double[]> points, String id) {
        if (!started) {
            started = true;
            tableau = Tableau.of(new ArrayList<>(set.getConstraints()), n);
        }
        if (tableau != null) {
            Tableau.Optimum o = tableau.optimise(objective, goal == GoalType.MAXIMIZE);
            if (o != null && feasible(set, o.point())) {
                if (!o.unbounded()) {
                    points.add(o.point());
                    return o.value();
                }
                if (isRay(set, o.ray(), objective, goal)) {
                    return goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
            }
            tableau = null;
        }
        return fromScratch(set, objective, goal, points, id);
    }

    /**
     * The optimum by Commons Math's simplex, solved from scratch. The simplex can end on a vertex that breaks a
     * constraint in a degenerate problem (found on the demo's export: a count forced to 0 was given 1 by such a point,
     * which then stood as a feasible value of another cell), so every solution is checked.
     */
    static double fromScratch(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points, String id) {
        try {
            return optimum(set, objective, goal, points, id, PivotSelectionRule.DANTZIG);
        } catch (TooManyIterationsException | NoFeasibleSolutionException e) {
            // Dantzig's rule can cycle on a degenerate vertex (no convergence) and end phase 1 early on round-off (a
            // problem the true figures satisfy reported infeasible: seen on joint problems of region_outcomes and the
            // tables linked to it); Bland's rule terminates, so it has the last word.
            return optimum(set, objective, goal, points, id, PivotSelectionRule.BLAND);
        }
    }

    private static double optimum(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points, String id,
                                  PivotSelectionRule rule) {
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
            return goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
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
        double tolerance = 1e-9 * scale;
        for (LinearConstraint c : set.getConstraints()) {
            double ad = lhs(c, d);
            boolean holds = switch (c.getRelationship()) {
                case EQ -> Math.abs(ad) <= tolerance;
                case GEQ -> ad >= -tolerance;
                case LEQ -> ad <= tolerance;
            };
            if (!holds) {
                return false;
            }
        }
        double gain = 0;
        for (int j = 0; j < d.length; j++) {
            gain += objective[j] * d[j];
        }
        return goal == GoalType.MAXIMIZE ? gain > 1e-6 * scale : gain < -1e-6 * scale;
    }

    /** Whether {@code x} satisfies every constraint of {@code set} to within {@link #EPS} (relative to the right-hand side). */
    private static boolean feasible(LinearConstraintSet set, double[] x) {
        for (LinearConstraint c : set.getConstraints()) {
            double lhs = lhs(c, x);
            double slack = EPS * (1 + Math.abs(c.getValue()));
            boolean holds = switch (c.getRelationship()) {
                case EQ -> Math.abs(lhs - c.getValue()) <= slack;
                case GEQ -> lhs >= c.getValue() - slack;
                case LEQ -> lhs <= c.getValue() + slack;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** {@code a·x} of the constraint's row {@code a}. */
    private static double lhs(LinearConstraint c, double[] x) {
        double[] a = c.getCoefficients().toArray();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * x[i];
        }
        return sum;
    }
}
