package fi.polku.outcome;

import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Linear growth model with correlated random intercept and slope, fitted by REML:
 * {@code y_ij = (β0 + b0_i) + (β1 + b1_i) t_ij + ε_ij}, b_i ~ N(0, Σ), ε ~ N(0, σ²) — lme4's
 * {@code y ~ t + (t | subject)}.
 *
 * <p>As lme4 (Bates et al. 2015, J. Stat. Softw. 67(1)), the criterion is profiled over the relative covariance
 * factor Λ(θ) (Σ = σ²ΛΛ', Λ lower triangular, θ = (λ11, λ21, λ22), diagonal ≥ 0) and minimised by BOBYQA from
 * θ = (1, 0, 1). With Z_i = X_i = [1, t] every term comes from each subject's six sums ({@link GrowthMoments}):
 * M_i = I + Λ'A_iΛ, X'WX = Σ(A_i − A_iΛM_i⁻¹Λ'A_i), and the REML criterion is
 * Σ log|M_i| + log|X'WX| + (N − 2)(1 + log(2π r²/(N − 2))). A subject with one observation still informs the
 * intercept. Needs at least 3 subjects and 4 observations ({@link IllegalStateException} otherwise); a fit at
 * the boundary (a variance of 0 or a correlation of ±1) is reported as singular, as lme4 does.
 */
public final class GrowthModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * The fit.
     *
     * @param intercept          β0 with its SE
     * @param slope              β1 with its SE
     * @param interceptVariance  Σ11, between-subject variance of intercepts
     * @param slopeVariance      Σ22
     * @param correlation        Σ12 / √(Σ11 Σ22); NaN when a variance is 0
     * @param residualVariance   σ²
     * @param remlCriterion      −2 × restricted log-likelihood
     * @param subjects           number of subjects
     * @param observations       number of observations
     * @param singular           the fit is on the boundary of the parameter space
     */
    public record Fit(Interval intercept, Interval slope, double interceptVariance, double slopeVariance, double correlation,
                      double residualVariance, double remlCriterion, int subjects, long observations, boolean singular,
                      double[] theta) {
        /** The subject's predicted random effects (b0, b1), the BLUPs. */
        public double[] randomEffects(GrowthMoments subject) {
            double[][] lambda = lambda(theta);
            double[][] a = subject.crossProducts();
            double[] c = subject.scoreProducts();
            double[] beta = {intercept.estimate(), slope.estimate()};
            double[] residual = {c[0] - a[0][0] * beta[0] - a[0][1] * beta[1], c[1] - a[1][0] * beta[0] - a[1][1] * beta[1]};
            // b = Λ M⁻¹ Λ' Z'(y − Xβ).
            double[][] m = identityPlus(multiply(transpose(lambda), multiply(a, lambda)));
            return apply(lambda, apply(inverse(m), apply(transpose(lambda), residual)));
        }
    }

    private GrowthModel() {
    }

    /** Fits the model to these subjects. */
    public static Fit fit(List<GrowthMoments> subjects) {
        long observations = subjects.stream().mapToLong(GrowthMoments::count).sum();
        if (subjects.size() < 3 || observations < 4) {
            throw new IllegalStateException("a growth model needs at least 3 subjects and 4 observations, had "
                    + subjects.size() + " and " + observations);
        }
        MultivariateFunction criterion = theta -> profile(subjects, observations, theta).criterion;
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(6, 0.5, 1e-9);
        PointValuePair best = optimizer.optimize(new MaxEval(20_000), new ObjectiveFunction(criterion), GoalType.MINIMIZE,
                new InitialGuess(new double[] {1, 0, 1}),
                new SimpleBounds(new double[] {0, -1e4, 0}, new double[] {1e4, 1e4, 1e4}));
        double[] theta = best.getPoint();
        Profile p = profile(subjects, observations, theta);
        double sigma2 = p.r2 / (observations - 2);
        double[][] covBeta = inverse(p.xtwx);
        double[][] lambda = lambda(theta);
        double[][] sigma = multiply(lambda, transpose(lambda));
        double v0 = sigma2 * sigma[0][0];
        double v1 = sigma2 * sigma[1][1];
        double correlation = v0 > 0 && v1 > 0 ? sigma2 * sigma[0][1] / Math.sqrt(v0 * v1) : Double.NaN;
        boolean singular = theta[0] < 1e-4 || theta[2] < 1e-4;
        return new Fit(Interval.wald(p.beta[0], Math.sqrt(sigma2 * covBeta[0][0])),
                Interval.wald(p.beta[1], Math.sqrt(sigma2 * covBeta[1][1])), v0, v1, correlation, sigma2, p.criterion,
                subjects.size(), observations, singular, theta.clone());
    }

    private record Profile(double criterion, double[] beta, double[][] xtwx, double r2) {
    }

    /**
     * The REML criterion at θ, from each subject's 2 × 2 blocks. Written out element by element (the products
     * Λ'AΛ, M⁻¹, AΛ M⁻¹ Λ'A, ... of 2 × 2 matrices, each sum in the order {@link #multiply} and {@link #apply}
     * take it) because the optimiser calls this thousands of times per model and small arrays per subject cost
     * more than the arithmetic; the results are the matrix form's, bit for bit.
     */
    private static Profile profile(List<GrowthMoments> subjects, long observations, double[] theta) {
        // Λ = {{l00, l01}, {l10, l11}} and Λ' = {{l00, l10}, {l01, l11}}.
        double l00 = theta[0];
        double l01 = 0;
        double l10 = theta[1];
        double l11 = theta[2];
        double x00 = 0;
        double x01 = 0;
        double x10 = 0;
        double x11 = 0;
        double y0 = 0;
        double y1 = 0;
        double ytwy = 0;
        double logDetM = 0;
        for (GrowthMoments s : subjects) {
            // A = {{a00, a01}, {a10, a11}} = Z'Z, c = Z'y.
            double a00 = s.count();
            double a01 = s.timeSum();
            double a10 = a01;
            double a11 = s.timeSquares();
            double c0 = s.scoreSum();
            double c1 = s.timeScoreSum();
            // AΛ.
            double al00 = a00 * l00 + a01 * l10;
            double al01 = a00 * l01 + a01 * l11;
            double al10 = a10 * l00 + a11 * l10;
            double al11 = a10 * l01 + a11 * l11;
            // M = I + Λ'AΛ.
            double m00 = 1 + (l00 * al00 + l10 * al10);
            double m01 = l00 * al01 + l10 * al11;
            double m10 = l01 * al00 + l11 * al10;
            double m11 = 1 + (l01 * al01 + l11 * al11);
            double det = m00 * m11 - m01 * m10;
            double i00 = m11 / det;
            double i01 = -m01 / det;
            double i10 = -m10 / det;
            double i11 = m00 / det;
            logDetM += Math.log(det);
            // A − AΛ M⁻¹ Λ'A, c − AΛ M⁻¹ Λ'c, y'y − c'Λ M⁻¹ Λ'c.
            double q00 = i00 * al00 + i01 * al01;
            double q01 = i00 * al10 + i01 * al11;
            double q10 = i10 * al00 + i11 * al01;
            double q11 = i10 * al10 + i11 * al11;
            x00 += a00 - (al00 * q00 + al01 * q10);
            x01 += a01 - (al00 * q01 + al01 * q11);
            x10 += a10 - (al10 * q00 + al11 * q10);
            x11 += a11 - (al10 * q01 + al11 * q11);
            double lc0 = l00 * c0 + l10 * c1;
            double lc1 = l01 * c0 + l11 * c1;
            double mlc0 = i00 * lc0 + i01 * lc1;
            double mlc1 = i10 * lc0 + i11 * lc1;
            y0 += c0 - (al00 * mlc0 + al01 * mlc1);
            y1 += c1 - (al10 * mlc0 + al11 * mlc1);
            ytwy += s.sumOfSquares() - (lc0 * mlc0 + lc1 * mlc1);
        }
        double[][] xtwx = {{x00, x01}, {x10, x11}};
        double[] xtwy = {y0, y1};
        double[] beta = apply(inverse(xtwx), xtwy);
        double r2 = ytwy - (beta[0] * xtwy[0] + beta[1] * xtwy[1]);
        double dfResidual = observations - 2;
        double criterion = logDetM + Math.log(determinant(xtwx)) + dfResidual * (1 + LOG_2PI + Math.log(r2 / dfResidual));
        return new Profile(criterion, beta, xtwx, r2);
    }

    private static double[][] lambda(double[] theta) {
        return new double[][] {{theta[0], 0}, {theta[1], theta[2]}};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        return new double[][] {
            {a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]},
            {a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]}};
    }

    private static double[] apply(double[][] a, double[] v) {
        return new double[] {a[0][0] * v[0] + a[0][1] * v[1], a[1][0] * v[0] + a[1][1] * v[1]};
    }

    private static double[][] transpose(double[][] a) {
        return new double[][] {{a[0][0], a[1][0]}, {a[0][1], a[1][1]}};
    }

    private static double[][] identityPlus(double[][] a) {
        return new double[][] {{1 + a[0][0], a[0][1]}, {a[1][0], 1 + a[1][1]}};
    }

    private static double determinant(double[][] a) {
        return a[0][0] * a[1][1] - a[0][1] * a[1][0];
    }

    private static double[][] inverse(double[][] a) {
        double d = determinant(a);
        return new double[][] {{a[1][1] / d, -a[0][1] / d}, {-a[1][0] / d, a[0][0] / d}};
    }
}
