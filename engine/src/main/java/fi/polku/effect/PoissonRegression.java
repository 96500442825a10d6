package fi.polku.effect;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson regression with a log link and an offset, fitted by iteratively reweighted least squares (as R's
 * {@code glm}): start from μ = y + 0.1, solve the weighted least-squares step by QR, stop when the relative
 * change in deviance falls below 1e-10. The covariance is (Xᵀ W X)⁻¹ with the weights μ̂ of the final fit (R's
 * {@code summary.glm} uses the last iteration's weights, the same to its convergence tolerance). Quasi-Poisson
 * inference scales the covariance by the Pearson dispersion χ²/(n − p).
 */
public final class PoissonRegression {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private PoissonRegression() {
    }

    /** A fitted model. */
    public record Fit(double[] coefficients, double[][] covariance, double deviance, double pearsonChiSquare,
                      double logLikelihood, int n, int p, int iterations) {

        /** Residual degrees of freedom n − p. */
        public int residualDf() {
            return n - p;
        }

        /** Pearson dispersion χ²/(n − p): 1 under a true Poisson model. */
        public double dispersion() {
            return pearsonChiSquare / residualDf();
        }

        /** Model-based (Poisson) standard error of coefficient j. */
        public double standardError(int j) {
            return Math.sqrt(covariance[j][j]);
        }

        /** Quasi-Poisson standard error of coefficient j: the Poisson one × √dispersion. */
        public double quasiStandardError(int j) {
            return standardError(j) * Math.sqrt(dispersion());
        }

        /** Akaike's information criterion of the Poisson likelihood: −2 log L + 2p. */
        public double aic() {
            return -2 * logLikelihood + 2 * p;
        }
    }

    /**
     * Fits counts {@code y} on design {@code x} (rows = observations, first column usually 1) with offset.
     *
     * @throws IllegalArgumentException on mismatched lengths, negative or non-finite counts, fewer rows than
     *                                  columns, or a design that is not of full rank
     * @throws IllegalStateException    when IRLS does not converge in 100 iterations
     */
    public static Fit fit(double[][] x, double[] y, double[] offset) {
        int n = y.length;
        if (x.length != n || offset.length != n) {
            throw new IllegalArgumentException("x, y and offset must have the same number of rows");
        }
        int p = x[0].length;
        if (n <= p) {
            throw new IllegalArgumentException("need more observations (" + n + ") than coefficients (" + p + ")");
        }
        for (double v : y) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("counts must be finite and >= 0, found " + v);
            }
        }
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = y[i] + 0.1;
            eta[i] = Math.log(mu[i]);
        }
        double deviance = deviance(y, mu);
        double[] beta = null;
        RealMatrix xtwxInverse = null;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[][] wx = new double[n][p];
            double[] wz = new double[n];
            for (int i = 0; i < n; i++) {
                double w = Math.sqrt(mu[i]);
                double z = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i];
                wz[i] = w * z;
                for (int j = 0; j < p; j++) {
                    wx[i][j] = w * x[i][j];
                }
            }
            RealMatrix a = new Array2DRowRealMatrix(wx, false);
            QRDecomposition qr = new QRDecomposition(a, 1e-12);
            if (!qr.getSolver().isNonSingular()) {
                throw new IllegalArgumentException("the design is not of full rank: a column is constant or repeats another");
            }
            beta = qr.getSolver().solve(new ArrayRealVector(wz, false)).toArray();
            for (int i = 0; i < n; i++) {
                double lp = offset[i];
                for (int j = 0; j < p; j++) {
                    lp += x[i][j] * beta[j];
                }
                eta[i] = lp;
                mu[i] = Math.exp(lp);
            }
            double next = deviance(y, mu);
            boolean converged = Math.abs(next - deviance) / (Math.abs(next) + 0.1) < TOLERANCE;
            deviance = next;
            if (converged) {
                // The covariance at the estimate: Fisher information with the weights μ of the final fit.
                double[][] fx = new double[n][p];
                for (int i = 0; i < n; i++) {
                    double w = Math.sqrt(mu[i]);
                    for (int j = 0; j < p; j++) {
                        fx[i][j] = w * x[i][j];
                    }
                }
                RealMatrix f = new Array2DRowRealMatrix(fx, false);
                xtwxInverse = new LUDecomposition(f.transpose().multiply(f)).getSolver().getInverse();
                double pearson = 0;
                double logLik = 0;
                for (int i = 0; i < n; i++) {
                    pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
                    logLik += y[i] * Math.log(mu[i]) - mu[i] - Gamma.logGamma(y[i] + 1);
                }
                return new Fit(beta, xtwxInverse.getData(), deviance, pearson, logLik, n, p, iteration);
            }
        }
        throw new IllegalStateException("Poisson IRLS did not converge in " + MAX_ITERATIONS + " iterations");
    }

    private static double deviance(double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
        }
        return 2 * d;
    }
}
