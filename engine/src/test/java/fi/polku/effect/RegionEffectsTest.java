package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Behaviour of the per-region effect methods on constructed series with a known effect. */
class RegionEffectsTest {

    private static List<InterruptedTimeSeries.Observation> series(int pre, int post, double rr, long seed) {
        Well19937c random = new Well19937c(seed);
        List<InterruptedTimeSeries.Observation> s = new ArrayList<>();
        for (int t = 0; t < pre + post; t++) {
            boolean after = t >= pre;
            double mean = 20000 * 0.01 * Math.exp(0.01 * t) * (after ? rr : 1);
            long count = new PoissonDistribution(random, mean, 1e-12, 1000).sample();
            s.add(new InterruptedTimeSeries.Observation(t, after, null, count, 20000));
        }
        return s;
    }

    @Test
    void itsFindsAKnownLevelChangeInsideItsInterval() {
        // Constructed: 10 pre and 4 post years, true rate ratio 0.80, Poisson counts around 200.
        InterruptedTimeSeries.Result r = InterruptedTimeSeries.fit(series(10, 4, 0.80, 7));
        assertTrue(r.lower() < 0.80 && 0.80 < r.upper(), r.toString());
        assertTrue(r.pValue() < 0.05, r.toString());
        assertEquals(10, r.prePeriods());
        assertEquals(4, r.postPeriods());
    }

    @Test
    void itsSaysWhatShortSeriesCannotSupport() {
        InterruptedTimeSeries.Result one = InterruptedTimeSeries.fit(series(10, 1, 0.85, 3));
        assertTrue(one.rateRatio() != null);
        assertNull(one.slopeRatio());
        assertEquals("level_only", one.warnings().get(0), one.warnings().toString());
        InterruptedTimeSeries.Result none = InterruptedTimeSeries.fit(series(10, 0, 1, 3));
        assertNull(none.rateRatio());
        assertEquals(List.of("no_post"), none.warnings());
    }

    @Test
    void placeboInferenceForOneTreatedRegion() {
        // Constructed: 12 comparison regions with noise around a common trend; the treated one drops by 3 per 1 000.
        Random random = new Random(11);
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        List<String> comparison = new ArrayList<>();
        for (int u = 0; u <= 12; u++) {
            String unit = u == 0 ? "treated" : "c" + u;
            Map<Integer, Double> y = new HashMap<>();
            double level = 10 + random.nextGaussian();
            for (int year = 2015; year <= 2025; year++) {
                y.put(year, level + 0.2 * (year - 2015) + 0.3 * random.nextGaussian() - (u == 0 && year >= 2024 ? 3 : 0));
            }
            outcomes.put(unit, y);
            if (u > 0) {
                comparison.add(unit);
            }
        }
        RegionDid.Result r = RegionDid.estimate("treated", 2024, outcomes, comparison);
        assertEquals(-3, r.att(), 0.6);
        assertEquals(1.0 / 13, r.pValue(), 1e-12, "more extreme than every placebo: the smallest p 1/(m+1)");
        assertEquals(9, r.prePeriods());
        assertEquals(2, r.postPeriods());
        assertEquals("placebo_in_space(12,13)", r.warnings().get(0), "12 placebos, steps of 1/13");
        // TWFE averages over all pre-years, the group-time ATT uses the year before the start: both near −3 here.
        assertEquals(-3, r.twfe(), 0.6);
    }

    @Test
    void aLeftOutTransitionYearIsSteppedOver() {
        // Constructed: years 2015-2023 and 2025 (2024, the partly exposed start year, left out); effect −2 from 2025.
        Random random = new Random(5);
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        List<String> comparison = new ArrayList<>();
        for (int u = 0; u <= 8; u++) {
            String unit = u == 0 ? "treated" : "c" + u;
            Map<Integer, Double> y = new HashMap<>();
            for (int year = 2015; year <= 2025; year++) {
                if (year != 2024) {
                    y.put(year, 10 + 0.1 * (year - 2015) + 0.05 * random.nextGaussian() - (u == 0 && year == 2025 ? 2 : 0));
                }
            }
            outcomes.put(unit, y);
            if (u > 0) {
                comparison.add(unit);
            }
        }
        RegionDid.Result r = RegionDid.estimate("treated", 2025, outcomes, comparison);
        // Base 2023: the common trend adds 0.2 over two years to everyone, so the difference is about −2.
        assertEquals(-2, r.att(), 0.3);
        assertEquals(1, r.postPeriods());
    }
}
