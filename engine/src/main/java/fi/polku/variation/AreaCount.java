package fi.polku.variation;

import java.util.Objects;

/**
 * One area's events and population in one period, the unit every variation statistic starts from.
 *
 * @param area       the area's code
 * @param count      events (≥ 0)
 * @param population the population at risk (&gt; 0)
 */
public record AreaCount(String area, long count, long population) {
    public AreaCount {
        Objects.requireNonNull(area, "area");
        if (count < 0) {
            throw new IllegalArgumentException("count of " + area + " must be >= 0, was " + count);
        }
        if (population <= 0) {
            throw new IllegalArgumentException("population of " + area + " must be > 0, was " + population);
        }
    }

    /** count / population. */
    public double rate() {
        return (double) count / population;
    }
}
