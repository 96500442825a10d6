package fi.polku.jobs.ingest;

import fi.polku.ingest.NumberStyle;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * How many decimal numbers with a point and with a comma each column of a file holds, over the whole file,
 * and where the first of each stood. The decimal separator is decided from the columns the contract reads
 * only, so a time of day ({@code 12.30}) in a column nobody reads cannot sway it.
 *
 * <p>Rule: the separator of the clear majority wins when the other kind is under {@link #STRAY_SHARE} of the
 * decimal numbers read (those few rows are typing slips, quarantined by the row rules as
 * {@code wrong_decimal_separator}); a larger mix is ambiguous and the file is refused, saying where each kind
 * was first seen, rather than quarantining a large share of rows that may be right.
 */
final class DecimalEvidence implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest share of the decimal numbers read that may use the other separator (as slips). */
    static final double STRAY_SHARE = 0.05;

    /**
     * By 1-based column: {points, commas, first point line, first comma line}, or null before its first decimal.
     * An array, not a map: this is called for every field of the file on the driver's one read of it.
     */
    private long[][] columns = new long[16][];

    void record(int column, int kind, long line) {
        if (kind < 0) {
            return;
        }
        if (column >= columns.length) {
            columns = Arrays.copyOf(columns, Math.max(column + 1, 2 * columns.length));
        }
        long[] c = columns[column];
        if (c == null) {
            c = new long[4];
            columns[column] = c;
        }
        c[kind]++;
        if (c[2 + kind] == 0) {
            c[2 + kind] = line;
        }
    }

    /**
     * The file's decimal separator: the majority's in the read columns (a point when they hold no decimals).
     *
     * @param name    the file, for the message
     * @param read    whether a 1-based column is read by the contract
     * @param label   how a message names a 1-based column
     * @throws InputRejected when the read columns hold both kinds and the smaller is not a few slips
     */
    NumberStyle decide(String name, IntPredicate read, IntFunction<String> label) {
        long points = 0;
        long commas = 0;
        String firstPoint = null;
        String firstComma = null;
        long firstPointLine = Long.MAX_VALUE;
        long firstCommaLine = Long.MAX_VALUE;
        for (int column = 1; column < columns.length; column++) {
            long[] c = columns[column];
            if (c == null || !read.test(column)) {
                continue;
            }
            points += c[0];
            commas += c[1];
            if (c[0] > 0 && c[2] < firstPointLine) {
                firstPointLine = c[2];
                firstPoint = "line " + c[2] + ", column " + label.apply(column);
            }
            if (c[1] > 0 && c[3] < firstCommaLine) {
                firstCommaLine = c[3];
                firstComma = "line " + c[3] + ", column " + label.apply(column);
            }
        }
        if (Math.min(points, commas) > STRAY_SHARE * (points + commas)) {
            throw new InputRejected(name + ": the decimal separator is ambiguous: " + points + " number(s) with a decimal"
                    + " point (the first on " + firstPoint + ") and " + commas + " with a decimal comma (the first on "
                    + firstComma + "); use one separator throughout the file");
        }
        return commas > points ? NumberStyle.DECIMAL_COMMA : NumberStyle.DECIMAL_POINT;
    }
}
