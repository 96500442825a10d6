package fi.polku.jobs.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table cell's text read back as numbers, for the workbook: the inverse of {@link Messages#number},
 * {@link Messages#percent}, {@link Messages#interval} and {@link Messages#percentInterval} in the page's
 * language (decimal comma and no-break-space groups in Finnish, point and comma in English, "−" for minus,
 * the range dash with its invisible word joiners U+2060). Text of any other form stays text.
 *
 * @param kind     what the text was
 * @param estimate the number (a share 0–1 for percentages), or NaN for text and blanks
 * @param lower    the interval's lower end, or NaN
 * @param upper    the interval's upper end, or NaN
 * @param decimals decimals shown on the page (of the percentage for shares)
 */
record CellValue(Kind kind, double estimate, double lower, double upper, int decimals) {
    /** The forms a cell can have. */
    enum Kind { TEXT, BLANK, NUMBER, PERCENT, INTERVAL, PERCENT_INTERVAL }

    private static final String DASH = "–";

    /** Reads a cell's text written by {@link Messages} of the given language ("fi" or "en"). */
    static CellValue read(String text, String lang) {
        String t = text.replace("\u2060", "").strip();
        if (t.equals(DASH) || t.isEmpty()) {
            return new CellValue(Kind.BLANK, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        String group = lang.equals("fi") ? "\u00a0" : ",";
        String point = lang.equals("fi") ? "," : ".";
        String num = "(−?\\d{1,3}(?:" + Pattern.quote(group) + "\\d{3})*(?:" + Pattern.quote(point) + "\\d+)?)";
        String pct = "\u00a0%";
        Matcher m = Pattern.compile(num).matcher(t);
        if (m.matches()) {
            return new CellValue(Kind.NUMBER, parse(m.group(1), group, point), Double.NaN, Double.NaN, decimals(m.group(1), point));
        }
        m = Pattern.compile(num + pct).matcher(t);
        if (m.matches()) {
            return new CellValue(Kind.PERCENT, parse(m.group(1), group, point) / 100, Double.NaN, Double.NaN, decimals(m.group(1), point));
        }
        m = Pattern.compile(num + " \\(" + num + DASH + num + "\\)").matcher(t);
        if (m.matches()) {
            return new CellValue(Kind.INTERVAL, parse(m.group(1), group, point), parse(m.group(2), group, point),
                    parse(m.group(3), group, point), decimals(m.group(1), point));
        }
        m = Pattern.compile(num + pct + " \\(" + num + DASH + num + pct + "\\)").matcher(t);
        if (m.matches()) {
            return new CellValue(Kind.PERCENT_INTERVAL, parse(m.group(1), group, point) / 100, parse(m.group(2), group, point) / 100,
                    parse(m.group(3), group, point) / 100, decimals(m.group(1), point));
        }
        return new CellValue(Kind.TEXT, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /** A cell kept as text (a label). */
    static CellValue text() {
        return new CellValue(Kind.TEXT, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    boolean isInterval() {
        return kind == Kind.INTERVAL || kind == Kind.PERCENT_INTERVAL;
    }

    boolean isPercent() {
        return kind == Kind.PERCENT || kind == Kind.PERCENT_INTERVAL;
    }

    boolean isNumeric() {
        return kind != Kind.TEXT && kind != Kind.BLANK;
    }

    private static double parse(String s, String group, String point) {
        return Double.parseDouble(s.replace(group, "").replace(point, ".").replace('−', '-').toLowerCase(Locale.ROOT));
    }

    private static int decimals(String s, String point) {
        int at = s.indexOf(point);
        return at < 0 ? 0 : s.length() - at - 1;
    }
}
