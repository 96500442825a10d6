package fi.polku.variation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Between-area variation of one indicator year by year, each statistic with a parametric-bootstrap interval, and
 * its linear trend over the years with an interval.
 *
 * <p>Interval of a year: B replicates in which every area's count is drawn from Poisson(O_i) ({@link #poisson}) with its population
 * kept, the statistics recomputed, and the percentile interval taken (Efron &amp; Tibshirani 1993, ch. 13); it
 * shows how much chance in the counts alone moves the statistic. Each year draws from its own Mersenne Twister
 * seeded by (seed, year) over the areas in code order, so a year's interval does not depend on the other years
 * or on input order. A replicate whose smallest rate is 0 gives EQ = +∞; an interval reaching it has no upper
 * bound (NaN).
 *
 * <p>Trend: ordinary least squares of the statistic on the year, slope with the t interval on m − 2 degrees of
 * freedom (m years, at least 3), so it reflects the year-to-year scatter. Narrowing when the whole interval is
 * below 0, widening when above, otherwise no clear trend. Years whose statistic is NaN are left out.
 */
public final class VariationSeries {
    /** One year's statistics and their intervals. */
    public record Year(int year, VariationStatistics value, Map<VariationStatistics.Measure, double[]> intervals) {
        /** The [lower, upper] interval of a measure. */
        public double[] interval(VariationStatistics.Measure m) {
            return intervals.get(m);
        }
    }

    /** The trend of one measure. */
    public record Trend(VariationStatistics.Measure measure, int years, int firstYear, int lastYear, double slope,
                        double lower, double upper, String direction) {
    }

    private final List<Year> years;
    private final Map<VariationStatistics.Measure, Trend> trends;
    private final int replicates;
    private final long seed;
    private final double confidence;

    private VariationSeries(List<Year> years, Map<VariationStatistics.Measure, Trend> trends, int replicates, long seed,
                            double confidence) {
        this.years = years;
        this.trends = trends;
        this.replicates = replicates;
        this.seed = seed;
        this.confidence = confidence;
    }

    /**
     * The series of these years.
     *
     * @param byYear     year → areas (a year with fewer than 2 areas or no events is left out)
     * @param replicates bootstrap replicates B ≥ 1
     * @param seed       the bootstrap's seed, to be reported with the output
     * @param confidence of every interval, in (0, 1)
     * @throws IllegalArgumentException on bad replicates or confidence
     */
    public static VariationSeries of(SortedMap<Integer, List<AreaCount>> byYear, int replicates, long seed, double confidence) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, was " + replicates);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        List<Year> years = new ArrayList<>();
        for (Map.Entry<Integer, List<AreaCount>> y : byYear.entrySet()) {
            List<AreaCount> areas = new ArrayList<>(y.getValue());
            areas.sort(Comparator.comparing(AreaCount::area));
            if (areas.size() < 2 || areas.stream().mapToLong(AreaCount::count).sum() == 0) {
                continue;
            }
            years.add(year(y.getKey(), areas, replicates, seed, confidence));
        }
        Map<VariationStatistics.Measure, Trend> trends = new EnumMap<>(VariationStatistics.Measure.class);
        for (VariationStatistics.Measure m : VariationStatistics.Measure.values()) {
            Trend t = trend(m, years, confidence);
            if (t != null) {
                trends.put(m, t);
            }
        }
        return new VariationSeries(List.copyOf(years), trends, replicates, seed, confidence);
    }

    private static Year year(int year, List<AreaCount> areas, int replicates, long seed, double confidence) {
        VariationStatistics observed = VariationStatistics.of(areas);
        RandomGenerator rng = new MersenneTwister(new int[] {(int) seed, (int) (seed >>> 32), year});
        int n = areas.size();
        Map<VariationStatistics.Measure, double[]> samples = new EnumMap<>(VariationStatistics.Measure.class);
        for (VariationStatistics.Measure m : VariationStatistics.Measure.values()) {
            samples.put(m, new double[replicates]);
        }
        List<AreaCount> replicate = new ArrayList<>(areas);
        for (int b = 0; b < replicates; b++) {
            long total = 0;
            for (int i = 0; i < n; i++) {
                AreaCount a = areas.get(i);
                long c = poisson(rng, a.count());
                total += c;
                replicate.set(i, new AreaCount(a.area(), c, a.population()));
            }
            VariationStatistics s = total == 0 ? null : VariationStatistics.of(replicate);
            for (VariationStatistics.Measure m : VariationStatistics.Measure.values()) {
                double v = s == null ? Double.NaN : s.get(m);
                samples.get(m)[b] = m == VariationStatistics.Measure.EQ && Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
            }
        }
        Map<VariationStatistics.Measure, double[]> intervals = new EnumMap<>(VariationStatistics.Measure.class);
        samples.forEach((m, v) -> intervals.put(m, percentile(v, confidence)));
        return new Year(year, observed, intervals);
    }

    /**
     * A Poisson(mean) draw: the multiplication method below 10, above it the transformed rejection PTRS of Hörmann
     * (1993, Insurance Math Econ 12:39), exact and fast for large means.
     */
    static long poisson(RandomGenerator rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 10) {
            double limit = Math.exp(-mean);
            double product = rng.nextDouble();
            long k = 0;
            while (product > limit) {
                k++;
                product *= rng.nextDouble();
            }
            return k;
        }
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || us < 0.013 && v > us) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }

    /** The percentile interval of the finite-or-infinite, non-NaN samples; an infinite bound becomes NaN. */
    private static double[] percentile(double[] values, double confidence) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double alpha = (1 - confidence) / 2;
        double lo = v[(int) Math.max(0, Math.ceil(alpha * v.length) - 1)];
        double hi = v[(int) Math.min(v.length - 1, Math.ceil((1 - alpha) * v.length) - 1)];
        return new double[] {Double.isInfinite(lo) ? Double.NaN : lo, Double.isInfinite(hi) ? Double.NaN : hi};
    }

    private static Trend trend(VariationStatistics.Measure m, List<Year> years, double confidence) {
        SimpleRegression ols = new SimpleRegression(true);
        TreeMap<Integer, Double> points = new TreeMap<>();
        for (Year y : years) {
            double v = y.value().get(m);
            if (Double.isFinite(v)) {
                ols.addData(y.year(), v);
                points.put(y.year(), v);
            }
        }
        if (points.size() < 3) {
            return null;
        }
        double slope = ols.getSlope();
        double half = ols.getSlopeConfidenceInterval(1 - confidence);
        double lower = slope - half;
        double upper = slope + half;
        String direction = upper < 0 ? "narrowing" : lower > 0 ? "widening" : "no clear trend";
        return new Trend(m, points.size(), points.firstKey(), points.lastKey(), slope, lower, upper, direction);
    }

    /** The years with at least 2 areas and an event, in order. */
    public List<Year> years() {
        return years;
    }

    /** The trend of a measure, if at least 3 years gave a finite value. */
    public java.util.Optional<Trend> trend(VariationStatistics.Measure m) {
        return java.util.Optional.ofNullable(trends.get(m));
    }

    /** B. */
    public int replicates() {
        return replicates;
    }

    /** The bootstrap seed. */
    public long seed() {
        return seed;
    }

    /** The confidence of every interval. */
    public double confidence() {
        return confidence;
    }
}
