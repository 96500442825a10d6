package fi.polku.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoissonRateTest {
    @Test
    void exactIntervalsMatchPoissonTest() {
        // R 4.2.2 poisson.test(10)$conf.int: 4.795389 18.390356 (Garwood exact interval).
        PoissonRate r = PoissonRate.of(10, 1000, 1000, 0.95);
        assertEquals(10.0, r.rate(), 1e-12);
        assertEquals(4.795389, r.lower(), 4.795389 * 1e-6);
        assertEquals(18.390356, r.upper(), 18.390356 * 1e-6);
        // R 4.2.2 poisson.test(0)$conf.int: 0 3.688879.
        PoissonRate zero = PoissonRate.of(0, 1000, 1000, 0.95);
        assertEquals(0.0, zero.lower(), 0.0);
        assertEquals(3.688879, zero.upper(), 3.688879 * 1e-6);
    }

    @Test
    void ratesScaleByPopulation() {
        // 212 emergency placements among 7 130 13-17-year-olds: 29.73 per 1 000.
        PoissonRate r = PoissonRate.perThousand(212, 7130);
        assertEquals(212 * 1000.0 / 7130, r.rate(), 1e-12);
        assertEquals(true, r.lower() < r.rate() && r.rate() < r.upper());
        assertThrows(IllegalArgumentException.class, () -> PoissonRate.perThousand(1, 0));
        assertThrows(IllegalArgumentException.class, () -> PoissonRate.perThousand(-1, 10));
    }
}
