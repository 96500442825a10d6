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
            LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
            PointValuePair p = new SimplexSolver(EPS, 10, 1e-11).optimize(new MaxIter(100_000), f, set, goal, new NonNegativeConstraint(false));
            if (!feasible(set, p.getPoint())) {
                // Once more with Bland's rule (no cycling on degenerate vertices); an optimum that still breaks a
                // constraint cannot be trusted to bound the cell, so the audit stops rather than pass on it.
                p = new SimplexSolver(EPS, 10, 1e-11).optimize(new MaxIter(100_000), f, set, goal, new NonNegativeConstraint(false),
                        org.apache.commons.math3.optim.linear.PivotSelectionRule.BLAND);
                if (!feasible(set, p.getPoint())) {
                    throw new IllegalStateException("the attacker's problem for " + id + " ended on a point outside its constraints");
                }
            }
            points.add(p.getPoint());
            return p.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException("the published figures around " + id + " contradict their constraints", e);
        } catch (TooManyIterationsException e) {
            throw new IllegalStateException("the attacker's problem for " + id + " did not converge", e);
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
