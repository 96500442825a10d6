package fi.polku.effect;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Least squares on the probability simplex: the weights {@code w ≥ 0, Σw = 1} minimising
 * {@code Σ_i v_i (x_i − Σ_j a_ij w_j)²}, the inner problem of a synthetic control.
 *
 * <p>Solved by a primal active-set method in the manner of Lawson &amp; Hanson's NNLS (1974, ch. 23) with the
 * equality Σw = 1 kept exactly instead of appended as a weighted row: the support P starts at the best single
 * donor; each outer step adds the donor with the most negative reduced gradient g_j − λ (g = Aᵀ V (A w − x),
 * λ = gᵀw the multiplier of Σw = 1) and solves min ‖V^½(A_P z − x)‖ subject to Σz = 1 on P (by eliminating one
 * weight and a QR solve; an SVD minimum-norm solve when the support's columns are affinely dependent); a
 * weight that would turn negative stops the step on the boundary and leaves P. It stops when the
 * Karush–Kuhn–Tucker conditions hold: g_j = λ on P (by construction) and g_j − λ ≥ −10⁻¹² · s off P, with
 * s = Σ_i v_i (max_j |a_ij| + |x_i|)² the gradient's scale. The problem is convex, so that point is a global
 * minimum; with fewer rows than columns the minimiser need not be unique, and the active set gives a sparse one.
 */
final class SimplexLeastSquares {
    private static final double RELATIVE_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 1000;

    private SimplexLeastSquares() {
    }

    /**
     * Solves the problem.
     *
     * @param a      k × J matrix (rows: predictors or periods; columns: donors)
     * @param x      the k target values
     * @param weight the k non-negative row weights {@code v}
     * @return the J donor weights, non-negative, summing to 1 (exact zeros off the support)
     * @throws IllegalArgumentException if the dimensions disagree, a weight is negative or a value is not finite
     * @throws IllegalStateException    if the active set cycles (not seen; a guard against round-off)
     */
    static double[] solve(double[][] a, double[] x, double[] weight) {
        int k = a.length;
        if (k == 0 || x.length != k || weight.length != k) {
            throw new IllegalArgumentException("a, x and weight must have the same, non-zero number of rows");
        }
        int n = a[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("a must have at least one column (donor)");
        }
        double[][] m = new double[k][n];
        double[] b = new double[k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            if (a[i].length != n || !(weight[i] >= 0) || !Double.isFinite(weight[i]) || !Double.isFinite(x[i])) {
                throw new IllegalArgumentException("row " + i + ": ragged, negative or non-finite weight, or non-finite value");
            }
            double s = Math.sqrt(weight[i]);
            double largest = 0;
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("row " + i + ": non-finite value in column " + j);
                }
                m[i][j] = s * a[i][j];
                largest = Math.max(largest, Math.abs(m[i][j]));
            }
            b[i] = s * x[i];
            scale += (largest + Math.abs(b[i])) * (largest + Math.abs(b[i]));
        }
        return new ActiveSet(m, b, RELATIVE_TOLERANCE * Math.max(scale, Double.MIN_NORMAL)).run();
    }

    /** The iteration's state: the scaled problem min ‖m w − b‖, the weights and the support. */
    private static final class ActiveSet {
        private final double[][] m;
        private final double[] b;
        private final double tolerance;
        private final int n;
        private final boolean[] passive;
        private double[] w;

        ActiveSet(double[][] m, double[] b, double tolerance) {
            this.m = m;
            this.b = b;
            this.tolerance = tolerance;
            this.n = m[0].length;
            this.passive = new boolean[n];
            this.w = new double[n];
        }

        double[] run() {
            int start = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double ss = 0;
                for (int i = 0; i < m.length; i++) {
                    ss += (m[i][j] - b[i]) * (m[i][j] - b[i]);
                }
                if (ss < best) {
                    best = ss;
                    start = j;
                }
            }
            passive[start] = true;
            w[start] = 1;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double[] g = gradient();
                double lambda = 0;
                for (int j = 0; j < n; j++) {
                    lambda += g[j] * w[j];
                }
                int enter = -1;
                for (int j = 0; j < n; j++) {
                    if (!passive[j] && g[j] - lambda < -tolerance && (enter < 0 || g[j] < g[enter])) {
                        enter = j;
                    }
                }
                if (enter < 0 || !step(enter)) {
                    return w;
                }
            }
            throw new IllegalStateException("simplex least squares: the active set did not settle in " + MAX_ITERATIONS
                    + " iterations");
        }

        /** Adds {@code enter} to the support and moves to the support's optimum; false if round-off blocks it. */
        private boolean step(int enter) {
            passive[enter] = true;
            while (true) {
                double[] z = supportSolution();
                double alpha = 1;
                int blocking = -1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        double ratio = w[j] / (w[j] - z[j]);
                        if (blocking < 0 || ratio < alpha) {
                            alpha = ratio;
                            blocking = j;
                        }
                    }
                }
                if (blocking < 0) {
                    w = z;
                    return true;
                }
                if (blocking == enter && w[enter] == 0) {
                    // The entering donor's own direction is not a descent one: round-off, the optimum is reached.
                    passive[enter] = false;
                    return false;
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    w[j] += alpha * (z[j] - w[j]);
                    if (j == blocking || passive[j] && w[j] <= 0) {
                        passive[j] = false;
                        w[j] = 0;
                    }
                    sum += w[j];
                }
                for (int j = 0; j < n; j++) {
                    w[j] /= sum;
                }
            }
        }

        /** g = mᵀ(m w − b), the gradient of ½‖m w − b‖². */
        private double[] gradient() {
            double[] g = new double[n];
            for (int i = 0; i < m.length; i++) {
                double r = -b[i];
                for (int j = 0; j < n; j++) {
                    r += m[i][j] * w[j];
                }
                for (int j = 0; j < n; j++) {
                    g[j] += m[i][j] * r;
                }
            }
            return g;
        }

        /**
         * min ‖m_P z − b‖ subject to Σz = 1 over the support P: with r the first support column,
         * z_r = 1 − Σ_{c≠r} z_c turns it into the unconstrained min ‖Σ_c (m_c − m_r) z_c − (b − m_r)‖.
         */
        private double[] supportSolution() {
            List<Integer> support = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (passive[j]) {
                    support.add(j);
                }
            }
            double[] z = new double[n];
            int r = support.get(0);
            if (support.size() == 1) {
                z[r] = 1;
                return z;
            }
            double[][] d = new double[m.length][support.size() - 1];
            double[] c = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                for (int s = 1; s < support.size(); s++) {
                    d[i][s - 1] = m[i][support.get(s)] - m[i][r];
                }
                c[i] = b[i] - m[i][r];
            }
            Array2DRowRealMatrix matrix = new Array2DRowRealMatrix(d, false);
            DecompositionSolver solver = new QRDecomposition(matrix, 1e-12).getSolver();
            if (!solver.isNonSingular() || d.length < d[0].length) {
                solver = new SingularValueDecomposition(matrix).getSolver();
            }
            double[] u = solver.solve(new ArrayRealVector(c, false)).toArray();
            double rest = 1;
            for (int s = 1; s < support.size(); s++) {
                z[support.get(s)] = u[s - 1];
                rest -= u[s - 1];
            }
            z[r] = rest;
            return z;
        }
    }
}
