package fi.polku.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dat.bcg values of shared/reference/REFERENCE.md ([PUB] metafor tests vs Stata; [R] metafor 3.8-1). */
class RandomEffectsPoolingTest {
    /** Log risk ratios and their variances, per trial. */
    static double[][] bcg() throws IOException {
        try (InputStream in = RandomEffectsPoolingTest.class.getResourceAsStream("/dat_bcg.csv")) {
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("\"trial\"") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double tpos = Double.parseDouble(f[3]);
                double tneg = Double.parseDouble(f[4]);
                double cpos = Double.parseDouble(f[5]);
                double cneg = Double.parseDouble(f[6]);
                rows.add(new double[] {Math.log(tpos / (tpos + tneg) / (cpos / (cpos + cneg))),
                    1 / tpos - 1 / (tpos + tneg) + 1 / cpos - 1 / (cpos + cneg)});
            }
            double[][] out = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                out[0][i] = rows.get(i)[0];
                out[1][i] = rows.get(i)[1];
            }
            return out;
        }
    }

    private static void close(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.abs(expected) * relative, what);
    }

    @Test
    void derSimonianLairdReproducesMetafor() throws IOException {
        double[][] d = bcg();
        // [PUB] Aronson: yi −0.8893, vi 0.3256 (four decimals).
        assertEquals(-0.8893, d[0][0], 5e-5);
        assertEquals(0.3256, d[1][0], 5e-5);
        RandomEffectsPooling.Result r = RandomEffectsPooling.pool(d[0], d[1], RandomEffectsPooling.Method.DERSIMONIAN_LAIRD);
        // [PUB] fixed effect −0.4303 (SE 0.04050), Q 152.2330 (printed digits).
        assertEquals(-0.4303, r.fixed().estimate(), 5e-5);
        assertEquals(0.04050, r.fixed().se(), 5e-6);
        assertEquals(152.2330, r.q(), 5e-5);
        // [R] DL −0.7141172 (SE 0.1787421, CI −1.0644453 … −0.3637892), τ² 0.3087603, I² 92.1173 %: 1e-6 relative.
        close(-0.7141172, r.pooled().estimate(), 1e-6, "DL mean");
        close(0.1787421, r.pooled().se(), 1e-6, "DL SE");
        close(-1.0644453, r.pooled().lower(), 1e-6, "DL lower");
        close(-0.3637892, r.pooled().upper(), 1e-6, "DL upper");
        close(0.3087603, r.tau2(), 1e-6, "DL tau2");
        close(92.1173, r.i2(), 1e-6, "I2");
    }

    @Test
    void remlReproducesMetafor() throws IOException {
        double[][] d = bcg();
        RandomEffectsPooling.Result r = RandomEffectsPooling.pool(d[0], d[1], RandomEffectsPooling.Method.REML);
        // [R] REML −0.7145323 (SE 0.1797815), τ² 0.3132433; iterative: 1e-4 relative (REFERENCE.md).
        close(-0.7145323, r.pooled().estimate(), 1e-4, "REML mean");
        close(0.1797815, r.pooled().se(), 1e-4, "REML SE");
        close(0.3132433, r.tau2(), 1e-4, "REML tau2");
    }

    @Test
    void predictionIntervalNeedsThreeEstimates() {
        RandomEffectsPooling.Result two = RandomEffectsPooling.pool(new double[] {0.1, 0.5}, new double[] {0.01, 0.02},
                RandomEffectsPooling.Method.REML);
        assertNull(two.predictionLower());
        RandomEffectsPooling.Result three = RandomEffectsPooling.pool(new double[] {0.1, 0.5, 0.3},
                new double[] {0.01, 0.02, 0.015}, RandomEffectsPooling.Method.DERSIMONIAN_LAIRD);
        assertEquals(true, three.predictionLower() < three.pooled().lower());
        assertThrows(IllegalArgumentException.class, () -> RandomEffectsPooling.pool(new double[] {1}, new double[] {1},
                RandomEffectsPooling.Method.REML));
        assertThrows(IllegalArgumentException.class, () -> RandomEffectsPooling.pool(new double[] {1, 2}, new double[] {1, 0},
                RandomEffectsPooling.Method.REML));
    }
}
