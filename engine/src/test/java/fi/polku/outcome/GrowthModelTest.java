package fi.polku.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * sleepstudy values of shared/reference/REFERENCE.md: {@code Reaction ~ Days + (Days | Subject)}, REML
 * ([PUB] Bates et al. 2015; R lme4 1.1-31). Fixed effects to 1e-4 and variance components to 1e-3 relative
 * (issue 6).
 */
class GrowthModelTest {
    static Map<String, GrowthMoments> sleepstudy() throws IOException {
        try (InputStream in = GrowthModelTest.class.getResourceAsStream("/sleepstudy.csv")) {
            Map<String, GrowthMoments> subjects = new TreeMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("\"Reaction\"") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                subjects.computeIfAbsent(f[2].replace("\"", "").strip(), k -> GrowthMoments.create())
                        .accept(Double.parseDouble(f[1]), Double.parseDouble(f[0]));
            }
            return subjects;
        }
    }

    private static void close(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.abs(expected) * relative, what);
    }

    @Test
    void sleepstudyReproducesLme4() throws IOException {
        Map<String, GrowthMoments> s = sleepstudy();
        GrowthModel.Fit fit = GrowthModel.fit(new ArrayList<>(s.values()));
        assertEquals(18, fit.subjects());
        assertEquals(180, fit.observations());
        close(251.40510, fit.intercept().estimate(), 1e-4, "intercept");
        close(10.46729, fit.slope().estimate(), 1e-4, "slope");
        close(6.82460, fit.intercept().se(), 1e-4, "SE intercept");
        close(1.54579, fit.slope().se(), 1e-4, "SE slope");
        close(612.100, fit.interceptVariance(), 1e-3, "intercept variance");
        close(35.072, fit.slopeVariance(), 1e-3, "slope variance");
        assertEquals(0.066, fit.correlation(), 0.0005, "correlation (printed to 3 decimals)");
        close(654.940, fit.residualVariance(), 1e-3, "residual variance");
        close(1743.628, fit.remlCriterion(), 1e-6, "REML criterion");
        double[] b308 = fit.randomEffects(s.get("308"));
        close(2.2586, b308[0], 1e-3, "BLUP 308 intercept");
        close(9.1990, b308[1], 1e-3, "BLUP 308 slope");
        double[] b309 = fit.randomEffects(s.get("309"));
        close(-40.3987, b309[0], 1e-3, "BLUP 309 intercept");
        close(-8.6197, b309[1], 1e-3, "BLUP 309 slope");
        double[] b310 = fit.randomEffects(s.get("310"));
        close(-38.9604, b310[0], 1e-3, "BLUP 310 intercept");
        close(-5.4489, b310[1], 1e-3, "BLUP 310 slope");
        assertTrue(!fit.singular());
    }

    @Test
    void noSlopeVariationIsASingularFit() {
        // Constructed: every subject has the same slope 2 and its own intercept; no noise in the slopes.
        List<GrowthMoments> subjects = new ArrayList<>();
        double[] intercepts = {10, 14, 8, 12, 11, 9};
        double[] noise = {0.3, -0.2, 0.1, -0.4, 0.2, 0.0};
        for (int i = 0; i < intercepts.length; i++) {
            GrowthMoments m = GrowthMoments.create();
            for (int t = 0; t < 5; t++) {
                m.accept(t, intercepts[i] + 2 * t + noise[(i + t) % noise.length]);
            }
            subjects.add(m);
        }
        GrowthModel.Fit fit = GrowthModel.fit(subjects);
        assertEquals(2.0, fit.slope().estimate(), 0.05);
        assertTrue(fit.singular(), "slope variance " + fit.slopeVariance());
    }

    @Test
    void tooLittleDataIsAnIllegalState() {
        assertThrows(IllegalStateException.class, () -> GrowthModel.fit(List.of(GrowthMoments.create().accept(0, 1),
                GrowthMoments.create().accept(0, 2))));
    }
}
