package fi.polku.jobs.export;

import fi.polku.contract.ColumnType;
import java.util.regex.Pattern;

/**
 * Which values of the Finnish CSV Excel would not keep as written, by the conversions Excel applies when it
 * opens a CSV ("General" column format): anything that reads as a number (leading zeros are lost: {@code 01}
 * becomes 1; exponents, percentages, fractions and leading signs are parsed), as a date or time under a
 * Finnish or English locale ({@code 6-12} becomes 6 December, {@code 2025-05} May 2025, {@code 1.3.2025} a
 * date), or as a formula ({@code =}, {@code +}, {@code -}, {@code @} first); and integers with more than 15
 * digits, which Excel rounds (its numbers keep 15 significant digits). Such values are quoted in csv-fi.
 */
final class ExcelText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d[\\d\\u00a0 ]*([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?\\s*%?");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}\\s*[-./]\\s*\\d{1,2}(\\s*[-./]\\s*\\d{1,4})?\\.?"
            + "|\\d{1,2}\\s*[-./ ]\\s*\\p{L}{3,}(\\s*[-./ ]\\s*\\d{1,4})?|\\p{L}{3,}\\s*[-./ ]\\s*\\d{1,4}");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}[:.]\\d{2}([:.]\\d{2})?(\\s*[ap]m)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRACTION = Pattern.compile("\\d+\\s*/\\s*\\d+|\\d+ \\d+/\\d+");
    private static final int EXCEL_DIGITS = 15;

    private ExcelText() {
    }

    /** Whether Excel, opening the text as a cell of a CSV, could store something other than this text. */
    static boolean wouldConvert(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char first = t.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || NUMBER.matcher(t).matches() || DATE.matcher(t).matches()
                || TIME.matcher(t).matches() || FRACTION.matcher(t).matches();
    }

    /** Whether a csv-fi field must be quoted: text that Excel would convert, or an integer too long for Excel. */
    static boolean keepAsText(ColumnType type, String field) {
        return switch (type) {
            case STRING -> wouldConvert(field);
            case INT32, INT64 -> field.replace("-", "").length() > EXCEL_DIGITS;
            case DATE -> !field.isEmpty();
            default -> false;
        };
    }

    /** Whether a whole column is text in spreadsheets and statistics programs: text, or integers that can exceed 15 digits. */
    static boolean textColumn(ColumnType type, String column) {
        return type == ColumnType.STRING || column.endsWith("_seed");
    }
}
