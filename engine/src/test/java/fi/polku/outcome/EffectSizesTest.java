package fi.polku.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.polku.change.PrePostMoments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lakens 2013 values of shared/reference/REFERENCE.md; 1e-6 relative unless stated. */
class EffectSizesTest {
    private static final double REL = 1e-6;

    /** Pre = movie_2, post = movie_1 (post − pre is positive, as in the paper's difference). */
    static PrePostMoments movies() throws IOException {
        try (InputStream in = EffectSizesTest.class.getResourceAsStream("/lakens2013_movies.csv")) {
            PrePostMoments m = PrePostMoments.create();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("movie") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                m.accept(Double.parseDouble(f[1]), Double.parseDouble(f[0]));
            }
            return m;
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * REL, what);
    }

    @Test
    void lakensPairedExampleReproducesR() throws IOException {
        PrePostEffectSizes e = PrePostEffectSizes.of(movies());
        // [R] r 0.7255423, t_paired 4.743416, d_rm 1.1113323, d_av 1.1286963.
        close(0.7255423, e.correlation(), "r");
        close(4.743416, e.t(), "paired t");
        close(1.1113323, e.drm().estimate(), "d_rm");
        close(1.1286963, e.dav().estimate(), "d_av");
        // [PUB] d_z 1.50, p = .001 (printed to three decimals).
        close(1.5, e.dz().estimate(), "d_z");
        assertEquals(0.001, e.p(), 0.0005, "p");
        // [R] g_av 1.0319509 uses the approximate J; Polku reports the exact J, so check both ways:
        close(1.0319509, e.dav().estimate() * HedgesCorrection.approximate(9), "g_av with approximate J");
        close(e.dav().estimate() * HedgesCorrection.exact(9), e.gav().estimate(), "g_av with exact J");
        assertEquals(1.0, e.meanChange().estimate(), 1e-12, "mean change, from the data");
    }

    @Test
    void exactHedgesCorrectionAndBeckerVarianceMatchMetafor() {
        // [R] metafor escalc SMCR 1.1100514, variance 0.1165022 (pre = movie_2, post = movie_1): SMCR is
        // J(n − 1) · M_diff / SD(movie_1) with the exact J, and variance 2(1 − r)/n + SMCR²/(2n).
        double sdMovie1 = Math.sqrt(6.1 / 9); // Σ(x − 8.7)² = 6.1 over n − 1 = 9, from the data
        double smcr = HedgesCorrection.exact(9) * 1.0 / sdMovie1;
        close(1.1100514, smcr, "SMCR");
        close(0.1165022, 2 * (1 - 0.7255423196) / 10 + smcr * smcr / 20, "SMCR variance");
    }

    @Test
    void intervalsFollowTheStatedFormulas() throws IOException {
        PrePostEffectSizes e = PrePostEffectSizes.of(movies());
        // [COMP] SE of d_z = √(1/n + d_z²/(2n)) = √(0.1 + 2.25/20).
        close(Math.sqrt(0.1 + 2.25 / 20), e.dz().se(), "SE d_z");
        // [COMP] mean change 1.0, SD of changes = 1/1.5, t(9) 0.975-quantile 2.262157 (R qt(.975, 9)).
        close(1.0 - 2.262157 * (1 / 1.5) / Math.sqrt(10), e.meanChange().lower(), "t interval");
        assertEquals(e.gav().se(), e.dav().se() * HedgesCorrection.exact(9), 1e-15);
    }

    @Test
    void tooFewCasesOrNoSpreadIsAnIllegalState() {
        assertThrows(IllegalStateException.class, () -> PrePostEffectSizes.of(PrePostMoments.create().accept(1, 2).accept(2, 3)));
        assertThrows(IllegalStateException.class, () -> PrePostEffectSizes.of(PrePostMoments.create().accept(1, 2).accept(2, 3)
                .accept(3, 4)));
    }

    @Test
    void wilsonIntervalIsTheClosedForm() {
        // [COMP] Wilson 1927 closed form for 8/10 (the same as R's prop.test(8, 10, correct = FALSE)): 0.4901625–0.9433178.
        Share s = Share.of(8, 10);
        close(0.4901625, s.lower(), "lower");
        close(0.9433178, s.upper(), "upper");
        assertEquals(0.0, Share.of(0, 7).lower(), 0.0);
        assertEquals(1.0, Share.of(7, 7).upper(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Share.of(3, 2));
    }
}
