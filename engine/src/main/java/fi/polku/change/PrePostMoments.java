package fi.polku.change;

import java.io.Serializable;

/**
 * A mergeable accumulator of pre (intake) and post (latest) scores of complete cases, giving the sample
 * norms the reliable change methods use: M1, S1, M2, S2 and r12.
 *
 * <p>Scores are accumulated exactly as whole hundredths of a point (the instruments record 0.1, totals
 * 0.01), so adding values in any order, or merging partial accumulators in any order, gives bit-identical
 * results — what Spark's partitioning needs. Values with finer precision are rounded to 0.01; non-finite
 * values are refused.
 */
public final class PrePostMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    private long n;
    private long sumX;
    private long sumY;
    private long sumXX;
    private long sumYY;
    private long sumXY;

    private PrePostMoments() {
    }

    /** An empty accumulator. */
    public static PrePostMoments create() {
        return new PrePostMoments();
    }

    /** Adds one complete case. */
    public PrePostMoments accept(double pre, double post) {
        long x = hundredths(pre);
        long y = hundredths(post);
        n++;
        sumX += x;
        sumY += y;
        sumXX += x * x;
        sumYY += y * y;
        sumXY += x * y;
        return this;
    }

    /** Adds another accumulator's cases into this one. */
    public PrePostMoments combine(PrePostMoments other) {
        n += other.n;
        sumX += other.sumX;
        sumY += other.sumY;
        sumXX += other.sumXX;
        sumYY += other.sumYY;
        sumXY += other.sumXY;
        return this;
    }

    /** Number of cases. */
    public long count() {
        return n;
    }

    /** Mean of the pre scores; NaN when empty. */
    public double preMean() {
        return n == 0 ? Double.NaN : sumX / 100.0 / n;
    }

    /** Mean of the post scores; NaN when empty. */
    public double postMean() {
        return n == 0 ? Double.NaN : sumY / 100.0 / n;
    }

    /** Sample SD (n − 1) of the pre scores; NaN with fewer than two cases. */
    public double preSd() {
        return Math.sqrt(centred(sumXX, sumX, sumX)) / 100.0;
    }

    /** Sample SD (n − 1) of the post scores; NaN with fewer than two cases. */
    public double postSd() {
        return Math.sqrt(centred(sumYY, sumY, sumY)) / 100.0;
    }

    /** Pearson correlation of pre and post; NaN with fewer than two cases or no spread. */
    public double correlation() {
        double sxy = centred(sumXY, sumX, sumY);
        return sxy / Math.sqrt(centred(sumXX, sumX, sumX) * centred(sumYY, sumY, sumY));
    }

    /**
     * (Σab − Σa Σb / n) / (n − 1), from exact integer sums: n Σab − Σa Σb is worked out in 128-bit two's complement
     * (each product's high word from {@link Math#multiplyHigh}); when the difference fits in a long, as it does up to
     * millions of cases, it is that long, otherwise BigInteger. The change stage asks for every trajectory, and
     * BigInteger was a twentieth of its time. Both paths are the exact integer, rounded once to double the same way.
     */
    private double centred(long sumAB, long sumA, long sumB) {
        if (n < 2) {
            return Double.NaN;
        }
        long abLow = sumAB * n;
        long aLow = sumA * sumB;
        long low = abLow - aLow;
        long high = Math.multiplyHigh(sumAB, n) - Math.multiplyHigh(sumA, sumB) - (Long.compareUnsigned(abLow, aLow) < 0 ? 1 : 0);
        if (high == low >> 63) {
            return low / ((double) n * (n - 1));
        }
        java.math.BigInteger num = java.math.BigInteger.valueOf(sumAB).multiply(java.math.BigInteger.valueOf(n))
                .subtract(java.math.BigInteger.valueOf(sumA).multiply(java.math.BigInteger.valueOf(sumB)));
        return num.doubleValue() / ((double) n * (n - 1));
    }

    private static long hundredths(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("score must be finite, was " + v);
        }
        return Math.round(v * 100);
    }
}
