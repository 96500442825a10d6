package fi.polku.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The block draws must be Commons Math 3.6.1's {@code Well19937c.nextInt(bound)} stream, value for value: the
 * bootstrap's intervals (and the report's goldens) are pinned to that stream. The reference is the library itself.
 */
class ResamplingIndicesTest {
    /** Bounds on both of nextInt's paths (power of two: scaling; otherwise: rejection), small to the largest int. */
    private static final int[] BOUNDS = {1, 2, 3, 5, 7, 64, 100, 1000, 65_536, 70_001, 1 << 20, 999_983, 1 << 30,
        1_000_000_007, (1 << 30) + 1, Integer.MAX_VALUE};

    @Test
    void blocksGiveWell19937cNextIntValueForValueInterleavedWithSingleCalls() {
        Random plan = new Random(20_240_801);
        int[] block = new int[5000];
        long compared = 0;
        for (int s = 0; s < 40; s++) {
            long seed = plan.nextLong();
            for (int bound : BOUNDS) {
                Well19937c reference = new Well19937c(seed);
                ResamplingIndices draws = new ResamplingIndices(seed);
                for (int round = 0; round < 6; round++) {
                    // Block sizes 0 .. 5000 (over the generator's 624-word state several times), then one single
                    // call through the superclass: the index and state left by a block must be the ones nextInt sees.
                    int count = plan.nextInt(block.length + 1);
                    draws.nextInts(block, count, bound);
                    for (int k = 0; k < count; k++) {
                        assertEquals(reference.nextInt(bound), block[k], () -> "seed " + seed + ", bound " + bound);
                    }
                    assertEquals(reference.nextInt(bound), draws.nextInt(bound), "single call after a block");
                    compared += count + 1;
                }
            }
        }
        assertEquals(true, compared > 1_000_000, "compared " + compared + " draws");
    }

    @Test
    void theRejectionStepIsTakenAsTheLibraryTakesIt() {
        // With bound 2^30 + 1 almost half of all 31-bit values fall in the incomplete last multiple and are redrawn:
        // a block that skipped or repeated a redraw would drift off the reference at once.
        int bound = (1 << 30) + 1;
        Well19937c reference = new Well19937c(1L);
        ResamplingIndices draws = new ResamplingIndices(1L);
        int[] block = new int[100_000];
        draws.nextInts(block, block.length, bound);
        for (int value : block) {
            assertEquals(reference.nextInt(bound), value);
        }
        assertEquals(reference.nextLong(), draws.nextLong(), "the rest of the stream");
    }

    @Test
    void badArgumentsAreRefusedByName() {
        ResamplingIndices draws = new ResamplingIndices(3L);
        int[] block = new int[4];
        assertEquals("bound must be positive, was 0",
                assertThrows(IllegalArgumentException.class, () -> draws.nextInts(block, 1, 0)).getMessage());
        assertEquals("count must be in 0..4, was 5",
                assertThrows(IllegalArgumentException.class, () -> draws.nextInts(block, 5, 10)).getMessage());
    }
}
