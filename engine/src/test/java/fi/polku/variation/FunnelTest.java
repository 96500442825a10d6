package fi.polku.variation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Funnel limits and overdispersion against base R 4.2.2, computed by hand from FunnelPlotR's documented method and
 * Spiegelhalter (2005): engine/src/test/resources/r/funnel_variation.R writes every expected value used here.
 */
class FunnelTest {
    private static final double TOL = 1e-6;

    static List<String[]> csv(String name) {
        try (InputStream in = FunnelTest.class.getResourceAsStream("/variation/" + name)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split(",");
                    for (int i = 0; i < f.length; i++) {
                        f[i] = f[i].strip();
                    }
                    rows.add(f);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<AreaCount> areas() {
        List<AreaCount> out = new ArrayList<>();
        for (String[] r : csv("funnel_areas.csv").subList(1, csv("funnel_areas.csv").size())) {
            out.add(new AreaCount(r[0], Long.parseLong(r[1]), Long.parseLong(r[2])));
        }
        return out;
    }

    static Map<String, Double> summary() {
        Map<String, Double> out = new LinkedHashMap<>();
        csv("funnel_summary.csv").stream().skip(1).forEach(r -> out.put(r[0], Double.parseDouble(r[1])));
        return out;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void phiAndTau2MatchR() {
        // R 4.2.2 funnel_variation.R: funnel(count, population, theta) phi, tau2 (funnel_summary.csv).
        Map<String, Double> r = summary();
        Funnel f = Funnel.pooled(areas(), Overdispersion.ADDITIVE, 0.1);
        close(r.get("theta"), f.referenceRate(), "theta");
        close(r.get("phi"), f.phi(), "phi");
        close(r.get("tau2"), f.tau2(), "tau2");
        Funnel national = Funnel.of(areas(), 0.010, Overdispersion.MULTIPLICATIVE, 0.1);
        close(r.get("phi_theta_0.010"), national.phi(), "phi at theta 0.010");
        close(r.get("tau2_theta_0.010"), national.tau2(), "tau2 at theta 0.010");
    }

    @Test
    void limitsAndZScoresMatchRForEveryArea() {
        // R 4.2.2 funnel_variation.R: columns p_* exact Poisson, m_* multiplicative, a_* additive (funnel_expected.csv).
        List<AreaCount> areas = areas();
        Funnel none = Funnel.pooled(areas, Overdispersion.NONE, 0.1);
        Funnel mult = Funnel.pooled(areas, Overdispersion.MULTIPLICATIVE, 0.1);
        Funnel add = Funnel.pooled(areas, Overdispersion.ADDITIVE, 0.1);
        List<String[]> rows = csv("funnel_expected.csv");
        List<String> head = List.of(rows.get(0));
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            java.util.function.ToDoubleFunction<String> v = c -> Double.parseDouble(row[head.indexOf(c)]);
            Funnel.Point p = none.points().get(i - 1);
            assertEquals(row[0], p.area().area());
            close(v.applyAsDouble("E"), p.expected(), "E " + row[0]);
            close(v.applyAsDouble("z"), p.z(), "z " + row[0]);
            checkLimits(v, "p_", p.limits(), row[0]);
            checkLimits(v, "p_", add.points().get(i - 1).poisson(), row[0]);
            checkLimits(v, "m_", mult.points().get(i - 1).limits(), row[0]);
            checkLimits(v, "a_", add.points().get(i - 1).limits(), row[0]);
            close(v.applyAsDouble("m_z"), mult.points().get(i - 1).adjustedZ(), "multiplicative z " + row[0]);
            close(v.applyAsDouble("a_z"), add.points().get(i - 1).adjustedZ(), "additive z " + row[0]);
        }
        assertEquals(Overdispersion.ADDITIVE, add.applied());
        assertEquals(Overdispersion.MULTIPLICATIVE, mult.applied());
        assertTrue(add.statement().startsWith("additive random effects"), add.statement());
    }

    private static void checkLimits(java.util.function.ToDoubleFunction<String> v, String prefix, Funnel.Limits l, String area) {
        close(v.applyAsDouble(prefix + "lo95"), l.lower95(), prefix + "lo95 " + area);
        close(v.applyAsDouble(prefix + "hi95"), l.upper95(), prefix + "hi95 " + area);
        close(v.applyAsDouble(prefix + "lo998"), l.lower998(), prefix + "lo998 " + area);
        close(v.applyAsDouble(prefix + "hi998"), l.upper998(), prefix + "hi998 " + area);
    }

    @Test
    void bandsFollowTheLimitsInUse() {
        // Constructed: 30 equal areas of 10 000 at 10 per 1 000, one at 20 per 1 000. Poisson 99.8 % upper limit at
        // E = 100 is 1.33 × theta, so the outlier (about 1.9 × theta) is above 99.8 %; with no spread elsewhere
        // phi stays near the winsorised z of 0, so asking for ADDITIVE leaves exact Poisson limits (stated).
        List<AreaCount> areas = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            areas.add(new AreaCount(String.format("B%02d", i), 100, 10_000));
        }
        areas.add(new AreaCount("OUT", 200, 10_000));
        Funnel f = Funnel.pooled(areas, Overdispersion.ADDITIVE, 0.1);
        assertEquals(Overdispersion.NONE, f.applied());
        assertTrue(f.statement().contains("additive asked, no overdispersion found"), f.statement());
        assertEquals(Funnel.Band.ABOVE_998, f.points().get(30).band());
        assertEquals(Funnel.Band.WITHIN, f.points().get(0).band());
    }

    @Test
    void badInputIsRefusedWithNamedArguments() {
        List<AreaCount> one = List.of(new AreaCount("A", 0, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Funnel.pooled(one, Overdispersion.NONE, 0.1));
        assertTrue(e.getMessage().contains("referenceRate"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Funnel.of(List.of(), 0.01, Overdispersion.NONE, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Funnel.of(one, 0.01, Overdispersion.NONE, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new AreaCount("A", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Overdispersion.parse("quasi"));
    }
}
