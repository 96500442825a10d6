package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The pre-trend wording rule at its boundaries (values constructed at and beside 0.05 and 0.10). */
class PreTrendTest {
    @Test
    void wordingFollowsThePBoundaries() {
        assertEquals(PreTrend.CLEAR_SIGN, PreTrend.of(0.0499));
        assertEquals(PreTrend.WEAK_SIGN, PreTrend.of(0.05));
        // The demo's 0.077 (review of issue 19) is a weak sign, not "no sign".
        assertEquals(PreTrend.WEAK_SIGN, PreTrend.of(0.077));
        assertEquals(PreTrend.WEAK_SIGN, PreTrend.of(0.0999));
        assertEquals(PreTrend.NO_CLEAR_SIGN, PreTrend.of(0.10));
        assertThrows(IllegalArgumentException.class, () -> PreTrend.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PreTrend.of(1.5));
    }
}
