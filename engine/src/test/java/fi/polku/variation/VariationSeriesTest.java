package fi.polku.variation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** SCV, CV, EQ and their trend against base R 4.2.2 (engine/src/test/resources/r/funnel_variation.R). */
class VariationSeriesTest {
    private static final double TOL = 1e-6;

    private static SortedMap<Integer, List<AreaCount>> panel() {
        SortedMap<Integer, List<AreaCount>> out = new TreeMap<>();
        List<String[]> rows = FunnelTest.csv("variation_panel.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            out.computeIfAbsent(Integer.parseInt(r[0]), y -> new ArrayList<>())
                    .add(new AreaCount(r[1], Long.parseLong(r[2]), Long.parseLong(r[3])));
        }
        return out;
    }

    @Test
    void oneYearMatchesR() {
        // R 4.2.2 funnel_variation.R: scv(), sd(r)/mean(r), max(r)/min(r) of funnel_areas.csv (funnel_summary.csv).
        Map<String, Double> r = FunnelTest.summary();
        VariationStatistics s = VariationStatistics.of(FunnelTest.areas());
        assertEquals(r.get("scv"), s.scv(), TOL);
        assertEquals(r.get("cv"), s.cv(), TOL);
        assertEquals(r.get("eq"), s.eq(), TOL * r.get("eq"));
    }

    @Test
    void yearsAndTrendMatchR() {
        // R 4.2.2 funnel_variation.R: per-year scv, cv, eq and confint(lm(m ~ year)) (variation_expected.csv).
        VariationSeries series = VariationSeries.of(panel(), 199, 20240801L, 0.95);
        List<String[]> rows = FunnelTest.csv("variation_expected.csv");
        int y = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[0].startsWith("trend_")) {
                VariationStatistics.Measure m = VariationStatistics.Measure.valueOf(r[0].substring(6).toUpperCase());
                VariationSeries.Trend t = series.trend(m).orElseThrow();
                assertEquals(Double.parseDouble(r[1]), t.slope(), TOL, "slope " + m);
                assertEquals(Double.parseDouble(r[2]), t.lower(), TOL, "lower " + m);
                assertEquals(Double.parseDouble(r[3]), t.upper(), TOL, "upper " + m);
                assertEquals(m == VariationStatistics.Measure.EQ ? "no clear trend" : "narrowing", t.direction());
            } else {
                VariationSeries.Year year = series.years().get(y++);
                assertEquals(Integer.parseInt(r[0]), year.year());
                assertEquals(Double.parseDouble(r[1]), year.value().scv(), TOL);
                assertEquals(Double.parseDouble(r[2]), year.value().cv(), TOL);
                assertEquals(Double.parseDouble(r[3]), year.value().eq(), TOL * 4);
                double[] ci = year.interval(VariationStatistics.Measure.CV);
                assertTrue(ci[0] < ci[1], "interval has width");
            }
        }
    }

    @Test
    void bootstrapIsReproducibleAndIndependentOfInputOrder() {
        SortedMap<Integer, List<AreaCount>> a = panel();
        SortedMap<Integer, List<AreaCount>> b = new TreeMap<>();
        a.forEach((year, list) -> {
            List<AreaCount> copy = new ArrayList<>(list);
            Collections.reverse(copy);
            b.put(year, copy);
        });
        VariationSeries s1 = VariationSeries.of(a, 99, 7L, 0.95);
        VariationSeries s2 = VariationSeries.of(b, 99, 7L, 0.95);
        VariationSeries other = VariationSeries.of(a, 99, 8L, 0.95);
        for (int i = 0; i < s1.years().size(); i++) {
            for (VariationStatistics.Measure m : VariationStatistics.Measure.values()) {
                assertEquals(s1.years().get(i).interval(m)[0], s2.years().get(i).interval(m)[0], 0.0);
                assertEquals(s1.years().get(i).interval(m)[1], s2.years().get(i).interval(m)[1], 0.0);
            }
        }
        assertNotEquals(s1.years().get(0).interval(VariationStatistics.Measure.CV)[0],
                other.years().get(0).interval(VariationStatistics.Measure.CV)[0]);
    }

    @Test
    void zeroRateLeavesEqUndefinedAndFewAreasAreRefused() {
        // Constructed: a zero count makes the smallest rate 0, so EQ is undefined (NaN), while SCV and CV stand.
        VariationStatistics s = VariationStatistics.of(List.of(new AreaCount("A", 0, 1000), new AreaCount("B", 10, 1000),
                new AreaCount("C", 20, 1000)));
        assertTrue(Double.isNaN(s.eq()));
        assertEquals(1.0, s.cv(), 1e-12); // rates 0, .01, .02: sd .01 / mean .01
        assertThrows(IllegalArgumentException.class, () -> VariationStatistics.of(List.of(new AreaCount("A", 1, 10))));
        assertThrows(IllegalArgumentException.class, () -> VariationSeries.of(panel(), 0, 1L, 0.95));
    }

    @Test
    void poissonDrawsHaveTheRightMeanAndVarianceOnBothSidesOfTheSwitch() {
        // Poisson(m) has mean m and variance m; 200 000 draws put the sample mean within 4 SE (sqrt(m/200 000)).
        org.apache.commons.math3.random.MersenneTwister rng = new org.apache.commons.math3.random.MersenneTwister(1);
        for (double m : new double[] {0.7, 9.5, 10.5, 250}) {
            int n = 200_000;
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < n; i++) {
                long k = VariationSeries.poisson(rng, m);
                sum += k;
                sum2 += (double) k * k;
            }
            double mean = sum / n;
            double var = sum2 / n - mean * mean;
            assertEquals(m, mean, 4 * Math.sqrt(m / n), "mean at " + m);
            assertEquals(m, var, 0.03 * m, "variance at " + m);
        }
    }
}
