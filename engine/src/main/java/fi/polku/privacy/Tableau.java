package fi.polku.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.Relationship;

/**
 * A dense simplex tableau over one set of linear constraints, optimised for many objectives in turn: phase 1 runs once,
 * and each objective's phase 2 starts from the basis the previous one ended on (a warm start). The attacker's problem
 * asks the smallest and largest value of every hidden cell of a component over the same constraints, so most of those
 * problems need a few pivots instead of a solve from scratch.
 * <p>
 * Variables are free (each is split as {@code x = x⁺ − x⁻}); a constraint {@code a·x ≥ b} gets a surplus column,
 * {@code a·x ≤ b} a slack column. Pivoting follows Dantzig's rule and switches to Bland's rule (which cannot cycle)
 * after a run of degenerate pivots. After {@link #REFRESH_AFTER} pivots the tableau is rebuilt from the original rows
 * for the current basis, so round-off does not pile up over a long series of objectives.
 * <p>
 * Nothing here is trusted on its own: {@link Simplex} checks every optimum against the constraints and solves from
 * scratch with Commons Math when this tableau gives up ({@code null}: infeasible, unbounded, no convergence, a singular
 * basis). Reference: Chvátal (1983), <i>Linear Programming</i>, ch. 2–3 (tableau, two phases, Bland's rule).
 */
final class Tableau {
    private static final double PIVOT_TOL = 1e-9;
    private static final double COST_TOL = 1e-9;
    private static final double ZERO = 1e-11;
    /** Phase 1's leftover (and a refreshed basic value below 0) allowed, times 1 + the largest |b|. */
    private static final double INFEASIBLE = 1e-9;
    private static final int DEGENERATE_STREAK = 50;
    private static final int MAX_PIVOTS = 50_000;
    static final int REFRESH_AFTER = 400;

    /**
     * An objective's outcome at the vertex {@code point}: its optimum there ({@code ray} null), or a direction along
     * which the objective improves without end from that vertex ({@code ray}, the objective unbounded; the tableau
     * stays usable).
     */
    record Optimum(double[] point, double value, double[] ray) {
        boolean unbounded() {
            return ray != null;
        }
    }

    private enum End { OPTIMAL, UNBOUNDED, STALLED }

    private final int n;
    /** The constraint rows over the structural and slack columns, right-hand side last, before any pivot. */
    private double[][] original;
    private double[][] rows;
    private int[] basis;
    private int width;
    private int pivots;
    /** The column that could enter without bound when {@link #iterate} ended unbounded. */
    private int unboundedColumn;
    private int refreshes;
    /** 1 + the largest |b|: what round-off is measured against. */
    private double scale;

    private Tableau(int n) {
        this.n = n;
    }

    /**
     * The tableau of a feasible basis of the constraints, or null when phase 1 finds none (or does not finish): the
     * caller then solves from scratch, which tells an infeasible problem from a numerical one.
     *
     * @param constraints the rows {@code a·x (≤, =, ≥) b}, each {@code a} of length {@code n}
     * @param n           the number of (free) variables
     */
    static Tableau of(List<LinearConstraint> constraints, int n) {
        Tableau t = new Tableau(n);
        return t.phaseOne(constraints) ? t : null;
    }

    private boolean phaseOne(List<LinearConstraint> constraints) {
        int m = constraints.size();
        int slacks = (int) constraints.stream().filter(c -> c.getRelationship() != Relationship.EQ).count();
        int artificials = (int) constraints.stream().filter(c -> relation(c) != Relationship.LEQ).count();
        int firstArtificial = 2 * n + slacks;
        double[][] start = startRows(constraints, firstArtificial);
        width = firstArtificial + artificials;
        rows = new double[m][width + 1];
        basis = new int[m];
        int slack = 2 * n;
        int artificial = firstArtificial;
        for (int i = 0; i < m; i++) {
            System.arraycopy(start[i], 0, rows[i], 0, firstArtificial);
            rows[i][width] = start[i][firstArtificial];
            Relationship relation = relation(constraints.get(i));
            if (relation == Relationship.LEQ) {
                basis[i] = slack;
            } else {
                rows[i][artificial] = 1;
                basis[i] = artificial++;
            }
            if (relation != Relationship.EQ) {
                slack++;
            }
        }
        double[] cost = new double[width];
        Arrays.fill(cost, firstArtificial, width, 1);
        double[] reduced = reducedCosts(cost);
        if (iterate(reduced) != End.OPTIMAL) {
            return false;
        }
        scale = 1 + largestRightHandSide(start);
        if (-reduced[width] > INFEASIBLE * scale) {
            return false;
        }
        // Artificial columns still basic (at zero) are pivoted out on any other column of their row; a row with none
        // is a redundant constraint and goes.
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (basis[i] >= firstArtificial) {
                int best = -1;
                for (int j = 0; j < firstArtificial; j++) {
                    if (Math.abs(rows[i][j]) > PIVOT_TOL && (best < 0 || Math.abs(rows[i][j]) > Math.abs(rows[i][best]))) {
                        best = j;
                    }
                }
                if (best < 0) {
                    continue;
                }
                pivot(i, best, null);
            }
            keep.add(i);
        }
        double[][] kept = new double[keep.size()][];
        int[] keptBasis = new int[keep.size()];
        original = new double[keep.size()][];
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            kept[k] = dropArtificials(rows[i], firstArtificial);
            keptBasis[k] = basis[i];
            original[k] = start[i];
        }
        rows = kept;
        basis = keptBasis;
        width = firstArtificial;
        pivots = 0;
        return true;
    }

    /** The rows before phase 1 over the structural and slack columns, right-hand side last (scaled to be ≥ 0). */
    private double[][] startRows(List<LinearConstraint> constraints, int firstArtificial) {
        double[][] out = new double[constraints.size()][firstArtificial + 1];
        int slack = 2 * n;
        for (int i = 0; i < constraints.size(); i++) {
            LinearConstraint c = constraints.get(i);
            double sign = c.getValue() < 0 ? -1 : 1;
            double[] a = c.getCoefficients().toArray();
            for (int j = 0; j < n; j++) {
                out[i][j] = sign * a[j];
                out[i][n + j] = -sign * a[j];
            }
            out[i][firstArtificial] = sign * c.getValue();
            Relationship relation = relation(c);
            if (relation == Relationship.LEQ) {
                out[i][slack++] = 1;
            } else if (relation == Relationship.GEQ) {
                out[i][slack++] = -1;
            }
        }
        return out;
    }

    private static double[] dropArtificials(double[] row, int firstArtificial) {
        double[] out = Arrays.copyOf(row, firstArtificial + 1);
        out[firstArtificial] = row[row.length - 1];
        return out;
    }

    /** The relation after the row is scaled to a right-hand side ≥ 0. */
    private static Relationship relation(LinearConstraint c) {
        Relationship r = c.getRelationship();
        return c.getValue() < 0 && r != Relationship.EQ ? r.oppositeRelationship() : r;
    }

    private static double largestRightHandSide(double[][] rows) {
        double s = 0;
        for (double[] row : rows) {
            s = Math.max(s, Math.abs(row[row.length - 1]));
        }
        return s;
    }

    /**
     * The optimum of {@code objective} (maximised or minimised) from the current basis, or the vertex and ray that show
     * it unbounded; null when this tableau cannot tell (no convergence, a singular basis at a refresh) and should not be
     * used again.
     */
    Optimum optimise(double[] objective, boolean maximise) {
        if (pivots >= REFRESH_AFTER && !refresh()) {
            return null;
        }
        double[] cost = new double[width];
        for (int j = 0; j < n; j++) {
            double c = maximise ? -objective[j] : objective[j];
            cost[j] = c;
            cost[n + j] = -c;
        }
        double[] reduced = reducedCosts(cost);
        End end = iterate(reduced);
        if (end == End.STALLED) {
            return null;
        }
        double[] x = new double[n];
        for (int i = 0; i < rows.length; i++) {
            add(x, basis[i], rows[i][width]);
        }
        double value = 0;
        for (int j = 0; j < n; j++) {
            value += objective[j] * x[j];
        }
        double[] ray = null;
        if (end == End.UNBOUNDED) {
            // The entering column rises by 1 and each basic column falls by its entry in that column.
            ray = new double[n];
            add(ray, unboundedColumn, 1);
            for (int i = 0; i < rows.length; i++) {
                add(ray, basis[i], -rows[i][unboundedColumn]);
            }
        }
        return new Optimum(x, value, ray);
    }

    /** Adds {@code amount} of tableau column {@code column} to the variables {@code x} (x⁺ adds, x⁻ subtracts, slacks none). */
    private void add(double[] x, int column, double amount) {
        if (column < n) {
            x[column] += amount;
        } else if (column < 2 * n) {
            x[column - n] -= amount;
        }
    }

    /** The reduced costs of {@code cost} in the current basis, the objective's negated value last. */
    private double[] reducedCosts(double[] cost) {
        double[] d = Arrays.copyOf(cost, width + 1);
        for (int i = 0; i < rows.length; i++) {
            double cb = cost[basis[i]];
            if (cb != 0) {
                double[] row = rows[i];
                for (int j = 0; j <= width; j++) {
                    d[j] -= cb * row[j];
                }
            }
        }
        return d;
    }

    /** Pivots until no column improves, an improving column has no bound, or pivots run out. */
    private End iterate(double[] reduced) {
        boolean bland = false;
        int streak = 0;
        for (int step = 0; step < MAX_PIVOTS; step++) {
            int enter = -1;
            double best = -COST_TOL;
            for (int j = 0; j < width; j++) {
                if (reduced[j] < best) {
                    enter = j;
                    if (bland) {
                        break;
                    }
                    best = reduced[j];
                }
            }
            if (enter < 0) {
                return End.OPTIMAL;
            }
            int leave = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows.length; i++) {
                double a = rows[i][enter];
                if (a > PIVOT_TOL) {
                    double r = Math.max(rows[i][width], 0) / a;
                    boolean better = leave < 0 || r < ratio - 1e-12 * (1 + ratio);
                    boolean tie = !better && r <= ratio + 1e-12 * (1 + ratio);
                    if (better || tie && (bland ? basis[i] < basis[leave] : a > rows[leave][enter])) {
                        leave = i;
                        ratio = Math.min(r, ratio);
                    }
                }
            }
            if (leave < 0) {
                unboundedColumn = enter;
                return End.UNBOUNDED;
            }
            streak = ratio <= ZERO ? streak + 1 : 0;
            bland |= streak > DEGENERATE_STREAK;
            pivot(leave, enter, reduced);
        }
        return End.STALLED;
    }

    private void pivot(int r, int c, double[] reduced) {
        double[] pivotRow = rows[r];
        double p = pivotRow[c];
        for (int j = 0; j < pivotRow.length; j++) {
            pivotRow[j] /= p;
        }
        pivotRow[c] = 1;
        for (int i = 0; i < rows.length; i++) {
            if (i != r) {
                eliminate(rows[i], pivotRow, c);
            }
        }
        if (reduced != null) {
            eliminate(reduced, pivotRow, c);
        }
        basis[r] = c;
        pivots++;
    }

    private static void eliminate(double[] row, double[] pivotRow, int c) {
        double f = row[c];
        if (f == 0) {
            return;
        }
        int last = Math.min(row.length, pivotRow.length);
        for (int j = 0; j < last; j++) {
            double v = row[j] - f * pivotRow[j];
            row[j] = Math.abs(v) < ZERO ? 0 : v;
        }
        row[c] = 0;
    }

    /**
     * Rebuilds the rows from the original constraints for the current basic columns (Gauss–Jordan with partial
     * pivoting); false if the basis has become singular in the original rows.
     */
    private boolean refresh() {
        double[][] fresh = new double[original.length][];
        for (int i = 0; i < original.length; i++) {
            fresh[i] = original[i].clone();
        }
        int[] columns = basis.clone();
        rows = fresh;
        boolean[] assigned = new boolean[rows.length];
        for (int col : columns) {
            int best = -1;
            for (int i = 0; i < rows.length; i++) {
                if (!assigned[i] && (best < 0 || Math.abs(rows[i][col]) > Math.abs(rows[best][col]))) {
                    best = i;
                }
            }
            if (best < 0 || Math.abs(rows[best][col]) <= PIVOT_TOL) {
                return false;
            }
            pivot(best, col, null);
            assigned[best] = true;
        }
        for (double[] row : rows) {
            if (row[width] < -INFEASIBLE * scale) {
                return false;
            }
        }
        pivots = 0;
        refreshes++;
        return true;
    }

    /** How often the rows were rebuilt from the original constraints (for tests). */
    int refreshes() {
        return refreshes;
    }
}
