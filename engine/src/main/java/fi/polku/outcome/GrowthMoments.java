package fi.polku.outcome;

import java.io.Serializable;

/**
 * A mergeable accumulator of one subject's (time, score) points: the sums n, Σt, Σt², Σy, Σty, Σy² that a
 * linear growth model with random intercept and slope needs from each subject ({@link GrowthModel}). Sums are
 * plain doubles: merge partial accumulators of one subject in a fixed order when bit-identity matters.
 */
public final class GrowthMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    private long n;
    private double st;
    private double stt;
    private double sy;
    private double sty;
    private double syy;

    private GrowthMoments() {
    }

    /** An empty accumulator. */
    public static GrowthMoments create() {
        return new GrowthMoments();
    }

    /**
     * The accumulator with these sums, as {@link #count()} and the sum accessors gave them (a table of one row
     * per subject, read back): bit for bit the accumulator they came from.
     *
     * @throws IllegalArgumentException if the count is negative or a sum is not finite
     */
    public static GrowthMoments of(long count, double timeSum, double timeSquares, double scoreSum, double timeScoreSum,
                                   double scoreSquares) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        for (double v : new double[] {timeSum, timeSquares, scoreSum, timeScoreSum, scoreSquares}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sums must be finite, were " + timeSum + ", " + timeSquares + ", "
                        + scoreSum + ", " + timeScoreSum + ", " + scoreSquares);
            }
        }
        GrowthMoments m = new GrowthMoments();
        m.n = count;
        m.st = timeSum;
        m.stt = timeSquares;
        m.sy = scoreSum;
        m.sty = timeScoreSum;
        m.syy = scoreSquares;
        return m;
    }

    /**
     * Adds one observation.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public GrowthMoments accept(double time, double score) {
        if (!Double.isFinite(time) || !Double.isFinite(score)) {
            throw new IllegalArgumentException("time and score must be finite, were " + time + ", " + score);
        }
        n++;
        st += time;
        stt += time * time;
        sy += score;
        sty += time * score;
        syy += score * score;
        return this;
    }

    /** Adds another accumulator's observations into this one. */
    public GrowthMoments combine(GrowthMoments other) {
        n += other.n;
        st += other.st;
        stt += other.stt;
        sy += other.sy;
        sty += other.sty;
        syy += other.syy;
        return this;
    }

    /** Number of observations. */
    public long count() {
        return n;
    }

    /** Σt. */
    public double timeSum() {
        return st;
    }

    /** Σt². */
    public double timeSquares() {
        return stt;
    }

    /** Σy. */
    public double scoreSum() {
        return sy;
    }

    /** Σty. */
    public double timeScoreSum() {
        return sty;
    }

    /** Z'Z for Z = [1, t]: {{n, Σt}, {Σt, Σt²}}. */
    double[][] crossProducts() {
        return new double[][] {{n, st}, {st, stt}};
    }

    /** Z'y: {Σy, Σty}. */
    double[] scoreProducts() {
        return new double[] {sy, sty};
    }

    /** Σy² (y'y). */
    public double sumOfSquares() {
        return syy;
    }
}
