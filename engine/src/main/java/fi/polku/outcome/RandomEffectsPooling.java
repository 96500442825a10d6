package fi.polku.outcome;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Random-effects meta-analysis of k estimates y_i with sampling variances v_i: the fixed-effect (inverse
 * variance) mean and Cochran's Q, the between-study variance τ² by DerSimonian–Laird (moment) or REML (Fisher
 * scoring, as metafor's {@code rma}), the pooled mean with its Wald interval and z-test, I² = 100 · τ²/(τ² + s²) with
 * the typical within-study variance s² = (k − 1)/(Σw − Σw²/Σw) (Higgins &amp; Thompson 2002; for DL this is
 * (Q − (k − 1))/Q floored at 0), and the 95 % prediction interval μ ± t_{k−2} √(τ² + SE²) (Higgins, Thompson &amp;
 * Spiegelhalter 2009; absent when k &lt; 3).
 */
public final class RandomEffectsPooling {
    /** How τ² is estimated. */
    public enum Method { DERSIMONIAN_LAIRD, REML }

    /**
     * The pooled result.
     *
     * @param fixed            fixed-effect mean and interval
     * @param pooled           random-effects mean and interval
     * @param tau2             between-study variance
     * @param i2               heterogeneity, percent
     * @param q                Cochran's Q
     * @param qP               p-value of Q on k − 1 df
     * @param pValue           two-sided z-test of the pooled mean
     * @param predictionLower  lower prediction limit, or null when k &lt; 3
     * @param predictionUpper  upper prediction limit, or null when k &lt; 3
     */
    public record Result(Method method, int k, Interval fixed, Interval pooled, double tau2, double i2, double q,
                         double qP, double pValue, Double predictionLower, Double predictionUpper) {
    }

    private RandomEffectsPooling() {
    }

    /**
     * Pools the estimates.
     *
     * @throws IllegalArgumentException with fewer than 2 estimates, mismatched lengths, or a variance that is
     *                                  not positive and finite
     */
    public static Result pool(double[] y, double[] v, Method method) {
        int k = y.length;
        if (k < 2 || v.length != k) {
            throw new IllegalArgumentException("need at least 2 estimates with one variance each, had " + k + " and " + v.length);
        }
        double sw = 0;
        double swy = 0;
        double sw2 = 0;
        for (int i = 0; i < k; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("estimate " + i + ": needs a finite value and a positive finite variance");
            }
            double w = 1 / v[i];
            sw += w;
            swy += w * y[i];
            sw2 += w * w;
        }
        double fixedMean = swy / sw;
        double q = 0;
        for (int i = 0; i < k; i++) {
            q += (y[i] - fixedMean) * (y[i] - fixedMean) / v[i];
        }
        double tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
        if (method == Method.REML) {
            tau2 = reml(y, v, tau2);
        }
        double rw = 0;
        double rwy = 0;
        for (int i = 0; i < k; i++) {
            rw += 1 / (v[i] + tau2);
            rwy += y[i] / (v[i] + tau2);
        }
        double mean = rwy / rw;
        double se = Math.sqrt(1 / rw);
        double i2 = 100 * tau2 / (tau2 + (k - 1) / (sw - sw2 / sw));
        double qP = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(q);
        double p = 2 * new NormalDistribution().cumulativeProbability(-Math.abs(mean / se));
        Double lower = null;
        Double upper = null;
        if (k >= 3) {
            double half = new TDistribution(k - 2).inverseCumulativeProbability(0.975) * Math.sqrt(tau2 + se * se);
            lower = mean - half;
            upper = mean + half;
        }
        return new Result(method, k, Interval.wald(fixedMean, Math.sqrt(1 / sw)), Interval.wald(mean, se), tau2, i2, q, qP, p,
                lower, upper);
    }

    /** Fisher scoring for the REML τ², from the DL start, kept non-negative (metafor's default algorithm). */
    private static double reml(double[] y, double[] v, double start) {
        int k = y.length;
        double tau2 = start;
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] w = new double[k];
            double sw = 0;
            for (int i = 0; i < k; i++) {
                w[i] = 1 / (v[i] + tau2);
                sw += w[i];
            }
            // P = W − w wᵀ / Σw; the score step is (yᵀPPy − tr P) / tr(PP).
            double[] py = new double[k];
            double wy = 0;
            for (int i = 0; i < k; i++) {
                wy += w[i] * y[i];
            }
            for (int i = 0; i < k; i++) {
                py[i] = w[i] * y[i] - w[i] * wy / sw;
            }
            double yPPy = 0;
            for (double value : py) {
                yPPy += value * value;
            }
            double trP = 0;
            double sw2 = 0;
            double sw3 = 0;
            for (int i = 0; i < k; i++) {
                trP += w[i] - w[i] * w[i] / sw;
                sw2 += w[i] * w[i];
                sw3 += w[i] * w[i] * w[i];
            }
            // tr(PP) = Σw² − 2Σw³/Σw + (Σw²/Σw)².
            double trPP = sw2 - 2 * sw3 / sw + (sw2 / sw) * (sw2 / sw);
            double step = (yPPy - trP) / trPP;
            double next = Math.max(0, tau2 + step);
            if (Math.abs(next - tau2) < 1e-12 * Math.max(1, tau2)) {
                return next;
            }
            tau2 = next;
        }
        throw new IllegalStateException("REML estimate of tau2 did not converge in 200 iterations");
    }
}
