package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Project-level effects on constructed panels with a known effect. */
class ProjectEffectsTest {
    private static final double EFFECT = -1.5;
    /** Project regions, their extra trends (cancelling within each cohort) and starts. */
    private static final Map<String, Double> EXTRA_TREND = Map.of("A", 0.3, "B", -0.3, "C", 0.2, "D", -0.2);
    private static final Map<String, ProjectEffects.Start> STARTS = Map.of(
            "A", new ProjectEffects.Start(2024, null), "B", new ProjectEffects.Start(2024, null),
            "C", new ProjectEffects.Start(2025, 2024), "D", new ProjectEffects.Start(2025, 2024));

    /**
     * Constructed, no noise: 8 comparison regions on a common trend of 0.2 a year from their own levels; 4 project
     * regions on the same trend plus their own extra trend (+0.3 and −0.3 in the cohort starting 1.1.2024, +0.2
     * and −0.2 in the one starting mid-2024, first full year 2025, 2024 a transition); the effect −1.5 from each
     * region's first post period.
     */
    private static Map<String, Map<Integer, Double>> panel() {
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        for (int u = 1; u <= 8; u++) {
            Map<Integer, Double> y = new TreeMap<>();
            for (int year = 2015; year <= 2025; year++) {
                y.put(year, 3 + 0.7 * u + 0.2 * (year - 2015));
            }
            outcomes.put("c" + u, y);
        }
        double level = 4;
        for (String r : List.of("A", "B", "C", "D")) {
            Map<Integer, Double> y = new TreeMap<>();
            for (int year = 2015; year <= 2025; year++) {
                double v = level + (0.2 + EXTRA_TREND.get(r)) * (year - 2015);
                y.put(year, v + (year >= STARTS.get(r).firstPost() ? EFFECT : 0));
            }
            outcomes.put(r, y);
            level += 1.1;
        }
        return outcomes;
    }

    private static List<String> comparison() {
        List<String> c = new ArrayList<>();
        for (int u = 1; u <= 8; u++) {
            c.add("c" + u);
        }
        return c;
    }

    private static ProjectEffects.Estimate row(ProjectEffects.Result r, String method, Integer e) {
        return r.estimates().stream().filter(x -> x.method().equals(method) && java.util.Objects.equals(x.relativePeriod(), e))
                .findFirst().orElseThrow(() -> new AssertionError(method + " " + e + " missing"));
    }

    @Test
    void trendsThatCancelOnAverageLeaveTheProjectEffectExactWhileRegionsMissIt() {
        Map<String, Map<Integer, Double>> outcomes = panel();
        ProjectEffects.Result r = ProjectEffects.estimate(outcomes, STARTS, comparison(), new ProjectEffects.Settings(1000, 1000, 1));
        assertEquals(EFFECT, row(r, "cs_simple", null).estimate(), 1e-12, "simple aggregation");
        assertEquals(EFFECT, row(r, "cs_group", null).estimate(), 1e-12, "group aggregation");
        assertEquals(EFFECT, row(r, "cs_dynamic", null).estimate(), 1e-12, "dynamic aggregation");
        int pre = 0;
        for (ProjectEffects.Estimate e : r.estimates()) {
            if (e.method().equals("event_study") && e.relativePeriod() < 0) {
                assertEquals(0, e.estimate(), 1e-12, "pre-period placebo at e = " + e.relativePeriod());
                pre++;
            }
        }
        // Cohort 2024: 2016–2023 → e = −8 … −1; cohort 2025 (2024 left out): e = −9 … −2.
        assertEquals(9, pre);
        assertEquals(0, row(r, "pre_trend", null).estimate(), 1e-20);
        for (String region : List.of("A", "B", "C", "D")) {
            ProjectEffects.Start s = STARTS.get(region);
            Map<String, Map<Integer, Double>> own = new HashMap<>(outcomes);
            if (s.transition() != null) {
                Map<String, Map<Integer, Double>> without = new HashMap<>();
                outcomes.forEach((u, y) -> {
                    Map<Integer, Double> copy = new TreeMap<>(y);
                    copy.remove(s.transition());
                    without.put(u, copy);
                });
                own = without;
            }
            double att = RegionDid.estimate(region, s.firstPost(), own, comparison()).att();
            assertNotEquals(EFFECT, att, 0.1, region + "'s own ATT carries its trend: " + att);
        }
        // No noise: the observed assignment is the most extreme of all, p = 1/495; placebos exactly 0, pre-trend p = 1.
        assertEquals(1.0 / 495, row(r, "cs_simple", null).pValue(), 1e-12);
        assertEquals(1.0, row(r, "pre_trend", null).pValue(), 1e-12);
        // C(12, 4) = 495 assignments, all of them.
        assertEquals(495, r.assignments());
        assertTrue(r.exhaustive());
        assertEquals("p_exact(495)", r.pCaveat("cs_simple"));
        assertEquals("p_sampled(100,495,1)", ProjectEffects.estimate(outcomes, STARTS, comparison(),
                new ProjectEffects.Settings(1000, 100, 1)).pCaveat("synthetic_control_pooled"), "a seeded sample of 100");
        assertTrue(r.method("cs_simple").startsWith("randomisation inference: all 495 assignments"), r.method("cs_simple"));
        assertEquals(List.of("staggered(2024/2025)"), r.warnings());
        // Trends cancel within each cohort, so any base period gives the effect; cohort 2025 leaves 2024 out (base 2023).
        ProjectEffects.BaseSensitivity base = r.base();
        assertEquals("2023", base.bases());
        assertEquals("2022", base.earlierBases());
        assertEquals("2024: 2023, 2025: 2024", base.laterBases());
        assertEquals(EFFECT, base.earlier(), 1e-12);
        assertEquals(EFFECT, base.later(), 1e-12);
    }

    @Test
    void demoSizedPanelRunsInReasonableTime() {
        Random random = new Random(3);
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        List<String> comparison = new ArrayList<>();
        Map<String, ProjectEffects.Start> starts = new HashMap<>();
        for (int u = 0; u < 22; u++) {
            Map<Integer, Double> y = new TreeMap<>();
            double level = 2 + 6 * random.nextDouble();
            for (int year = 2015; year <= 2025; year++) {
                y.put(year, level + 0.1 * (year - 2015) + 0.3 * random.nextGaussian());
            }
            String name = String.format("%02d", u);
            outcomes.put(name, y);
            if (u < 4) {
                starts.put(name, new ProjectEffects.Start(2025, 2024));
            } else {
                comparison.add(name);
            }
        }
        long t0 = System.nanoTime();
        ProjectEffects.Result r = ProjectEffects.estimate(outcomes, starts, comparison, ProjectEffects.Settings.defaults());
        System.out.println("7315 assignments: " + (System.nanoTime() - t0) / 1e6 + " ms; " + r.estimates().get(0));
        // Every start is 2025 and the panel ends in 2025: one post year, said on every row (independent review, 2026-12-01).
        assertTrue(r.warnings().contains("single_post"), r.warnings().toString());
        assertEquals(7315, r.assignments());
    }

    @Test
    void theArrayPathAgreesWithGroupTimeAttOnEveryAssignment() {
        // Constructed with noise: 3 project regions (two cohorts, one leaving 2024 out) among 9 regions; every one
        // of the C(9, 3) = 84 assignments computed by CohortPanel and by GroupTimeAtt on the same re-assigned panel.
        Random random = new Random(17);
        int[] periods = {2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025};
        double[][] y = new double[9][periods.length];
        for (double[] unit : y) {
            for (int t = 0; t < periods.length; t++) {
                unit[t] = 5 + random.nextGaussian();
            }
        }
        CohortPanel panel = new CohortPanel(periods, y);
        int[] firstPost = {2024, 2025, 2025};
        int[] transition = {Integer.MIN_VALUE, 2024, 2024};
        int checked = 0;
        for (long mask : Assignments.of(9, 0b111, 1000, 1).sets()) {
            int[] units = java.util.stream.IntStream.range(0, 9).filter(i -> (mask >>> i & 1) == 1).toArray();
            List<PanelObservation> obs = new ArrayList<>();
            for (int u = 0; u < 9; u++) {
                int slot = java.util.Arrays.binarySearch(units, u);
                for (int t = 0; t < periods.length; t++) {
                    if (slot < 0 || periods[t] != transition[slot]) {
                        obs.add(new PanelObservation("u" + u, periods[t], y[u][t], slot < 0 ? 0 : firstPost[slot], 1));
                    }
                }
            }
            GroupTimeAtt did = GroupTimeAtt.of(obs, GroupTimeAtt.Control.NEVER_TREATED);
            List<GroupTimeAtt.Cell> cells = did.cells();
            CohortPanel.Aggregates a = panel.aggregates(units, firstPost, transition);
            assertEquals(did.simple(cells), a.simple(), 1e-12);
            assertEquals(did.group(cells), a.group(), 1e-12);
            assertEquals(did.dynamic(cells), a.dynamic(), 1e-12);
            assertEquals(did.eventTimes(cells).keySet(), a.events().keySet());
            did.eventTimes(cells).forEach((e, v) -> assertEquals(v, a.events().get(e), 1e-12, "e = " + e));
            checked++;
        }
        assertEquals(84, checked);
    }

    @Test
    void badInputIsNamed() {
        Map<String, Map<Integer, Double>> outcomes = panel();
        List<String> both = new ArrayList<>(comparison());
        both.add("A");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectEffects.estimate(outcomes, STARTS, both, new ProjectEffects.Settings(100, 100, 1)));
        assertTrue(e.getMessage().contains("region A is both"), e.getMessage());
        outcomes.get("c3").remove(2019);
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectEffects.estimate(outcomes, STARTS, comparison(), new ProjectEffects.Settings(100, 100, 1)));
        assertTrue(e.getMessage().contains("comparison region c3 misses period(s) [2019]"), e.getMessage());
    }
}
