package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/**
 * The warm-started tableau against Commons Math's simplex solved from scratch (commons-math3 3.6.1,
 * {@code SimplexSolver(1e-6, 10, 1e-11)}, free variables), objective by objective in the order the audit asks them,
 * on problems built to be hard for it: degenerate vertices (many constraints tight at the point the right-hand sides
 * come from), redundant and equality rows, free variables, unbounded sides, and series long enough to pass the
 * tableau's refresh. Agreement within 1e-7 relative (the audit decides at 1e-6).
 */
class SimplexTest {
    private static final double TOL = 1e-7;

    @Test
    void warmStartsAgreeWithSolvingFromScratchOnRandomDegenerateProblems() {
        Random random = new Random(20261202);
        int unbounded = 0;
        int compared = 0;
        for (int problem = 0; problem < 300; problem++) {
            int n = 2 + random.nextInt(14);
            List<LinearConstraint> rows = randomRows(random, n, 1 + random.nextInt(3 * n));
            Simplex warm = new Simplex(rows, n);
            LinearConstraintSet set = new LinearConstraintSet(rows);
            // The tableau on its own too: Simplex would hide its mistakes behind the solve from scratch.
            Tableau tableau = Tableau.of(rows, n);
            assertNotNull(tableau, "problem " + problem + " is feasible by construction");
            for (int k = 0; k < 2 * n + 2; k++) {
                double[] objective = k < 2 * n ? unit(n, k / 2) : ones(n);
                GoalType goal = k % 2 == 0 ? GoalType.MAXIMIZE : GoalType.MINIMIZE;
                List<double[]> points = new ArrayList<>();
                double expected = Simplex.fromScratch(set, objective, goal, new ArrayList<>(), "p" + problem);
                double actual = warm.optimum(objective, goal, points, "p" + problem);
                Tableau.Optimum own = tableau.optimise(objective, goal == GoalType.MAXIMIZE);
                assertNotNull(own, "problem " + problem + " objective " + k);
                assertEquals(Double.isInfinite(expected), own.unbounded(), "problem " + problem + " objective " + k);
                if (!own.unbounded()) {
                    assertEquals(expected, own.value(), TOL * (1 + Math.abs(expected)), "problem " + problem + " objective " + k);
                }
                if (Double.isInfinite(expected)) {
                    assertEquals(expected, actual, "problem " + problem + " objective " + k);
                    unbounded++;
                } else {
                    assertEquals(expected, actual, TOL * (1 + Math.abs(expected)), "problem " + problem + " objective " + k);
                    assertEquals(1, points.size());
                    assertEquals(actual, dot(objective, points.get(0)), TOL * (1 + Math.abs(actual)));
                }
                compared++;
            }
        }
        // The generator must reach the cases it is for.
        assertTrue(unbounded > 100, "unbounded sides compared: " + unbounded);
        assertTrue(compared > 5000, "objectives compared: " + compared);
    }

    @Test
    void aLongSeriesOfObjectivesPassesTheRefreshAndStillAgrees() {
        Random random = new Random(7);
        int n = 30;
        List<LinearConstraint> rows = randomRows(random, n, 70);
        Simplex warm = new Simplex(rows, n);
        LinearConstraintSet set = new LinearConstraintSet(rows);
        Tableau tableau = Tableau.of(rows, n);
        assertNotNull(tableau);
        int refreshes = 0;
        for (int k = 0; k < 400; k++) {
            double[] objective = new double[n];
            for (int j = 0; j < n; j++) {
                objective[j] = random.nextInt(5) - 2;
            }
            GoalType goal = k % 2 == 0 ? GoalType.MAXIMIZE : GoalType.MINIMIZE;
            double expected = Simplex.fromScratch(set, objective, goal, new ArrayList<>(), "long");
            double actual = warm.optimum(objective, goal, new ArrayList<>(), "long");
            if (Double.isInfinite(expected)) {
                assertEquals(expected, actual, "objective " + k);
            } else {
                assertEquals(expected, actual, TOL * (1 + Math.abs(expected)), "objective " + k);
            }
            int before = tableau.refreshes();
            Tableau.Optimum o = tableau.optimise(objective, goal == GoalType.MAXIMIZE);
            assertNotNull(o, "objective " + k);
            assertEquals(Double.isInfinite(expected), o.unbounded(), "objective " + k);
            if (!o.unbounded()) {
                assertEquals(expected, o.value(), TOL * (1 + Math.abs(expected)), "objective " + k);
            }
            refreshes += tableau.refreshes() - before;
        }
        assertTrue(refreshes >= 2, "refreshes: " + refreshes);
    }

    @Test
    void bealesCyclingExampleEndsAtItsOptimum() {
        // Beale (1955): minimise -3/4 x4 + 20 x5 - 1/2 x6 + 6 x7 subject to 1/4 x4 - 8 x5 - x6 + 9 x7 <= 0,
        // 1/2 x4 - 12 x5 - 1/2 x6 + 3 x7 <= 0, x6 <= 1, x >= 0; Dantzig's rule with the textbook tie-break cycles.
        // Optimum -5/4 at x4 = 1, x6 = 1 (Chvátal 1983, p. 31).
        List<LinearConstraint> rows = new ArrayList<>(List.of(
                new LinearConstraint(new double[] {0.25, -8, -1, 9}, Relationship.LEQ, 0),
                new LinearConstraint(new double[] {0.5, -12, -0.5, 3}, Relationship.LEQ, 0),
                new LinearConstraint(new double[] {0, 0, 1, 0}, Relationship.LEQ, 1)));
        for (int j = 0; j < 4; j++) {
            rows.add(new LinearConstraint(unit(4, j), Relationship.GEQ, 0));
        }
        List<double[]> points = new ArrayList<>();
        double value = new Simplex(rows, 4).optimum(new double[] {-0.75, 20, -0.5, 6}, GoalType.MINIMIZE, points, "beale");
        assertEquals(-1.25, value, 1e-9);
        assertEquals(1, points.get(0)[0], 1e-9);
        assertEquals(1, points.get(0)[2], 1e-9);
    }

    @Test
    void anUnboundedSideComesWithAVertexAndARayThatProveIt() {
        // x - y = 2, y >= 0: x has no upper bound; the ray raises x and y together.
        List<LinearConstraint> rows = List.of(new LinearConstraint(new double[] {1, -1}, Relationship.EQ, 2),
                new LinearConstraint(new double[] {0, 1}, Relationship.GEQ, 0));
        Tableau.Optimum o = Tableau.of(rows, 2).optimise(new double[] {1, 0}, true);
        assertTrue(o.unbounded());
        assertEquals(o.ray()[0], o.ray()[1], 1e-12);
        assertTrue(o.ray()[0] > 0);
        assertEquals(Double.POSITIVE_INFINITY, new Simplex(rows, 2).optimum(new double[] {1, 0}, GoalType.MAXIMIZE,
                new ArrayList<>(), "x"));
        assertEquals(2, new Simplex(rows, 2).optimum(new double[] {1, 0}, GoalType.MINIMIZE, new ArrayList<>(), "x"), 1e-9);
    }

    @Test
    void contradictoryFiguresHaveNoTableauAndStopTheAudit() {
        // x + y = 3 with x >= 2 and y >= 2.
        List<LinearConstraint> rows = List.of(new LinearConstraint(new double[] {1, 1}, Relationship.EQ, 3),
                new LinearConstraint(new double[] {1, 0}, Relationship.GEQ, 2),
                new LinearConstraint(new double[] {0, 1}, Relationship.GEQ, 2));
        assertNull(Tableau.of(rows, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Simplex(rows, 2).optimum(new double[] {1, 0}, GoalType.MAXIMIZE, new ArrayList<>(), "x"));
        assertTrue(e.getMessage().contains("contradict"), e.getMessage());
    }

    /**
     * Rows of small whole coefficients whose right-hand sides come from a whole point, many of them tight there
     * (degenerate), with equations, duplicated rows and lower bounds on some variables only (the others free).
     */
    private static List<LinearConstraint> randomRows(Random random, int n, int m) {
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            x0[j] = random.nextInt(21) - 5;
        }
        List<LinearConstraint> rows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (random.nextDouble() < 0.7) {
                rows.add(new LinearConstraint(unit(n, j), Relationship.GEQ, Math.min(x0[j], random.nextInt(3) - 1)));
            }
        }
        for (int i = 0; i < m; i++) {
            double[] a = new double[n];
            for (int j = 0; j < n; j++) {
                if (random.nextDouble() < 0.3) {
                    a[j] = random.nextDouble() < 0.8 ? (random.nextBoolean() ? 1 : -1) : random.nextInt(9) - 4;
                }
            }
            double lhs = dot(a, x0);
            double roll = random.nextDouble();
            if (roll < 0.3) {
                rows.add(new LinearConstraint(a, Relationship.EQ, lhs));
            } else {
                double gap = random.nextDouble() < 0.6 ? 0 : random.nextInt(6);
                boolean geq = random.nextBoolean();
                rows.add(new LinearConstraint(a, geq ? Relationship.GEQ : Relationship.LEQ, geq ? lhs - gap : lhs + gap));
            }
            if (random.nextDouble() < 0.1) {
                rows.add(rows.get(rows.size() - 1));
            }
        }
        return rows;
    }

    private static double[] unit(int n, int i) {
        double[] a = new double[n];
        a[i] = 1;
        return a;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    private static double dot(double[] a, double[] x) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * x[j];
        }
        return s;
    }
}
