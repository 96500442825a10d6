package fi.polku.effect;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Least squares on the probability simplex: the weights {@code w ≥ 0, Σw = 1} minimising
 * {@code Σ_i v_i (x_i − Σ_j a_ij w_j)²}, the inner problem of a synthetic control.
 *
 * <p>Solved as non-negative least squares (Lawson &amp; Hanson 1974, ch. 23) with the sum-to-one constraint
 * appended as one heavily weighted row, then renormalised; the active-set method is exact and finite, unlike a
 * projected-gradient iteration, so the outer optimiser sees a smooth loss. With fewer rows than columns the
 * minimiser need not be unique; the active set gives a sparse one.
 */
final class SimplexLeastSquares {
    /** Weight of the appended Σw = 1 row relative to the largest entry: leaves |Σw − 1| near 1e-9. */
    private static final double CONSTRAINT_WEIGHT = 1e4;
    private static final int MAX_ITERATIONS = 500;

    private SimplexLeastSquares() {
    }

    /**
     * Solves the problem.
     *
     * @param a      k × J matrix (rows: predictors or periods; columns: donors)
     * @param x      the k target values
     * @param weight the k non-negative row weights {@code v}
     * @return the J donor weights, non-negative, summing to 1
     * @throws IllegalArgumentException if the dimensions disagree, a weight is negative or a value is not finite
     */
    static double[] solve(double[][] a, double[] x, double[] weight) {
        int k = a.length;
        if (k == 0 || x.length != k || weight.length != k) {
            throw new IllegalArgumentException("a, x and weight must have the same, non-zero number of rows");
        }
        int donors = a[0].length;
        double scale = 1;
        for (int i = 0; i < k; i++) {
            if (a[i].length != donors || !(weight[i] >= 0) || !Double.isFinite(x[i])) {
                throw new IllegalArgumentException("row " + i + ": ragged, negative weight or non-finite value");
            }
            for (double v : a[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + ": non-finite value");
                }
                scale = Math.max(scale, Math.abs(v) * Math.sqrt(weight[i]));
            }
        }
        double[][] m = new double[k + 1][donors];
        double[] b = new double[k + 1];
        for (int i = 0; i < k; i++) {
            double s = Math.sqrt(weight[i]);
            for (int j = 0; j < donors; j++) {
                m[i][j] = s * a[i][j];
            }
            b[i] = s * x[i];
        }
        double big = CONSTRAINT_WEIGHT * scale;
        java.util.Arrays.fill(m[k], big);
        b[k] = big;
        double[] w = nonNegative(m, b);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int j = 0; j < donors; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** Lawson–Hanson NNLS: min ‖m w − b‖ subject to w ≥ 0. */
    private static double[] nonNegative(double[][] m, double[] b) {
        int n = m[0].length;
        Array2DRowRealMatrix matrix = new Array2DRowRealMatrix(m, false);
        ArrayRealVector target = new ArrayRealVector(b, false);
        double tolerance = 1e-12 * matrix.getFrobeniusNorm() * target.getNorm();
        double[] w = new double[n];
        boolean[] passive = new boolean[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            RealVector gradient = matrix.transpose().operate(target.subtract(matrix.operate(new ArrayRealVector(w))));
            int enter = -1;
            for (int j = 0; j < n; j++) {
                if (!passive[j] && gradient.getEntry(j) > tolerance && (enter < 0 || gradient.getEntry(j) > gradient.getEntry(enter))) {
                    enter = j;
                }
            }
            if (enter < 0) {
                return w;
            }
            passive[enter] = true;
            while (true) {
                double[] s = passiveSolution(m, b, passive);
                double step = 1;
                boolean feasible = true;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && s[j] <= 0) {
                        feasible = false;
                        step = Math.min(step, w[j] / (w[j] - s[j]));
                    }
                }
                if (feasible) {
                    w = s;
                    break;
                }
                for (int j = 0; j < n; j++) {
                    w[j] += step * (s[j] - w[j]);
                    if (passive[j] && w[j] <= 1e-15) {
                        passive[j] = false;
                        w[j] = 0;
                    }
                }
            }
        }
        throw new IllegalStateException("non-negative least squares did not converge in " + MAX_ITERATIONS + " iterations");
    }

    /** Unconstrained least squares on the passive columns; zero elsewhere. */
    private static double[] passiveSolution(double[][] m, double[] b, boolean[] passive) {
        List<Integer> columns = new ArrayList<>();
        for (int j = 0; j < passive.length; j++) {
            if (passive[j]) {
                columns.add(j);
            }
        }
        double[][] sub = new double[m.length][columns.size()];
        for (int i = 0; i < m.length; i++) {
            for (int c = 0; c < columns.size(); c++) {
                sub[i][c] = m[i][columns.get(c)];
            }
        }
        RealVector solution = new QRDecomposition(new Array2DRowRealMatrix(sub, false), 1e-14).getSolver()
                .solve(new ArrayRealVector(b, false));
        double[] s = new double[passive.length];
        for (int c = 0; c < columns.size(); c++) {
            s[columns.get(c)] = solution.getEntry(c);
        }
        return s;
    }
}
