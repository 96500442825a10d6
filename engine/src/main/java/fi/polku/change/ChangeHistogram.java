package fi.polku.change;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable, exact distribution of score changes: counts per whole hundredth of a point (the recording
 * precision), so percentiles come out the same whatever the order of adding and merging. Percentiles follow
 * the usual linear interpolation between order statistics (R's type 7, NumPy's default).
 */
public final class ChangeHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long n;

    private ChangeHistogram() {
    }

    /** An empty histogram. */
    public static ChangeHistogram create() {
        return new ChangeHistogram();
    }

    /** Adds one change; non-finite values are refused. */
    public ChangeHistogram accept(double change) {
        if (!Double.isFinite(change)) {
            throw new IllegalArgumentException("change must be finite, was " + change);
        }
        counts.merge(Math.round(change * 100), 1L, Long::sum);
        n++;
        return this;
    }

    /** Adds another histogram's values into this one. */
    public ChangeHistogram combine(ChangeHistogram other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        n += other.n;
        return this;
    }

    /** Number of values. */
    public long count() {
        return n;
    }

    /**
     * The p-th percentile (0 ≤ p ≤ 1), type 7.
     *
     * @throws IllegalStateException when empty
     */
    public double percentile(double p) {
        if (n == 0) {
            throw new IllegalStateException("percentile of no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        double lower = valueAt(lo);
        double upper = valueAt(Math.min(lo + 1, n - 1));
        // Rounded to 1e-9 so that binary noise (7.540000000000004) does not reach the tables.
        return Math.round((lower + (h - lo) * (upper - lower)) * 1e9) / 1e9;
    }

    /** The k-th smallest value (0-based). */
    private double valueAt(long k) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (k < seen) {
                return e.getKey() / 100.0;
            }
        }
        throw new IllegalStateException("index " + k + " beyond " + n);
    }
}
