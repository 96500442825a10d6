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
    double timeSum() {
        return st;
    }

    /** Σt². */
    double timeSquares() {
        return stt;
    }

    /** Σy. */
    double scoreSum() {
        return sy;
    }

    /** Σty. */
    double timeScoreSum() {
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

    /** y'y. */
    double sumOfSquares() {
        return syy;
    }
}
