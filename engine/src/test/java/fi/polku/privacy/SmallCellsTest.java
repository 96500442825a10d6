package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Suppression rules, and an attack: no hidden small count can be recovered from the total and the shown parts. */
class SmallCellsTest {
    private static Map<String, Long> parts(long... counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            m.put("c" + i, counts[i]);
        }
        return m;
    }

    @Test
    void oneSmallCountTakesTheSmallestOtherWithIt() {
        Map<String, String> hidden = SmallCells.suppress(parts(12, 3, 0, 20, 7), 5);
        assertEquals(Map.of("c1", SmallCells.PRIMARY, "c4", SmallCells.SECONDARY), hidden);
    }

    @Test
    void twoSmallCountsProtectEachOtherAndZerosAreShown() {
        Map<String, String> hidden = SmallCells.suppress(parts(12, 3, 0, 20, 2), 5);
        assertEquals(Map.of("c1", SmallCells.PRIMARY, "c4", SmallCells.PRIMARY), hidden);
    }

    @Test
    void aSmallTotalHidesEverything() {
        assertEquals(3, SmallCells.suppress(parts(2, 1, 0), 5).size());
    }

    @Test
    void noHiddenSmallCountCanBeDerivedFromTheTotal() {
        // Attack: with the total and the shown parts, the sum of the hidden ones is known; if only one part is
        // hidden, or the hidden parts' sum identifies a small one alone, the rule failed.
        Random random = new Random(1);
        for (int trial = 0; trial < 5000; trial++) {
            int size = 2 + random.nextInt(4);
            long[] counts = new long[size];
            long total = 0;
            for (int i = 0; i < size; i++) {
                counts[i] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(40);
                total += counts[i];
            }
            Map<String, Long> p = parts(counts);
            Map<String, String> hidden = SmallCells.suppress(p, 5);
            long hiddenNonZero = hidden.keySet().stream().filter(n -> p.get(n) > 0).count();
            boolean anySmallShown = p.entrySet().stream().anyMatch(e -> e.getValue() > 0 && e.getValue() < 5 && !hidden.containsKey(e.getKey()));
            assertTrue(!anySmallShown, "a small count is shown: " + p + " hidden " + hidden);
            assertTrue(hidden.isEmpty() || hiddenNonZero >= 2 || total < 5 && total > 0,
                    "a lone hidden count equals total minus the shown: " + p + " hidden " + hidden);
        }
    }
}
