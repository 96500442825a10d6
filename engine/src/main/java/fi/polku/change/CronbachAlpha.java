package fi.polku.change;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * A mergeable accumulator of k item scores per person giving Cronbach's (1951) coefficient alpha and its
 * Feldt (1965) confidence interval:
 * <pre>
 *   α = k/(k − 1) · (1 − Σᵢ Sᵢᵢ / Σᵢ Σⱼ Sᵢⱼ),   S the items' sample covariance matrix;
 *   (1 − α_pop)/(1 − α) ~ F(n − 1, (n − 1)(k − 1)), so the (1 − γ) interval is
 *   [1 − (1 − α) F⁻¹(1 − γ/2),  1 − (1 − α) F⁻¹(γ/2)].
 * </pre>
 * Scores are accumulated exactly as whole hundredths (the FIT forms record 0.1), and α is formed from exact
 * integer co-moments, so adding people in any order or merging partial accumulators in any order gives
 * bit-identical results — what Spark's partitioning needs. Non-finite scores are refused; with fewer than
 * two people, or no spread in the total, α is NaN.
 */
public final class CronbachAlpha implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Inverse-F accuracy: far below the 1e-9 the reference values are checked to. */
    private static final double QUANTILE_ACCURACY = 1e-14;

    /** α of one sample with its interval. */
    public record Estimate(long n, int items, double alpha, double lower, double upper, double level) implements Serializable {
    }

    private final int k;
    private long n;
    private final long[] sum;
    /** Upper triangle of Σ xᵢxⱼ, row by row. */
    private final long[] cross;

    private CronbachAlpha(int k) {
        this.k = k;
        this.sum = new long[k];
        this.cross = new long[k * (k + 1) / 2];
    }

    /** An empty accumulator for {@code items} items (two or more). */
    public static CronbachAlpha create(int items) {
        if (items < 2) {
            throw new IllegalArgumentException("items must be at least 2, was " + items);
        }
        return new CronbachAlpha(items);
    }

    /** Adds one person's item scores (exactly {@code items} finite values). */
    public CronbachAlpha accept(double... scores) {
        if (scores.length != k) {
            throw new IllegalArgumentException("expected " + k + " item scores, got " + scores.length);
        }
        long[] x = new long[k];
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("item score must be finite, was " + scores[i]);
            }
            x[i] = Math.round(scores[i] * 100);
        }
        n++;
        int c = 0;
        for (int i = 0; i < k; i++) {
            sum[i] += x[i];
            for (int j = i; j < k; j++) {
                cross[c++] += x[i] * x[j];
            }
        }
        return this;
    }

    /** Adds another accumulator's people into this one (same number of items). */
    public CronbachAlpha combine(CronbachAlpha other) {
        if (other.k != k) {
            throw new IllegalArgumentException("cannot combine " + other.k + " items into " + k);
        }
        n += other.n;
        for (int i = 0; i < k; i++) {
            sum[i] += other.sum[i];
        }
        for (int c = 0; c < cross.length; c++) {
            cross[c] += other.cross[c];
        }
        return this;
    }

    /** People added. */
    public long count() {
        return n;
    }

    /** Number of items. */
    public int items() {
        return k;
    }

    /** Cronbach's α; NaN with fewer than two people or no variance in the total. */
    public double alpha() {
        if (n < 2) {
            return Double.NaN;
        }
        // n·Σxᵢxⱼ − ΣxᵢΣxⱼ is (n(n − 1)) × the sample covariance: the common factor cancels in the ratio.
        BigInteger diagonal = BigInteger.ZERO;
        BigInteger total = BigInteger.ZERO;
        int c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                BigInteger m = BigInteger.valueOf(cross[c++]).multiply(BigInteger.valueOf(n))
                        .subtract(BigInteger.valueOf(sum[i]).multiply(BigInteger.valueOf(sum[j])));
                if (i == j) {
                    diagonal = diagonal.add(m);
                    total = total.add(m);
                } else {
                    total = total.add(m.shiftLeft(1));
                }
            }
        }
        if (total.signum() == 0) {
            return Double.NaN;
        }
        double share = new java.math.BigDecimal(diagonal).divide(new java.math.BigDecimal(total),
                java.math.MathContext.DECIMAL128).doubleValue();
        return k / (k - 1.0) * (1 - share);
    }

    /**
     * α with its Feldt interval at {@code level} (e.g. 0.95); the interval is NaN when α is.
     *
     * @throws IllegalArgumentException unless 0 &lt; level &lt; 1
     */
    public Estimate estimate(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        double a = alpha();
        if (Double.isNaN(a)) {
            return new Estimate(n, k, a, Double.NaN, Double.NaN, level);
        }
        FDistribution f = new FDistribution(null, n - 1.0, (n - 1.0) * (k - 1), QUANTILE_ACCURACY);
        double g = 1 - level;
        return new Estimate(n, k, a, 1 - (1 - a) * f.inverseCumulativeProbability(1 - g / 2),
                1 - (1 - a) * f.inverseCumulativeProbability(g / 2), level);
    }

    @Override
    public String toString() {
        return "CronbachAlpha[k=" + k + ", n=" + n + ", sums=" + Arrays.toString(sum) + "]";
    }
}
