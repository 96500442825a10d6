package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CostOffsetTest {
    @Test
    void rateRatioCarriesItsIntervalThrough() {
        // [COMP] 88 placements observed with RR 0.8 (0.5–1.2): expected 110, so 22 avoided; ends 88·(1/1.2 − 1) and 88·(1/0.5 − 1).
        CostOffset c = CostOffset.fromRateRatio(0.8, 0.5, 1.2, 88, 1000);
        assertEquals(22, c.avoided(), 1e-9);
        assertEquals(88 * (1 / 1.2 - 1), c.avoidedLower(), 1e-9);
        assertEquals(88, c.avoidedUpper(), 1e-9);
        assertEquals(22000, c.costEuros(), 1e-6);
    }

    @Test
    void rateDifferenceScalesByPopulation() {
        // [COMP] −1.5 per 1 000 (−4.4 … 1.4) among 7 473: 11.21 avoided (−10.46 … 32.88).
        CostOffset c = CostOffset.fromRateDifference(-1.5, -4.4, 1.4, 7473, 500);
        assertEquals(1.5 * 7.473, c.avoided(), 1e-9);
        assertEquals(-1.4 * 7.473, c.avoidedLower(), 1e-9);
        assertEquals(4.4 * 7.473, c.avoidedUpper(), 1e-9);
        assertEquals(1.5 * 7.473 * 500, c.costEuros(), 1e-6);
    }
}
