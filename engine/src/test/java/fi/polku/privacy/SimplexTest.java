package fi.polku.privacy;

import static org.apache.commons.math3.optim.linear.Relationship.EQ;
import static org.apache.commons.math3.optim.linear.Relationship.GEQ;
import static org.apache.commons.math3.optim.linear.Relationship.LEQ;
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


    // Reproducers from an independent review (2026-12-02), each with the true answer by exact rational arithmetic.

    @Test
    void aDirectionBlockedOnlyByANearlyParallelRowIsNotCalledUnbounded() {
        // x, y >= 0, x - y <= 0, -x + (1 + 2^-31) y <= 2^-31: y <= 1, so max x = 1 (the tableau's ray (1, 1) breaks the
        // last row by 2^-31 per step).
        double e = Math.scalb(1.0, -31);
        List<LinearConstraint> rows = List.of(row(GEQ, 0, 1, 0), row(GEQ, 0, 0, 1), row(LEQ, 0, 1, -1), row(LEQ, e, -1, 1 + e));
        assertEquals(1, new Simplex(rows, 2).optimum(new double[] {1, 0}, GoalType.MAXIMIZE, new ArrayList<>(), "x"), 1e-6);
        // -x/2 + y/8 <= 0 and x/2 - (1/8 - 2.7e-12) y <= 0 with x, y >= 0: only (0, 0).
        List<LinearConstraint> pinned = List.of(row(GEQ, 0, 1, 0), row(GEQ, 0, 0, 1), row(LEQ, 0, -0.5, 0.125),
                row(LEQ, 0, 0.5, -0.12499999999727152));
        assertEquals(0, new Simplex(pinned, 2).optimum(new double[] {0, 1}, GoalType.MAXIMIZE, new ArrayList<>(), "y"), 1e-6);
    }

    @Test
    void aNearlyDuplicateEquationIsNotDroppedIntoAnUnboundedSide() {
        // -x + y = 2 and -x + (1 + 2^-34) y = 2 + 9 * 2^-34: x = 7, y = 9 exactly; phase 1 may take the second for the first.
        double e = Math.scalb(1.0, -34);
        List<LinearConstraint> rows = List.of(row(EQ, 2, -1, 1), row(EQ, 2 + 9 * e, -1, 1 + e));
        double max = new Simplex(rows, 2).optimum(new double[] {1, 0}, GoalType.MAXIMIZE, new ArrayList<>(), "x");
        assertTrue(Double.isFinite(max), "max x " + max);
    }

    @Test
    void commonsMathsFalseUnboundedIsCheckedToo() {
        // 22 rows of a rate-table audit: -x0 = -427 fixes x0, yet Commons Math's simplex says max x0 is unbounded.
        List<LinearConstraint> rows = parse(29,
                "-1.0*x0  = -427.0",
                "-1.0*x1 -1.0*x2 -1.0*x3 1.0*x4  = 4.0",
                "-1.0*x8 -1.0*x9  = -19.0",
                "-1.0*x1 -1.0*x8  = -5.0",
                "-1.0*x2 -1.0*x9 1.0*x10  = 1197.0",
                "-1.0*x14 -1.0*x15 -1.0*x16 -1.0*x17 1.0*x18  = 0.0",
                "-1.0*x19 -1.0*x20 -1.0*x21 -1.0*x22 1.0*x23  = 0.0",
                "-1.0*x15 -1.0*x20 -1.0*x25 1.0*x26  = 9661569.994293213",
                "-1.0*x18 -1.0*x23 1.0*x28  = 1.015306430335846E8",
                "-67328.0062713623*x0 1.0*x13  <= 0.0",
                "-67328.0062713623*x1 1.0*x14  <= 0.0",
                "-0.0062713623046875*x2 1.0*x15  >= 0.0",
                "1.0*x2  >= 1.0",
                "-0.0062713623046875*x3 1.0*x16  >= 0.0",
                "1.0*x3  >= 0.0",
                "1.0*x4  >= 0.0",
                "1.0*x19  >= 0.0",
                "-67328.0062713623*x5 1.0*x21  <= 0.0",
                "1.0*x5  >= 0.0",
                "-0.0062713623046875*x7 1.0*x23  >= 0.0",
                "-0.0062713623046875*x10 1.0*x26  >= 0.0",
                "1.0*x10  >= 1.0");
        LinearConstraintSet set = new LinearConstraintSet(rows);
        double[] x0 = unit(29, 0);
        assertEquals(427, Simplex.fromScratch(set, x0, GoalType.MAXIMIZE, new ArrayList<>(), "x0"), 1e-6);
        assertEquals(427, new Simplex(rows, 29).optimum(x0, GoalType.MAXIMIZE, new ArrayList<>(), "x0"), 1e-6);
    }

    @Test
    void figuresContradictingTheirTotalByLittleOfALargeTotalStillStopTheAudit() {
        // x + y = 1e8 with x >= 5e7 + 10 and y >= 5e7: no solution (the old tableau accepted a leftover of 10).
        List<LinearConstraint> rows = List.of(row(EQ, 1e8, 1, 1), row(GEQ, 5e7 + 10, 1, 0), row(GEQ, 5e7, 0, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Simplex(rows, 2).optimum(new double[] {1, 0}, GoalType.MAXIMIZE, new ArrayList<>(), "x"));
        assertTrue(e.getMessage().contains("contradict"), e.getMessage());
    }

    private static LinearConstraint row(Relationship relation, double rhs, double... a) {
        return new LinearConstraint(a, relation, rhs);
    }

    /** Rows written as "-1.0*x0 1.0*x13  <= 0.0" over {@code n} variables. */
    private static List<LinearConstraint> parse(int n, String... lines) {
        List<LinearConstraint> out = new ArrayList<>();
        for (String line : lines) {
            String[] sides = line.split("\\s+(<=|>=|=)\\s+");
            String relation = line.replaceAll(".*\\s(<=|>=|=)\\s.*", "$1");
            double[] a = new double[n];
            for (String term : sides[0].trim().split("\\s+")) {
                String[] t = term.split("\\*x");
                a[Integer.parseInt(t[1])] = Double.parseDouble(t[0]);
            }
            out.add(new LinearConstraint(a, relation.equals("=") ? EQ : relation.equals(">=") ? GEQ : LEQ, Double.parseDouble(sides[1])));
        }
        return out;
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
