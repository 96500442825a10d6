package fi.polku.effect;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The smallest reduction a design would detect at level α with the given power.
 *
 * <p>{@link #ofReduction} works from the statistic's randomisation (placebo or permutation) distribution
 * S_1 … S_m, the statistic under the assignments other than the real one, and the rank test Polku reports:
 * p = (1 + #{|S_j| ≥ |T|}) / (m + 1), so p ≤ α exactly when |T| &gt; c, c the (r + 1)-th largest |S_j| with
 * r = ⌊α(m + 1)⌋ − 1. A true reduction d shifts the statistic to S − d (Rosenbaum's constant additive effect), so
 * the power at d is #{i : |S_i − d| &gt; c} / m; the result is the smallest d ≥ 0 from which the power stays at
 * least the target for every larger reduction. When α(m + 1) &lt; 1 no p can reach α and there is no such d.
 * {@link #analytic} is the normal-theory (t_{1−α/2, df} + t_{power, df}) · SE for estimates without such a
 * distribution (Bloom 1995).
 */
public final class MinimumDetectableEffect {
    /** The level the MDE is computed for. */
    public static final double ALPHA = 0.05;
    /** The power the MDE is computed for. */
    public static final double POWER = 0.80;

    private MinimumDetectableEffect() {
    }

    /**
     * The MDE of a reduction from the null distribution.
     *
     * @param nullStatistics the statistic under the other assignments (at least one, finite)
     * @return the MDE (same units as the statistic, positive), or empty when α(m + 1) &lt; 1
     * @throws IllegalArgumentException on no or non-finite values, or α, power outside (0, 1)
     */
    public static OptionalDouble ofReduction(double[] nullStatistics, double alpha, double power) {
        int m = nullStatistics.length;
        if (m == 0 || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("need null statistics and alpha, power in (0, 1)");
        }
        double[] abs = new double[m];
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(nullStatistics[i])) {
                throw new IllegalArgumentException("null statistic " + i + " is not finite");
            }
            abs[i] = Math.abs(nullStatistics[i]);
        }
        int r = (int) Math.floor(alpha * (m + 1) + 1e-9) - 1;
        if (r < 0) {
            return OptionalDouble.empty();
        }
        Arrays.sort(abs);
        double c = r >= m ? 0 : abs[m - 1 - r];
        TreeSet<Double> breaks = new TreeSet<>();
        breaks.add(0.0);
        for (double s : nullStatistics) {
            if (s + c > 0) {
                breaks.add(s + c);
            }
            if (s - c > 0) {
                breaks.add(s - c);
            }
        }
        Double[] b = breaks.toArray(new Double[0]);
        double[] sorted = nullStatistics.clone();
        Arrays.sort(sorted);
        double answer = 0;
        for (int k = 0; k < b.length; k++) {
            double inside = k + 1 < b.length ? (b[k] + b[k + 1]) / 2 : b[k] + 1 + Math.abs(b[k]);
            if (power(sorted, inside, c) < power) {
                answer = k + 1 < b.length ? b[k + 1] : Double.NaN;
            }
        }
        return Double.isNaN(answer) ? OptionalDouble.empty() : OptionalDouble.of(answer);
    }

    /** The power at reduction d: the share of shifted statistics beyond c, #{S &lt; d − c} + #{S &gt; d + c}, S sorted. */
    static double power(double[] sorted, double d, double c) {
        int below = lowerBound(sorted, d - c);
        int above = sorted.length - upperBound(sorted, d + c);
        return (below + above) / (double) sorted.length;
    }

    /** The number of values strictly below x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of values at most x. */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * (q_{1−α/2} + q_{power}) · SE with t quantiles on {@code df} (normal when df is null).
     *
     * @throws IllegalArgumentException when se is negative or not finite, or df &lt; 1
     */
    public static double analytic(double se, Integer df, double alpha, double power) {
        if (!(se >= 0) || !Double.isFinite(se) || df != null && df < 1) {
            throw new IllegalArgumentException("se must be finite and >= 0 and df >= 1, were " + se + ", " + df);
        }
        if (df == null) {
            NormalDistribution z = new NormalDistribution();
            return (z.inverseCumulativeProbability(1 - alpha / 2) + z.inverseCumulativeProbability(power)) * se;
        }
        TDistribution t = new TDistribution(df);
        return (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power)) * se;
    }
}
