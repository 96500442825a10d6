package fi.polku.jobs.generate;

import fi.polku.region.Region;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A synthetic county × year panel of child-welfare statistics and populations. Each year's expected 0–17
 * count of an indicator is the national total shared out by population × relative risk; a county-year
 * log-normal factor (SD 0.06) adds over-dispersion, and counts are drawn from Poisson distributions for the
 * 13–17 and the 0–12 parts, so 0–17 = 0–12 + 13–17 holds exactly. In the project regions the 13–17 part of
 * emergency placements falls by {@link #EFFECT} from the project start (pro rata in the start year), and
 * children in care by a third of that: an effect for the methods to find.
 */
final class SyntheticPanel {
    /** The relative fall in 13–17 emergency placements after a project starts. */
    static final double EFFECT = 0.15;
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2025;
    static final double SHARE_13_17_OF_POPULATION = 0.285;
    static final String SOURCE = "synthetic: polku generate (calibrated to THL national totals; not real county figures)";

    private final Calibration calibration;
    private final List<Region> regions;
    private final Map<String, LocalDate> projectStarts;
    private final long seed;
    private final Map<String, long[]> counts = new java.util.LinkedHashMap<>();

    SyntheticPanel(Calibration calibration, List<Region> regions, Map<String, LocalDate> projectStarts, long seed) {
        this.calibration = calibration;
        this.regions = regions;
        this.projectStarts = projectStarts;
        this.seed = seed;
    }

    /** Writes {@code region_statistics} rows (long format) and {@code populations} rows. */
    void write(CsvOut statistics, CsvOut populations) throws IOException {
        statistics.header("region", "period", "indicator", "age_group", "count", "population", "source");
        populations.header("region", "year", "age_group", "population", "source");
        RandomGenerator random = new Well19937c(seed);
        for (Region region : regions) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                long pop017 = Math.round(calibration.population017(region.code(), year));
                long pop1317 = Math.round(pop017 * (SHARE_13_17_OF_POPULATION + 0.002 * (year - FIRST_YEAR)));
                populations.row(region.nameFi(), year, "0-17", pop017, SOURCE);
                populations.row(region.nameFi(), year, "13-17", pop1317, SOURCE);
                for (String indicator : calibration.indicators()) {
                    double expected017 = calibration.national(indicator, year) * weight(region, year);
                    double expected1317 = expected017 * calibration.share1317(indicator)
                            * (1 - effect(region.code(), indicator, year));
                    double noise = Math.exp(0.06 * random.nextGaussian());
                    long c1317 = poisson(random, expected1317 * noise);
                    long c012 = poisson(random, expected017 * (1 - calibration.share1317(indicator)) * noise);
                    statistics.row(region.nameFi(), year, indicator, "0-17", c012 + c1317, pop017, SOURCE);
                    statistics.row(region.nameFi(), year, indicator, "13-17", c1317, pop1317, SOURCE);
                    counts.put(String.join("|", region.code(), Integer.toString(year), indicator, "0-17"), new long[] {c012 + c1317, pop017});
                    counts.put(String.join("|", region.code(), Integer.toString(year), indicator, "13-17"), new long[] {c1317, pop1317});
                }
            }
        }
    }

    /** What {@link #write} drew: "county|year|indicator|age group" → {count, population}. */
    Map<String, long[]> counts() {
        return counts;
    }

    private double weight(Region region, int year) {
        double total = 0;
        for (Region r : regions) {
            total += calibration.population017(r.code(), year) * calibration.risk(r.code());
        }
        return calibration.population017(region.code(), year) * calibration.risk(region.code()) / total;
    }

    private double effect(String region, String indicator, int year) {
        LocalDate start = projectStarts.get(region);
        if (start == null || year < start.getYear()) {
            return 0;
        }
        double full = indicator.equals("emergency_placements") ? EFFECT
                : indicator.equals("children_in_care") ? EFFECT / 3 : 0;
        double exposed = year > start.getYear() ? 1 : (12 - start.getMonthValue() + 1) / 12.0;
        return full * exposed;
    }

    private static long poisson(RandomGenerator random, double mean) {
        return mean <= 0 ? 0 : new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }
}
