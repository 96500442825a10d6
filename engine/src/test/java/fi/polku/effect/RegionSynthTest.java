package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Behaviour of the per-region synthetic control on constructed panels with a known effect. */
class RegionSynthTest {
    /** 12 donors with their own levels and trends plus noise; the treated region is a mixture of three of them. */
    private static Map<String, Map<Integer, Double>> panel(double effect, int lastYear, long seed) {
        Random random = new Random(seed);
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        for (int u = 1; u <= 12; u++) {
            Map<Integer, Double> y = new TreeMap<>();
            double level = 5 + u;
            double trend = 0.1 * (u % 4) - 0.1;
            for (int year = 2012; year <= lastYear; year++) {
                y.put(year, level + trend * (year - 2012) + 0.05 * random.nextGaussian());
            }
            outcomes.put("c" + u, y);
        }
        Map<Integer, Double> treated = new TreeMap<>();
        for (int year = 2012; year <= lastYear; year++) {
            double mix = 0.5 * outcomes.get("c3").get(year) + 0.3 * outcomes.get("c7").get(year) + 0.2 * outcomes.get("c10").get(year);
            treated.put(year, mix + (year >= 2022 ? effect : 0));
        }
        outcomes.put("treated", treated);
        return outcomes;
    }

    private static List<String> donors() {
        List<String> d = new ArrayList<>();
        for (int u = 1; u <= 12; u++) {
            d.add("c" + u);
        }
        return d;
    }

    @Test
    void findsAKnownDropAndRanksItFirst() {
        // Constructed: a drop of 2 per 1 000 from 2022, ten pre-years, three post-years.
        RegionSynth.Result r = RegionSynth.estimate("treated", 2022, panel(-2, 2024, 5), donors());
        assertEquals(-2, r.estimate(), 0.1, r.toString());
        assertEquals(1.0 / 13, r.pValue(), 1e-12, "the treated ratio is the largest of 13");
        // Donor levels and trends are linear in the donor number, so the mixture is not unique: check it is one.
        assertEquals(1.0, r.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        assertTrue(r.preRmspe() < 0.05, "pre fit of a mixture is close: " + r.preRmspe());
        assertEquals(10, r.prePeriods());
        assertEquals(3, r.postPeriods());
        assertEquals(13, r.gaps().size());
        assertTrue(r.warnings().stream().noneMatch(w -> w.equals("poor_fit")) && !r.poorFit(), r.warnings().toString());
    }

    @Test
    void noEffectIsNotSignificant() {
        RegionSynth.Result r = RegionSynth.estimate("treated", 2022, panel(0, 2024, 8), donors());
        assertTrue(r.lower() < 0 && 0 < r.upper(), r.toString());
        assertTrue(r.pValue() > 0.1, r.toString());
    }

    @Test
    void saysWhatAShortOrUnreachableSeriesCannotSupport() {
        RegionSynth.Result one = RegionSynth.estimate("treated", 2022, panel(-2, 2022, 5), donors());
        assertTrue(one.warnings().contains("single_post"), one.warnings().toString());
        Map<String, Map<Integer, Double>> high = panel(0, 2024, 5);
        high.get("treated").replaceAll((year, v) -> v + 20);
        RegionSynth.Result poor = RegionSynth.estimate("treated", 2022, high, donors());
        assertTrue(poor.warnings().contains("poor_fit") && poor.poorFit(), poor.warnings().toString());
        RegionSynth.Result none = RegionSynth.estimate("treated", 2025, panel(0, 2024, 5), donors());
        assertNull(none.estimate());
        assertEquals(List.of("no_post"), none.warnings());
    }
}
