package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The minimum detectable reduction on null distributions worked by hand. */
class MinimumDetectableEffectTest {
    @Test
    void rankTestMdeWorkedByHand() {
        // Constructed: 19 placebos −9 … 9. p = (1 + #{|S| ≥ |T|}) / 20 ≤ 0.05 needs |T| > 9 (r = 0, c = max |S| = 9).
        // Shifted by −d, #{S − d < −9} ≥ 0.8 · 19 = 15.2 needs 16 values below d − 9: −9 … 6, so d > 15.
        double[] s = IntStream.rangeClosed(-9, 9).asDoubleStream().toArray();
        assertEquals(15, MinimumDetectableEffect.ofReduction(s, 0.05, 0.80).getAsDouble(), 1e-12);
        // Constructed: 39 placebos −19 … 19: r = ⌊0.05 · 40⌋ − 1 = 1, c = the 2nd largest |S| = 19 (a tie); 0.8 · 39
        // = 31.2 needs 32 values below d − 19: −19 … 12, so d > 31.
        double[] t = IntStream.rangeClosed(-19, 19).asDoubleStream().toArray();
        assertEquals(31, MinimumDetectableEffect.ofReduction(t, 0.05, 0.80).getAsDouble(), 1e-12);
    }

    @Test
    void tooFewAssignmentsCannotReachTheLevel() {
        // 18 placebos: the smallest p is 1/19 > 0.05.
        double[] s = IntStream.range(0, 18).asDoubleStream().toArray();
        assertTrue(MinimumDetectableEffect.ofReduction(s, 0.05, 0.80).isEmpty());
    }

    @Test
    void analyticIsTheSumOfQuantilesTimesTheSe() {
        // qnorm(0.975) + qnorm(0.8) = 1.959964 + 0.841621 (R 4.2.2); qt(0.975, 7) + qt(0.8, 7) = 2.364624 + 0.896030.
        assertEquals(2.801585, MinimumDetectableEffect.analytic(1, null, 0.05, 0.80), 1e-6);
        assertEquals(2 * (2.364624 + 0.896030), MinimumDetectableEffect.analytic(2, 7, 0.05, 0.80), 2e-6);
        assertThrows(IllegalArgumentException.class, () -> MinimumDetectableEffect.analytic(-1, null, 0.05, 0.8));
        assertThrows(IllegalArgumentException.class, () -> MinimumDetectableEffect.ofReduction(new double[0], 0.05, 0.8));
    }
}
