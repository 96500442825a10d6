package fi.polku.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How often the identity-code screen stops a file of harmless pseudonyms (issue 17, Deliver 2): 10 million
 * generated pseudonyms of the shapes counties use, 2 million per shape, seeded. Since codes are found
 * anywhere in a value, a random pseudonym can contain a valid code by chance; the rates printed here are
 * the ones the README quotes. Shapes without a run of six digits followed by a century sign cannot match at
 * all, and that is asserted exactly.
 */
class IdentityCodeFalsePositiveTest {
    private static final int PER_SHAPE = 2_000_000;
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String random(SplittableRandom r, char[] alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet[r.nextInt(alphabet.length)];
        }
        return new String(c);
    }

    private static String uuid(SplittableRandom r) {
        return new UUID(r.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                r.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    @Test
    void falsePositiveRatesOnTenMillionPseudonyms() {
        Map<String, Function<SplittableRandom, String>> shapes = new LinkedHashMap<>();
        shapes.put("county serial (ES-0001234567)", r -> String.format(Locale.ROOT, "ES-%010d", r.nextLong(10_000_000_000L)));
        shapes.put("letters+digits, 12 random [A-Z0-9]", r -> random(r, ALNUM, 12));
        shapes.put("UUID v4, lower case", IdentityCodeFalsePositiveTest::uuid);
        shapes.put("UUID v4, upper case", r -> uuid(r).toUpperCase(Locale.ROOT));
        shapes.put("SHA-256 hex, 64 characters", r -> random(r, HEX, 64));
        Map<String, Long> hits = new LinkedHashMap<>();
        SplittableRandom seeds = new SplittableRandom(20261201L);
        long total = 0;
        for (Map.Entry<String, Function<SplittableRandom, String>> shape : shapes.entrySet()) {
            SplittableRandom r = seeds.split();
            long n = 0;
            for (int i = 0; i < PER_SHAPE; i++) {
                n += IdentityCodes.containsAny(shape.getValue().apply(r)) ? 1 : 0;
            }
            hits.put(shape.getKey(), n);
            total += PER_SHAPE;
        }
        assertEquals(10_000_000L, total);
        StringBuilder report = new StringBuilder("Identity-code screen, false positives per pseudonym (seed 20261201):\n");
        hits.forEach((shape, n) -> report.append(String.format(Locale.ROOT, "  %-36s %8d of %,d = %.2e%n", shape, n,
                PER_SHAPE, n / (double) PER_SHAPE)));
        System.out.print(report);
        // A digit-only serial has no century sign after six digits; 12 random characters leave 2 places for a code.
        assertEquals(0L, hits.get("county serial (ES-0001234567)"));
        for (Map.Entry<String, Long> e : hits.entrySet()) {
            assertTrue(e.getValue() / (double) PER_SHAPE < 1e-3, report::toString);
        }
    }
}
