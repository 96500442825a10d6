package fi.polku.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mergeable accumulators Spark aggregates with: reference values, and the same result whether values are
 * added one by one, in any order, or in random splits merged in any order.
 */
class AccumulatorsTest {

    @Test
    void prePostMomentsReproduceTheDasSampleStatistics() throws IOException {
        double[][] das = ReliableChangeTest.das();
        PrePostMoments m = PrePostMoments.create();
        for (double[] p : das) {
            m.accept(p[0], p[1]);
        }
        // RC-3 [COMP]: pre mean 81.5833, SD 11.825661; post mean 98.05, SD 19.241814; r .517721.
        assertEquals(81.5833, m.preMean(), 1e-4);
        assertEquals(11.825661, m.preSd(), 11.825661 * 1e-6);
        assertEquals(98.05, m.postMean(), 1e-9);
        assertEquals(19.241814, m.postSd(), 19.241814 * 1e-6);
        assertEquals(0.517721, m.correlation(), 1e-6);
    }

    @Test
    void prePostMomentsDoNotDependOnOrderOrSplits() throws IOException {
        List<double[]> rows = new ArrayList<>(Arrays.asList(ReliableChangeTest.das()));
        PrePostMoments whole = PrePostMoments.create();
        rows.forEach(p -> whole.accept(p[0], p[1]));
        Random random = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(rows, random);
            int cut = random.nextInt(rows.size());
            PrePostMoments a = PrePostMoments.create();
            PrePostMoments b = PrePostMoments.create();
            rows.subList(0, cut).forEach(p -> a.accept(p[0], p[1]));
            rows.subList(cut, rows.size()).forEach(p -> b.accept(p[0], p[1]));
            PrePostMoments merged = random.nextBoolean() ? a.combine(b) : b.combine(a);
            assertEquals(whole.preSd(), merged.preSd(), 0.0, "bit-identical");
            assertEquals(whole.correlation(), merged.correlation(), 0.0, "bit-identical");
            assertEquals(whole.postMean(), merged.postMean(), 0.0, "bit-identical");
        }
        assertEquals(Double.NaN, PrePostMoments.create().accept(1, 2).preSd(), "one case has no SD");
        assertThrows(IllegalArgumentException.class, () -> PrePostMoments.create().accept(Double.NaN, 1));
    }

    /**
     * The SDs and correlation come from n Σab − Σa Σb computed exactly: as a long while the difference fits (the
     * products themselves pass 2⁶³ from about 870 000 cases of 30–40-point scores), in BigInteger beyond. Scores of
     * one sign and of both signs, on both sides of those bounds: the result is the exact integer rounded once to
     * double, recomputed here with BigInteger from the raw hundredths.
     */
    @Test
    void prePostMomentsAreExactOnBothSidesOfLongOverflow() {
        Random random = new Random(7);
        for (int n : new int[] {2, 3, 100, 50_000, 800_000, 900_000, 1_200_000, -2, -3, -100, -50_000, -900_000}) {
            boolean mixedSigns = n < 0;
            n = Math.abs(n);
            PrePostMoments m = PrePostMoments.create();
            java.math.BigInteger sx = java.math.BigInteger.ZERO;
            java.math.BigInteger sy = java.math.BigInteger.ZERO;
            java.math.BigInteger sxx = java.math.BigInteger.ZERO;
            java.math.BigInteger syy = java.math.BigInteger.ZERO;
            java.math.BigInteger sxy = java.math.BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                long x = mixedSigns ? random.nextInt(8001) - 4000 : 3000 + random.nextInt(1001);
                long y = mixedSigns ? 2000 - random.nextInt(8001) : random.nextInt(4001);
                m.accept(x / 100.0, y / 100.0);
                java.math.BigInteger bx = java.math.BigInteger.valueOf(x);
                java.math.BigInteger by = java.math.BigInteger.valueOf(y);
                sx = sx.add(bx);
                sy = sy.add(by);
                sxx = sxx.add(bx.multiply(bx));
                syy = syy.add(by.multiply(by));
                sxy = sxy.add(bx.multiply(by));
            }
            java.math.BigInteger bn = java.math.BigInteger.valueOf(n);
            double denominator = (double) n * (n - 1);
            double cxx = sxx.multiply(bn).subtract(sx.multiply(sx)).doubleValue() / denominator;
            double cyy = syy.multiply(bn).subtract(sy.multiply(sy)).doubleValue() / denominator;
            double cxy = sxy.multiply(bn).subtract(sx.multiply(sy)).doubleValue() / denominator;
            assertEquals(Math.sqrt(cxx) / 100.0, m.preSd(), 0.0, "pre SD, n = " + n + (mixedSigns ? ", both signs" : ""));
            assertEquals(Math.sqrt(cyy) / 100.0, m.postSd(), 0.0, "post SD, n = " + n + (mixedSigns ? ", both signs" : ""));
            assertEquals(cxy / Math.sqrt(cxx * cyy), m.correlation(), 0.0, "correlation, n = " + n + (mixedSigns ? ", both signs" : ""));
        }
        // Where n Σx² − (Σx)² itself passes 2⁶³, wrapping long arithmetic would be wrong (NaN here): half the cases
        // at 0 and half at 40 points, n = 2²¹.
        PrePostMoments extreme = PrePostMoments.create().accept(0, 40).accept(40, 0);
        for (int doubling = 1; doubling < 21; doubling++) {
            extreme.combine(extreme); // doubles every sum
        }
        long n = 1L << 21;
        java.math.BigInteger sum = java.math.BigInteger.valueOf(4000L * n / 2);
        java.math.BigInteger squares = java.math.BigInteger.valueOf(4000L * 4000L * (n / 2));
        java.math.BigInteger centred = squares.multiply(java.math.BigInteger.valueOf(n)).subtract(sum.multiply(sum));
        assertEquals(true, centred.bitLength() > 63, "the test needs a centred sum beyond long");
        assertEquals(Math.sqrt(centred.doubleValue() / ((double) n * (n - 1))) / 100.0, extreme.preSd(), 0.0);
        assertEquals(-1.0, extreme.correlation(), 1e-15);
    }

    @Test
    void histogramPercentilesAreType7AndOrderFree() {
        double[] values = {3.2, -1.5, 0.0, 7.1, 2.4, 2.4, 10.0, -4.3, 5.5, 1.1, 0.7};
        // [COMP] type 7 by hand on the sorted values -4.3 -1.5 0 0.7 1.1 2.4 2.4 3.2 5.5 7.1 10:
        // p10: h = 1.0 → -1.5; p25: h = 2.5 → 0 + 0.5·0.7 = 0.35; p50: h = 5 → 2.4; p90: h = 9 → 7.1.
        ChangeHistogram h = ChangeHistogram.create();
        for (double v : values) {
            h.accept(v);
        }
        assertEquals(-1.5, h.percentile(0.10), 1e-12);
        assertEquals(0.35, h.percentile(0.25), 1e-12);
        assertEquals(2.4, h.percentile(0.50), 1e-12);
        assertEquals(7.1, h.percentile(0.90), 1e-12);
        ChangeHistogram a = ChangeHistogram.create();
        ChangeHistogram b = ChangeHistogram.create();
        for (int i = 0; i < values.length; i++) {
            (i % 3 == 0 ? a : b).accept(values[values.length - 1 - i]);
        }
        ChangeHistogram merged = b.combine(a);
        assertEquals(h.percentile(0.25), merged.percentile(0.25), 0.0);
        assertEquals(h.percentile(0.75), merged.percentile(0.75), 0.0);
        assertThrows(IllegalStateException.class, () -> ChangeHistogram.create().percentile(0.5));
    }
}
