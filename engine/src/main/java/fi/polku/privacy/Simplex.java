package fi.polku.privacy;

import static fi.polku.privacy.DisclosureAudit.EPS;

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
 * One linear program of the attacker's problem ({@link DisclosureAudit}), solved by Commons Math's simplex with every
 * solution checked against the constraints.
 */
final class Simplex {
    private Simplex() {
    }

    /**
     * The optimum of {@code objective}; its solution joins {@code points}. The simplex can end on a vertex that breaks a
     * constraint in a degenerate problem (found on the demo's export: a count forced to 0 was given 1 by such a point,
     * which then stood as a feasible value of another cell), so every solution is checked. Unbounded: ±∞.
     */
    static double optimum(LinearConstraintSet set, double[] objective, GoalType goal, List<double[]> points, String id) {
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

    /** Whether {@code x} satisfies every constraint of {@code set} to within {@link #EPS} (relative to the right-hand side). */
    private static boolean feasible(LinearConstraintSet set, double[] x) {
        for (LinearConstraint c : set.getConstraints()) {
            double[] a = c.getCoefficients().toArray();
            double lhs = 0;
            for (int i = 0; i < a.length; i++) {
                lhs += a[i] * x[i];
            }
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
}
