package fi.polku.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Finnish personal identity codes (henkilötunnus) in text.
 *
 * <p>Format {@code DDMMYYCNNNT}: a birth date, a century sign ({@code +} 1800s; {@code -YXWVU} 1900s;
 * {@code ABCDEF} 2000s, the new signs in use since 2023), an individual number 002–999 (900–999 are
 * temporary codes) and a check character {@code "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN mod 31]}. A
 * candidate counts only if its date exists and its check character is right, so ordinary dates, phone
 * numbers and counters are not flagged. Letters are matched in either case.
 *
 * <p>Codes are found <em>anywhere</em>, also glued into a longer token ({@code X131052-308T},
 * {@code 1131052-308TX}): a pseudonym built from a code is still the code. The hyphen century sign is also
 * recognised when a word processor or spreadsheet has turned it into another dash (U+2010 to U+2015, U+2212,
 * U+00AD), since such a code identifies the person just as well. The price is a small false-positive rate on
 * random pseudonyms that happen to contain a valid code; the README states it as measured for common
 * pseudonym shapes.
 *
 * <p>Reference: Digital and Population Data Services Agency, "Personal identity code"; test vectors in
 * {@code shared/reference/hetu_test_vectors.csv}.
 */
public final class IdentityCodes {
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final int LENGTH = 11;
    /** The offsets of a code's nine digits, the likeliest to fail first (next to the century sign) leading. */
    private static final int[] DIGITS = {5, 7, 4, 8, 9, 0, 1, 2, 3};

    private IdentityCodes() {
    }

    /** Whether {@code text} is exactly one valid identity code. */
    public static boolean isValid(CharSequence text) {
        return text.length() == LENGTH && validAt(text, 0);
    }

    /**
     * The 0-based start offsets of every valid identity code in {@code text}, in order. The codes themselves
     * are never returned, so callers cannot echo them by accident.
     */
    public static List<Integer> find(CharSequence text) {
        List<Integer> found = new ArrayList<>(0);
        int last = text.length() - LENGTH;
        for (int i = 0; i <= last; i++) {
            if (isCenturySign(text.charAt(i + 6)) && validAt(text, i)) {
                found.add(i);
                i += LENGTH - 1;
            }
        }
        return found;
    }

    /** Whether {@code text} contains at least one valid identity code. */
    public static boolean containsAny(CharSequence text) {
        return !find(text).isEmpty();
    }

    private static boolean validAt(CharSequence s, int i) {
        for (int k : DIGITS) {
            char c = s.charAt(i + k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int century = century(s.charAt(i + 6));
        if (century < 0) {
            return false;
        }
        int day = digits(s, i, 2);
        int month = digits(s, i + 2, 2);
        int year = century + digits(s, i + 4, 2);
        int individual = digits(s, i + 7, 3);
        if (individual < 2) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return false;
        }
        long number = digits(s, i, 6) * 1000L + individual;
        char expected = CHECK.charAt((int) (number % 31));
        return Character.toUpperCase(s.charAt(i + 10)) == expected;
    }

    private static boolean isCenturySign(char c) {
        return century(c) >= 0;
    }

    private static int century(char c) {
        switch (Character.toUpperCase(c)) {
            case '+':
                return 1800;
            case '-': case 'Y': case 'X': case 'W': case 'V': case 'U':
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015':
            case '\u2212': case '\u00AD':
                return 1900;
            case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
                return 2000;
            default:
                return -1;
        }
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            v = v * 10 + (s.charAt(from + k) - '0');
        }
        return v;
    }
}
