package fi.polku.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * There is no external reference vector for bootstrap intervals (REFERENCE.md): coverage is checked by
 * simulation, and the result must not depend on the order of the cases.
 */
class PairedBootstrapTest {
    private static double[][] sample(Random random, int n, double change) {
        double[] pre = new double[n];
        double[] post = new double[n];
        for (int i = 0; i < n; i++) {
            double common = random.nextGaussian();
            pre[i] = 20 + 4 * (0.7 * common + 0.71 * random.nextGaussian());
            post[i] = 20 + change + 4 * (0.7 * common + 0.71 * random.nextGaussian());
        }
        return new double[][] {pre, post};
    }

    @Test
    void coverageOfTheMeanChangeIsNearNominal() {
        // 400 samples of 40 pairs, true mean change 2: a 95 % interval should cover it in about 380 (binomial
        // SD 4.4); accept 360–396 for percentile and BCa alike.
        Random random = new Random(2024);
        int percentile = 0;
        int bca = 0;
        for (int s = 0; s < 400; s++) {
            double[][] d = sample(random, 40, 2);
            PairedBootstrap.Result r = PairedBootstrap.withSeed(s).withReplicates(999).of(d[0], d[1],
                    PairedBootstrap.Statistic.MEAN_CHANGE);
            percentile += r.percentileLower() < 2 && 2 < r.percentileUpper() ? 1 : 0;
            bca += r.bcaLower() < 2 && 2 < r.bcaUpper() ? 1 : 0;
        }
        assertTrue(percentile >= 360 && percentile <= 396, "percentile coverage " + percentile + "/400");
        assertTrue(bca >= 360 && bca <= 396, "BCa coverage " + bca + "/400");
    }

    @Test
    void theSameSeedGivesTheSameIntervalInAnyOrder() {
        double[][] d = sample(new Random(7), 60, 1.5);
        PairedBootstrap.Result first = PairedBootstrap.withSeed(99).of(d[0], d[1], PairedBootstrap.Statistic.G_AV);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        double[] pre = new double[60];
        double[] post = new double[60];
        for (int i = 0; i < 60; i++) {
            pre[i] = d[0][order.get(i)];
            post[i] = d[1][order.get(i)];
        }
        PairedBootstrap.Result shuffled = PairedBootstrap.withSeed(99).of(pre, post, PairedBootstrap.Statistic.G_AV);
        assertEquals(first, shuffled);
        assertTrue(first.bcaLower() < first.estimate() && first.estimate() < first.bcaUpper(), first.toString());
        PairedBootstrap.Result other = PairedBootstrap.withSeed(100).of(d[0], d[1], PairedBootstrap.Statistic.G_AV);
        assertTrue(other.percentileLower() != first.percentileLower(), "another seed resamples differently");
    }

    /**
     * Drawing indices in blocks (for speed) must not change a single draw or the order of the sums: a sample of
     * 2 × 4 096 + 17 pairs (two whole blocks and a partial one) gives, to the last bit, the intervals of the previous
     * implementation, which summed each pair as it was drawn (values recorded from commit 584a091's engine jar, Java
     * 17.0.15, with this sample, seed 20240801 and 2 000 replicates; {@code Double.toHexString}).
     */
    @Test
    void blockedDrawsGiveThePreviousImplementationsIntervalsExactly() {
        int n = 2 * 4096 + 17;
        Random random = new Random(8209);
        double[] pre = new double[n];
        double[] post = new double[n];
        for (int i = 0; i < n; i++) {
            pre[i] = Math.round((18 + random.nextGaussian() * 6) * 100) / 100.0;
            post[i] = Math.round((pre[i] + 2.5 + random.nextGaussian() * 5) * 100) / 100.0;
        }
        assertIntervals(PairedBootstrap.withSeed(20240801L).of(pre, post, PairedBootstrap.Statistic.MEAN_CHANGE),
                "0x1.3563102c3561fp1", "0x1.5036f7ca504e7p1", "0x1.356016ad2062ap1", "0x1.50303609d5a8cp1");
        assertIntervals(PairedBootstrap.withSeed(20240801L).of(pre, post, PairedBootstrap.Statistic.G_AV),
                "0x1.694f3473ed3e5p-2", "0x1.899763c9bab4cp-2", "0x1.68d3c08b99554p-2", "0x1.895e6954f901fp-2");
    }

    /** All 2 000 replicates used, and percentile and BCa bounds equal to these hexadecimal doubles. */
    private static void assertIntervals(PairedBootstrap.Result r, String percentileLower, String percentileUpper,
                                        String bcaLower, String bcaUpper) {
        assertEquals(2000, r.usedReplicates());
        assertEquals(Double.parseDouble(percentileLower), r.percentileLower(), 0.0);
        assertEquals(Double.parseDouble(percentileUpper), r.percentileUpper(), 0.0);
        assertEquals(Double.parseDouble(bcaLower), r.bcaLower(), 0.0);
        assertEquals(Double.parseDouble(bcaUpper), r.bcaUpper(), 0.0);
    }
}
