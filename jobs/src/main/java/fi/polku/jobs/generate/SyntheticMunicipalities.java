package fi.polku.jobs.generate;

import fi.polku.region.Municipality;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Synthetic municipal statistics that add up to the synthetic county panel: each county's populations are shared
 * over its municipalities (those of {@code municipalities.csv} in 2021, used for every year) in proportion to
 * their real total population of 2020, and each county count of the indicators below is split over them
 * multinomially with weights population × a municipal relative risk exp(σ_t·u − σ_t²/2), u ~ N(0, 1) fixed per
 * municipality, σ_t falling from 0.5 in 2015 by 0.025 a year: variation between municipalities that narrows, for
 * the variation analysis to find. Municipal rows carry the three-digit code.
 */
final class SyntheticMunicipalities {
    static final List<String> INDICATORS = List.of("emergency_placements");
    static final String SOURCE = "synthetic: municipal split of the county panel";

    private final Map<String, long[]> countyCounts;
    private final List<Municipality> municipalities;
    private final Map<String, Long> population2020;
    private final long seed;

    /**
     * @param countyCounts   "county|year|indicator|age group" → {count, population} of the county panel
     * @param population2020 municipality code → real total population on 31.12.2020 (the split's weights)
     */
    SyntheticMunicipalities(Map<String, long[]> countyCounts, List<Municipality> municipalities, Map<String, Long> population2020,
                            long seed) {
        this.countyCounts = countyCounts;
        this.municipalities = municipalities.stream().filter(m -> m.existsIn(2021) && population2020.containsKey(m.code())).toList();
        this.population2020 = population2020;
        this.seed = seed;
    }

    /** Writes the rows, each with its population (so no populations file is needed). */
    void write(CsvOut statistics) throws IOException {
        statistics.header("region", "period", "indicator", "age_group", "count", "population", "source");
        RandomGenerator random = new Well19937c(seed + 22);
        Map<String, Double> risk = new LinkedHashMap<>();
        for (Municipality m : municipalities) {
            risk.put(m.code(), random.nextGaussian());
        }
        Map<String, List<Municipality>> byCounty = new LinkedHashMap<>();
        municipalities.forEach(m -> byCounty.computeIfAbsent(m.countyCode(), c -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<Municipality>> county : byCounty.entrySet()) {
            List<Municipality> ms = county.getValue();
            double total = ms.stream().mapToLong(m -> population2020.get(m.code())).sum();
            for (int year = SyntheticPanel.FIRST_YEAR; year <= SyntheticPanel.LAST_YEAR; year++) {
                double sigma = 0.5 - 0.025 * (year - SyntheticPanel.FIRST_YEAR);
                for (String age : List.of("0-17", "13-17")) {
                    long[] any = countyCounts.get(String.join("|", county.getKey(), Integer.toString(year), INDICATORS.get(0), age));
                    if (any == null) {
                        continue;
                    }
                    long[] pops = new long[ms.size()];
                    for (int i = 0; i < ms.size(); i++) {
                        pops[i] = Math.round(any[1] * population2020.get(ms.get(i).code()) / total);
                    }
                    for (String indicator : INDICATORS) {
                        long[] c = countyCounts.get(String.join("|", county.getKey(), Integer.toString(year), indicator, age));
                        double[] w = new double[ms.size()];
                        for (int i = 0; i < ms.size(); i++) {
                            w[i] = pops[i] * Math.exp(sigma * risk.get(ms.get(i).code()) - sigma * sigma / 2);
                        }
                        long[] split = multinomial(random, c[0], w);
                        for (int i = 0; i < ms.size(); i++) {
                            statistics.row(ms.get(i).code(), year, indicator, age, split[i], pops[i], SOURCE);
                        }
                    }
                }
            }
        }
    }

    /** n split over the weights by sequential binomial draws. */
    private static long[] multinomial(RandomGenerator random, long n, double[] weights) {
        long[] out = new long[weights.length];
        double left = 0;
        for (double w : weights) {
            left += w;
        }
        long remaining = n;
        for (int i = 0; i < weights.length && remaining > 0; i++) {
            if (i == weights.length - 1 || left <= weights[i]) {
                out[i] = remaining;
                break;
            }
            out[i] = new BinomialDistribution(random, (int) remaining, weights[i] / left).sample();
            remaining -= out[i];
            left -= weights[i];
        }
        return out;
    }
}
