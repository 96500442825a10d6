package fi.polku.ingest;

/**
 * The shapes a field's text must have before it is read as a pseudonym or a number, checked character by
 * character: these run for several fields of every input row, where a regular expression's matcher costs an
 * allocation and a backtracking walk each time. Each method accepts exactly the language of the expression
 * in its comment ({@code \d} being ASCII 0-9, as in {@link java.util.regex.Pattern} without flags).
 */
final class FieldSyntax {
    /** Characters a pseudonym may have after its first (which is a letter or digit). */
    private static final int IDENTIFIER_MAX = 64;

    private FieldSyntax() {
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}}: a pseudonym of 1-64 characters. */
    static boolean isIdentifier(String v) {
        int n = v.length();
        if (n == 0 || n > IDENTIFIER_MAX || !isAlphanumeric(v.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = v.charAt(i);
            if (!isAlphanumeric(c) && c != '_' && c != '.' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [-+]?\d+}: a whole number with an optional sign. */
    static boolean isInteger(String v) {
        int i = sign(v);
        int end = digits(v, i);
        return end > i && end == v.length();
    }

    /** {@code [-+]?\d+([.,]\d+)?}: a number with an optional sign and an optional point or comma part. */
    static boolean isDecimal(String v) {
        int i = sign(v);
        int end = digits(v, i);
        if (end == i) {
            return false;
        }
        if (end == v.length()) {
            return true;
        }
        char c = v.charAt(end);
        if (c != '.' && c != ',') {
            return false;
        }
        int fraction = digits(v, end + 1);
        return fraction > end + 1 && fraction == v.length();
    }

    private static int sign(String v) {
        return !v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '+') ? 1 : 0;
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digits(String v, int from) {
        int i = from;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
