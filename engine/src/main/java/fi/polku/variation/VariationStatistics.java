package fi.polku.variation;

import java.util.List;

/**
 * Between-area variation of one indicator in one period: the systematic component of variation, the
 * coefficient of variation and the extremal quotient of the areas' rates.
 *
 * <ul>
 *   <li>SCV (McPherson et al. 1982, N Engl J Med 307:1310): with E_i = n_i·ΣO/Σn,
 *       SCV = (1/k)·[Σ((O_i − E_i)/E_i)² − Σ1/E_i], the variance of O/E left after the Poisson part; it can be
 *       negative when areas vary less than chance would make them. Literature often prints SCV × 100.</li>
 *   <li>CV = sd(r_i)/mean(r_i) of the rates r_i = O_i/n_i, unweighted, sd with k − 1.</li>
 *   <li>EQ = max r_i / min r_i; NaN when the smallest rate is 0.</li>
 * </ul>
 *
 * @param areas      k, the number of areas
 * @param events     ΣO
 * @param population Σn
 */
public record VariationStatistics(int areas, long events, long population, double scv, double cv, double eq) {

    /**
     * The statistics of these areas.
     *
     * @throws IllegalArgumentException with fewer than two areas or no events at all
     */
    public static VariationStatistics of(List<AreaCount> areas) {
        int k = areas.size();
        if (k < 2) {
            throw new IllegalArgumentException("variation needs at least 2 areas, had " + k);
        }
        long events = 0;
        long people = 0;
        for (AreaCount a : areas) {
            events += a.count();
            people += a.population();
        }
        if (events == 0) {
            throw new IllegalArgumentException("variation needs at least one event, the " + k + " areas had none");
        }
        double theta = (double) events / people;
        double sumSquares = 0;
        double sumInverse = 0;
        double sumRate = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (AreaCount a : areas) {
            double e = theta * a.population();
            double d = (a.count() - e) / e;
            sumSquares += d * d;
            sumInverse += 1 / e;
            double r = a.rate();
            sumRate += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        double mean = sumRate / k;
        double ss = 0;
        for (AreaCount a : areas) {
            double d = a.rate() - mean;
            ss += d * d;
        }
        double cv = Math.sqrt(ss / (k - 1)) / mean;
        return new VariationStatistics(k, events, people, (sumSquares - sumInverse) / k, cv, min > 0 ? max / min : Double.NaN);
    }

    /** The named statistic. */
    public double get(Measure measure) {
        return switch (measure) {
            case SCV -> scv;
            case CV -> cv;
            case EQ -> eq;
        };
    }

    /** The three measures. */
    public enum Measure {
        SCV, CV, EQ;

        /** The measure's name in outputs. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
