package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sicily ITS values of shared/reference/REFERENCE.md ([R] 4.2.2 glm), coefficients and SEs to 1e-6 relative. */
class PoissonRegressionTest {
    private static final double REL = 1e-6;

    /** Columns: year, month, aces, time, smokban, pop, stdpop. */
    static double[][] sicily() throws IOException {
        try (InputStream in = PoissonRegressionTest.class.getResourceAsStream("/sicily.csv")) {
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("year") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] r = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    r[i] = Double.parseDouble(f[i]);
                }
                rows.add(r);
            }
            return rows.toArray(new double[0][]);
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * REL, what);
    }

    @Test
    void levelChangeModelReproducesR() throws IOException {
        double[][] d = sicily();
        assertEquals(59, d.length);
        double[][] x = new double[d.length][];
        double[] y = new double[d.length];
        double[] offset = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            x[i] = new double[] {1, d[i][4], d[i][3]};
            y[i] = d[i][2];
            offset[i] = Math.log(d[i][6]);
        }
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, offset);
        close(-6.243150910, fit.coefficients()[0], "intercept");
        close(-0.111628443, fit.coefficients()[1], "smokban");
        close(0.004944992, fit.coefficients()[2], "time");
        close(0.011189353, fit.standardError(0), "SE intercept");
        close(0.017224765, fit.standardError(1), "SE smokban");
        close(0.000499230, fit.standardError(2), "SE time");
        assertEquals(197.3096, fit.deviance(), 1e-4, "deviance (printed to 4 decimals)");
        assertEquals(56, fit.residualDf());
        assertEquals(708.0326, fit.aic(), 1e-4, "AIC (printed to 4 decimals)");
        close(0.894377, Math.exp(fit.coefficients()[1]), "RR");
        close(0.864686, Math.exp(fit.coefficients()[1] - 1.959963984540054 * fit.standardError(1)), "RR lower");
        close(0.925086, Math.exp(fit.coefficients()[1] + 1.959963984540054 * fit.standardError(1)), "RR upper");
        // Quasi-Poisson: dispersion 3.559195, SE smokban 0.032496. R's summary.glm weights the final residuals with
        // the previous IRLS iteration's working weights, so its dispersion carries the iteration's convergence
        // error (here 2e-6 relative); REFERENCE.md's tolerance for iterative fits, 1e-4, applies.
        assertEquals(3.559195, fit.dispersion(), 3.559195 * 1e-4, "dispersion");
        assertEquals(0.032496, fit.quasiStandardError(1), 0.032496 * 1e-4, "quasi SE");
    }

    @Test
    void harmonicQuasiPoissonModelReproducesR() throws IOException {
        double[][] d = sicily();
        double[][] x = new double[d.length][];
        double[] y = new double[d.length];
        double[] offset = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double m = d[i][1];
            // tsModel::harmonic(month, 2, 12): sin and cos of 2πkm/12 for k = 1, 2.
            x[i] = new double[] {1, d[i][4], d[i][3], Math.sin(2 * Math.PI * m / 12), Math.cos(2 * Math.PI * m / 12),
                Math.sin(4 * Math.PI * m / 12), Math.cos(4 * Math.PI * m / 12)};
            y[i] = d[i][2];
            offset[i] = Math.log(d[i][6]);
        }
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, offset);
        double b = fit.coefficients()[1];
        double se = fit.quasiStandardError(1);
        close(0.885072, Math.exp(b), "RR");
        close(0.839401, Math.exp(b - 1.959963984540054 * se), "RR lower");
        close(0.933227, Math.exp(b + 1.959963984540054 * se), "RR upper");
        assertEquals(2.262186, fit.dispersion(), 2.262186 * 1e-4, "dispersion (iterative fit, see above)");
    }
}
