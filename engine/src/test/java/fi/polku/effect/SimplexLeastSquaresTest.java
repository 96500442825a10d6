package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The simplex least-squares optimum checked by its optimality (KKT) conditions: with g = Aᵀ V (A w − x) the
 * gradient of ½ Σ v_i (x_i − (A w)_i)² and λ = gᵀw the multiplier of Σw = 1, w is optimal exactly when
 * g_j = λ for every donor with w_j &gt; 0 and g_j ≥ λ for every donor with w_j = 0 (the problem is convex, so
 * these conditions are also sufficient). Constructed problems shaped like Polku's yearly panels (9 pre-years,
 * 19 comparison regions, rates 0.3–10 per 1 000) and the inner problem of the Basque fit.
 */
class SimplexLeastSquaresTest {
    /** Relative KKT tolerance: the gradient's scale times 1e-9. */
    private static final double KKT = 1e-9;

    /** The largest KKT violation of w, relative to the gradient's scale Σ_i v_i (max_j |a_ij| + |x_i|)². */
    static double kktViolation(double[][] a, double[] x, double[] v, double[] w) {
        int n = w.length;
        double[] g = new double[n];
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            double fit = 0;
            double largest = Math.abs(x[i]);
            for (int j = 0; j < n; j++) {
                fit += a[i][j] * w[j];
                largest = Math.max(largest, Math.abs(a[i][j]) + Math.abs(x[i]));
            }
            for (int j = 0; j < n; j++) {
                g[j] += v[i] * a[i][j] * (fit - x[i]);
            }
            scale += v[i] * largest * largest;
        }
        double lambda = 0;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            assertTrue(w[j] >= 0, "weight " + j + " is negative: " + w[j]);
            lambda += g[j] * w[j];
            sum += w[j];
        }
        assertEquals(1.0, sum, 1e-12, "weights sum to one");
        double worst = 0;
        for (int j = 0; j < n; j++) {
            double slack = g[j] - lambda;
            worst = Math.max(worst, w[j] > 0 ? Math.abs(slack) : -slack);
        }
        return worst / scale;
    }

    /** A panel-like problem: donors with their own levels and trends, the target a mixture plus a shift. */
    private static double[][] problem(Random random, int periods, int donors, double shift, double[] target) {
        double[][] a = new double[periods][donors];
        double[] level = new double[donors];
        double[] trend = new double[donors];
        for (int j = 0; j < donors; j++) {
            level[j] = 0.3 + 9.7 * random.nextDouble();
            trend[j] = 0.2 * random.nextGaussian();
        }
        double[] mix = new double[donors];
        double total = 0;
        for (int j = 0; j < donors; j++) {
            mix[j] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
            total += mix[j];
        }
        for (int t = 0; t < periods; t++) {
            double y = 0;
            for (int j = 0; j < donors; j++) {
                a[t][j] = Math.max(0.05, level[j] + trend[j] * t + 0.3 * random.nextGaussian());
                y += total == 0 ? a[t][j] / donors : a[t][j] * mix[j] / total;
            }
            target[t] = y + shift + 0.2 * random.nextGaussian();
        }
        return a;
    }

    @Test
    void panelShapedProblemsReachTheOptimum() {
        Random random = new Random(20240801);
        double worst = 0;
        for (int run = 0; run < 300; run++) {
            int periods = 2 + random.nextInt(12);
            int donors = 2 + random.nextInt(20);
            double[] x = new double[periods];
            double[][] a = problem(random, periods, donors, run % 3 == 0 ? 0 : 3 * random.nextGaussian(), x);
            double[] v = new double[periods];
            java.util.Arrays.fill(v, 1.0 / periods);
            double[] w = SimplexLeastSquares.solve(a, x, v);
            worst = Math.max(worst, kktViolation(a, x, v, w));
        }
        assertTrue(worst < KKT, "largest relative KKT violation " + worst);
    }

    @Test
    void unequalRowWeightsAndLargeValuesReachTheOptimum() {
        // Predictor-style rows: very different scales and weights V (as in SyntheticControl.ofPredictors).
        Random random = new Random(7);
        double worst = 0;
        for (int run = 0; run < 200; run++) {
            int rows = 3 + random.nextInt(12);
            int donors = 3 + random.nextInt(16);
            double[] x = new double[rows];
            double[][] a = problem(random, rows, donors, random.nextGaussian(), x);
            double[] v = new double[rows];
            double total = 0;
            for (int i = 0; i < rows; i++) {
                double s = Math.pow(10, 3 * random.nextDouble());
                for (int j = 0; j < donors; j++) {
                    a[i][j] *= s;
                }
                x[i] *= s;
                v[i] = Math.pow(10, -4 * random.nextDouble());
                total += v[i];
            }
            for (int i = 0; i < rows; i++) {
                v[i] /= total;
            }
            worst = Math.max(worst, kktViolation(a, x, v, SimplexLeastSquares.solve(a, x, v)));
        }
        assertTrue(worst < KKT, "largest relative KKT violation " + worst);
    }

    @Test
    void matchesTheExactOptimaOfR() throws IOException {
        // R 4.2.2: simplex_reference.csv, made by r/simplex_reference.R (quadprog::solve.QP for "tall", 12 × 7;
        // enumeration of all supports with a KKT check for "wide", 9 × 16, fewer rows than donors); to 1e-6.
        Map<String, Map<String, List<double[]>>> problems = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/simplex_reference.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("problem") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] values = new double[f.length - 3];
                for (int i = 3; i < f.length; i++) {
                    values[i - 3] = Double.parseDouble(f[i]);
                }
                problems.computeIfAbsent(f[0], k -> new HashMap<>()).computeIfAbsent(f[1], k -> new ArrayList<>()).add(values);
            }
        }
        assertEquals(2, problems.size());
        problems.forEach((name, p) -> {
            double[][] a = p.get("a").toArray(new double[0][]);
            double[] x = p.get("x").get(0);
            double[] v = p.get("v").get(0);
            double[] expected = p.get("w").get(0);
            double[] w = SimplexLeastSquares.solve(a, x, v);
            for (int j = 0; j < w.length; j++) {
                assertEquals(expected[j], w[j], 1e-6, name + " weight " + j);
            }
            double loss = 0;
            for (int i = 0; i < a.length; i++) {
                double fit = 0;
                for (int j = 0; j < w.length; j++) {
                    fit += a[i][j] * w[j];
                }
                loss += v[i] * (x[i] - fit) * (x[i] - fit);
            }
            double reference = p.get("loss").get(0)[0];
            assertEquals(reference, loss, reference * 1e-6, name + " loss");
        });
    }

    @Test
    void anExactMixtureAndACornerAreFound() {
        // Constructed: x = 0.25·a1 + 0.75·a3 exactly, a2 a decoy; and a target above every donor (nearest corner).
        double[][] a = {{1, 5, 3}, {2, 4, 6}, {0, 9, 1}, {4, 1, 2}};
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = 0.25 * a[i][0] + 0.75 * a[i][2];
        }
        double[] v = {0.25, 0.25, 0.25, 0.25};
        double[] w = SimplexLeastSquares.solve(a, x, v);
        assertEquals(0.25, w[0], 1e-12);
        assertEquals(0.0, w[1], 0.0);
        assertEquals(0.75, w[2], 1e-12);
        double[] corner = SimplexLeastSquares.solve(new double[][] {{1, 2}, {1, 2}}, new double[] {5, 5}, new double[] {0.5, 0.5});
        assertEquals(0.0, corner[0], 0.0);
        assertEquals(1.0, corner[1], 0.0);
    }

    @Test
    void identicalDonorsStillGiveAnOptimum() {
        // Two identical columns: the optimum is not unique, any split of their weight is optimal.
        double[][] a = {{1, 1, 4}, {2, 2, 0}, {3, 3, 1}};
        double[] x = {2, 1, 2};
        double[] v = {1, 1, 1};
        assertTrue(kktViolation(a, x, v, SimplexLeastSquares.solve(a, x, v)) < KKT);
    }

    @Test
    void badInputIsRefusedWithTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimplexLeastSquares.solve(new double[][] {{1, Double.NaN}}, new double[] {1}, new double[] {1}));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimplexLeastSquares.solve(new double[][] {{1, 2}}, new double[] {1},
                new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> SimplexLeastSquares.solve(new double[0][], new double[0], new double[0]));
    }
}
