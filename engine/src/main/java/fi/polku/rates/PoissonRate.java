package fi.polku.rates;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * A rate of {@code count} events in {@code population} per {@code per} persons, with the exact (Garwood 1936)
 * Poisson confidence interval: lower = χ²(α/2; 2k)/2, upper = χ²(1 − α/2; 2k + 2)/2, scaled by per/population.
 * For k = 0 the lower limit is 0.
 *
 * @param count      events (k ≥ 0)
 * @param population the same-age population (> 0)
 */
public record PoissonRate(long count, long population, double per, double confidence, double rate, double lower,
                          double upper) {

    /** The rate per 1 000 with a 95 % interval. */
    public static PoissonRate perThousand(long count, long population) {
        return of(count, population, 1000, 0.95);
    }

    /**
     * A rate and its exact interval.
     *
     * @throws IllegalArgumentException when count &lt; 0, population ≤ 0, or confidence is not in (0, 1)
     */
    public static PoissonRate of(long count, long population, double per, double confidence) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (population <= 0) {
            throw new IllegalArgumentException("population must be > 0, was " + population);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        double alpha = 1 - confidence;
        double scale = per / population;
        double lo = count == 0 ? 0 : new ChiSquaredDistribution(2.0 * count).inverseCumulativeProbability(alpha / 2) / 2;
        double hi = new ChiSquaredDistribution(2.0 * count + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
        return new PoissonRate(count, population, per, confidence, count * scale, lo * scale, hi * scale);
    }
}
