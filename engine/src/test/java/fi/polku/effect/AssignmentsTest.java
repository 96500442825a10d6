package fi.polku.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Assignments of k treated among n units: all of them, or the observed one and a seeded sample. */
class AssignmentsTest {
    @Test
    void allAssignmentsWhenThereAreFewEnough() {
        // C(6, 2) = 15.
        Assignments a = Assignments.of(6, 0b000011, 15, 1);
        assertTrue(a.exhaustive());
        assertEquals(15, a.total());
        assertEquals(15, new HashSet<>(a.sets()).size());
        assertEquals(0b000011L, a.sets().get(0), "the observed assignment first");
        a.sets().forEach(m -> assertEquals(2, Long.bitCount(m)));
    }

    @Test
    void aSeededSampleOtherwiseReproducibleAndDistinct() {
        // C(30, 4) = 27 405 > 200: the observed one and 199 distinct others.
        Assignments a = Assignments.of(30, 0b1111, 200, 42);
        assertFalse(a.exhaustive());
        assertEquals(27_405, a.total());
        assertEquals(200, new HashSet<>(a.sets()).size());
        assertEquals(0b1111L, a.sets().get(0));
        a.sets().forEach(m -> assertTrue(Long.bitCount(m) == 4 && m >>> 30 == 0));
        assertEquals(a.sets(), Assignments.of(30, 0b1111, 200, 42).sets(), "same seed, same sample");
        assertNotEquals(a.sets(), Assignments.of(30, 0b1111, 200, 43).sets());
    }

    @Test
    void unitsBeyondAMaskAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Assignments.of(63, 1, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> Assignments.of(4, 0b10000, 100, 1));
        // Python math.comb(62, 31): the largest count a mask of 62 units can need, still exact in a long.
        assertEquals(465_428_353_255_261_088L, Assignments.binomial(62, 31));
    }
}
