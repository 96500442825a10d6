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
