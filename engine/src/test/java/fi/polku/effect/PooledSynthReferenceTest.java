package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The pooled synthetic control against resources/pooled_synth_reference.csv, made by R 4.2.2 with quadprog 1.5.8
 * (resources/r/pooled_synth.R, its output in pooled_synth.Rout): Basque gdpcap 1955–1975, regions 02–10 and 17,
 * project regions 10 (first post 1970) and 17 (first post 1971, 1970 a transition), all C(10, 2) = 45 assignments.
 */
class PooledSynthReferenceTest {
    private static final double TOL = 1e-6;
    private static final Map<String, ProjectEffects.Start> STARTS = Map.of(
            "10", new ProjectEffects.Start(1970, null), "17", new ProjectEffects.Start(1971, 1970));

    private static Map<String, Map<Integer, Double>> panel() throws IOException {
        Map<String, Map<Integer, Double>> outcomes = new TreeMap<>();
        SyntheticControlTest.basque().forEach((region, years) -> {
            if (region >= 2 && region <= 10 || region == 17) {
                Map<Integer, Double> y = new TreeMap<>();
                years.forEach((year, row) -> {
                    if (year >= 1955 && year <= 1975) {
                        y.put(year, row.get("gdpcap"));
                    }
                });
                outcomes.put(String.format("%02d", region), y);
            }
        });
        return outcomes;
    }

    private static List<String[]> reference() throws IOException {
        try (InputStream in = PooledSynthReferenceTest.class.getResourceAsStream("/pooled_synth_reference.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.startsWith("assignment")) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        }
    }

    @Test
    void everyAssignmentsPooledStatisticsMatchR() throws IOException {
        Map<String, Map<Integer, Double>> outcomes = panel();
        List<String> units = new ArrayList<>(outcomes.keySet());
        List<String[]> reference = reference();
        assertEquals(45, reference.size());
        for (String[] r : reference) {
            String[] chosen = r[0].split(" ");
            Map<String, ProjectEffects.Start> assigned = new LinkedHashMap<>();
            assigned.put(chosen[0], STARTS.get("10"));
            assigned.put(chosen[1], STARTS.get("17"));
            PooledSynth.Stats s = PooledSynth.of(outcomes, units, assigned);
            assertEquals(Double.parseDouble(r[1]), s.adjusted(), TOL, r[0] + " adjusted");
            assertEquals(Double.parseDouble(r[2]), s.raw(), TOL, r[0] + " raw");
            assertEquals(Double.parseDouble(r[3]), s.preRmspe(), TOL, r[0] + " pre RMSPE");
            assertEquals(Double.parseDouble(r[4]), s.preGap(), TOL, r[0] + " pre gap");
            assertEquals(Double.parseDouble(r[5]), s.ratio(), TOL * Math.max(1, Math.abs(s.ratio())), r[0] + " ratio");
        }
    }

    @Test
    void theProjectRowIsThePreAdjustedGapWithItsRandomisationP() throws IOException {
        Map<String, Map<Integer, Double>> outcomes = panel();
        List<String> comparison = new ArrayList<>(outcomes.keySet());
        comparison.removeAll(STARTS.keySet());
        ProjectEffects.Result r = ProjectEffects.estimate(outcomes, STARTS, comparison, new ProjectEffects.Settings(1000, 1000, 1));
        ProjectEffects.Estimate sc = r.estimates().stream().filter(e -> e.method().equals("synthetic_control_pooled"))
                .findFirst().orElseThrow();
        // pooled_synth.Rout: observed adjusted −1.0343655999, p_adjusted 0.0222222222 (1/45), se 0.2456918978,
        // raw −0.8808542347, pre RMSPE 0.3391063994, pre gap 0.1535113652, ratio 2.6692216025, p_ratio 0.6666666667.
        assertEquals(-1.0343655999, sc.estimate(), TOL);
        assertEquals(1.0 / 45, sc.pValue(), 1e-12);
        assertEquals(0.2456918978, sc.se(), TOL);
        ProjectEffects.SynthFit fit = r.synthFit();
        assertEquals(-0.8808542347, fit.rawGap(), TOL);
        assertEquals(0.3391063994, fit.preRmspe(), TOL);
        assertEquals(0.1535113652, fit.preGap(), TOL);
        assertEquals(2.6692216025, fit.ratio(), TOL);
        assertEquals(30.0 / 45, fit.ratioP(), 1e-12);
        // Pre level of regions 10 and 17 1955–1969 is about 5 (thousand 1986 USD): RMSPE 0.34 < 10 %, |gap| 0.15 < 5 %.
        assertFalse(fit.poorFit(), fit.toString());
        assertEquals("p_exact(45)", r.pCaveat("synthetic_control_pooled"));
    }

    @Test
    void aRegionTheDonorsCannotReachFailsThePreFitRule() {
        // Constructed: the project region runs 3 above the highest donor, so its synthetic control (all weight on
        // that donor) misses by 3 in every pre year: RMSPE 3 and pre gap 3, both far above 10 % / 5 % of its level 9.
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        List<String> comparison = new ArrayList<>();
        for (int u = 0; u < 6; u++) {
            Map<Integer, Double> y = new TreeMap<>();
            for (int year = 2015; year <= 2025; year++) {
                y.put(year, 1.0 + u + 0.1 * (year - 2015) + (u % 2 == 0 ? 0.05 : -0.05) * (year % 2));
            }
            outcomes.put("c" + u, y);
            comparison.add("c" + u);
        }
        Map<Integer, Double> project = new TreeMap<>();
        outcomes.get("c5").forEach((year, v) -> project.put(year, v + 3));
        outcomes.put("P", project);
        ProjectEffects.Result r = ProjectEffects.estimate(outcomes, Map.of("P", new ProjectEffects.Start(2024, null)),
                comparison, new ProjectEffects.Settings(100, 100, 1));
        assertTrue(r.synthFit().poorFit(), r.synthFit().toString());
        assertEquals(3.0, r.synthFit().preGap(), 1e-6);
        // Adjusted for the level gap, the constant offset leaves no effect.
        assertEquals(0.0, r.estimates().stream().filter(e -> e.method().equals("synthetic_control_pooled")).findFirst()
                .orElseThrow().estimate(), 1e-6);
        assertNull(r.base().later(), "no transition year: no later base");
    }
}
