package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldSyntax} accepts exactly what the regular expressions it replaced on the row path accepted (the
 * expressions below are copied from RowReader before the change), on hand-picked edge cases and on random
 * strings over the characters that matter.
 */
class FieldSyntaxTest {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,63}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    @Test
    void edgeCasesAgreeWithTheExpressions() {
        List<String> cases = List.of("", "-", "+", "1", "-1", "+1", "--1", "1.", ".1", "1.5", "1,5", "1.5.5", "1,5,", "+-1",
                "1e5", " 1", "1 ", "٣", "DEMO-ES-000001", "_a", "a_", "a:b.c-d", "ä", "A".repeat(64), "A".repeat(65),
                "a".repeat(63) + "-", "0x", "12-17");
        for (String c : cases) {
            assertAgree(c);
        }
    }

    @Test
    void randomStringsAgreeWithTheExpressions() {
        String alphabet = "09aZ-+.,_: ä٣";
        Random random = new Random(20240801);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(n % 100 == 0 ? 70 : 7);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertAgree(s.toString());
        }
    }

    private static void assertAgree(String s) {
        assertEquals(IDENTIFIER.matcher(s).matches(), FieldSyntax.isIdentifier(s), "identifier '" + s + "'");
        assertEquals(DECIMAL.matcher(s).matches(), FieldSyntax.isDecimal(s), "decimal '" + s + "'");
        assertEquals(INTEGER.matcher(s).matches(), FieldSyntax.isInteger(s), "integer '" + s + "'");
    }
}
