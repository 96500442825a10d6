package fi.polku.jobs.ingest;

/**
 * Recognises, one byte at a time, a field that is a decimal number with a fractional part ({@code 12.5},
 * {@code -3,25}, surrounding spaces allowed), and which separator it uses. Dates ({@code 1.3.2025}), whole
 * numbers and text are not decimals.
 */
final class NumberShape {
    /** Kinds of {@link #decimalKind()}. */
    static final int POINT = 0;
    static final int COMMA = 1;

    private static final int START = 0;
    private static final int SIGN = 1;
    private static final int WHOLE = 2;
    private static final int SEPARATOR = 3;
    private static final int FRACTION = 4;
    private static final int TRAILING = 5;
    private static final int OTHER = 6;

    private int state = START;
    private int kind = -1;

    void accept(int b) {
        boolean digit = b >= '0' && b <= '9';
        boolean space = b == ' ' || b == '\t';
        state = switch (state) {
            case START -> space ? START : b == '-' || b == '+' ? SIGN : digit ? WHOLE : OTHER;
            case SIGN -> digit ? WHOLE : OTHER;
            case WHOLE -> digit ? WHOLE : b == '.' || b == ',' ? separator(b) : OTHER;
            case SEPARATOR, FRACTION -> digit ? FRACTION : space && state == FRACTION ? TRAILING : OTHER;
            case TRAILING -> space ? TRAILING : OTHER;
            default -> OTHER;
        };
    }

    private int separator(int b) {
        kind = b == '.' ? POINT : COMMA;
        return SEPARATOR;
    }

    /** The field cannot be a number (e.g. it held a doubled quote). */
    void reject() {
        state = OTHER;
    }

    /** {@link #POINT} or {@link #COMMA} when the field seen so far is a decimal number, else -1. */
    int decimalKind() {
        return state == FRACTION || state == TRAILING ? kind : -1;
    }

    void reset() {
        state = START;
        kind = -1;
    }
}
