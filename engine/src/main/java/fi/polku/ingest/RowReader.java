package fi.polku.ingest;

import fi.polku.contract.Codes;
import fi.polku.region.Region;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads typed values out of one raw record, collecting a {@link Problem} for every broken rule instead of
 * stopping at the first, so a user sees everything wrong with a row at once. Messages never repeat the
 * value of an identifier column.
 */
final class RowReader {
    private static final DateTimeFormatter FINNISH_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Earliest plausible measurement date: FIT and 3X10D were not in Finnish use before. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** The longest value a reason repeats in full. */
    static final int SHOWN = 80;

    private final FieldLayout layout;
    private final RawRecord record;
    private final NumberStyle style;
    private final IngestContext context;
    private final List<Problem> problems = new ArrayList<>();
    private String region;

    RowReader(FieldLayout layout, RawRecord record, NumberStyle style, IngestContext context) {
        this.layout = layout;
        this.record = record;
        this.style = style;
        this.context = context;
    }

    /** The stripped text of a column, or null when the column is absent or the field blank. */
    String text(String column) {
        String v = record.field(layout.indexOf(column));
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    String required(String column) {
        String v = text(column);
        if (v == null) {
            problem(column, ReasonCode.MISSING_REQUIRED, "is required but blank");
        }
        return v;
    }

    String identifier(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v != null && !FieldSyntax.isIdentifier(v)) {
            problem(column, ReasonCode.BAD_IDENTIFIER,
                    "is not a pseudonym of 1-64 letters, digits and _ . : - (value not shown)");
            return null;
        }
        return v;
    }

    Double decimal(String column, double min, double max) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        if (!FieldSyntax.isDecimal(v)) {
            problem(column, ReasonCode.NOT_A_NUMBER, quoted(v) + " is not a number");
            return null;
        }
        if (v.indexOf(style.other()) >= 0) {
            problem(column, ReasonCode.WRONG_DECIMAL_SEPARATOR, quoted(v) + " uses '" + style.other()
                    + "' but this file's decimal separator is '" + style.separator() + "'");
            return null;
        }
        double d = Double.parseDouble(v.replace(',', '.'));
        if (d < min || d > max) {
            problem(column, ReasonCode.OUT_OF_RANGE, shown(v) + " is outside " + fmt(min) + "–" + fmt(max));
            return null;
        }
        return d;
    }

    Long integer(String column, long min, long max) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        if (!FieldSyntax.isInteger(v)) {
            boolean decimal = FieldSyntax.isDecimal(v);
            problem(column, decimal ? ReasonCode.NOT_AN_INTEGER : ReasonCode.NOT_A_NUMBER,
                    quoted(v) + " is not " + (decimal ? "a whole number" : "a number"));
            return null;
        }
        long n;
        try {
            n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            problem(column, ReasonCode.OUT_OF_RANGE, shown(v) + " is too large");
            return null;
        }
        if (n < min || n > max) {
            problem(column, ReasonCode.OUT_OF_RANGE, shown(v) + " is outside " + min + "–" + max);
            return null;
        }
        return n;
    }

    /** An ISO date (2024-03-01) or a Finnish one (1.3.2024), not before 2000 and not after the as-of date. */
    LocalDate date(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        LocalDate d;
        try {
            d = v.indexOf('.') > 0 ? LocalDate.parse(v, FINNISH_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(column, ReasonCode.BAD_DATE, quoted(v) + " is not a date (expected 2024-03-01 or 1.3.2024)");
            return null;
        }
        if (d.isBefore(EARLIEST)) {
            problem(column, ReasonCode.OUT_OF_RANGE, shown(v) + " is before " + EARLIEST);
            return null;
        }
        if (d.isAfter(context.asOf())) {
            problem(column, ReasonCode.FUTURE_DATE, v + " is after the run's as-of date " + context.asOf());
            return null;
        }
        return d;
    }

    /** An enum value by its code or an alias of it; {@code fallback} when blank (null fallback = required). */
    <E extends Enum<E>> E code(String column, Class<E> type, Function<E, String> code, E fallback) {
        String v = text(column);
        if (v == null) {
            if (fallback == null) {
                problem(column, ReasonCode.MISSING_REQUIRED, "is required but blank");
            }
            return fallback;
        }
        String canonical = context.aliases().value(column, v);
        return Codes.lookup(type, code, canonical).orElseGet(() -> {
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(code.apply(e));
            }
            problem(column, ReasonCode.UNKNOWN_VALUE, quoted(v) + " is not one of " + String.join(", ", allowed));
            return null;
        });
    }

    Boolean flag(String column) {
        String v = text(column);
        if (v == null) {
            return Boolean.FALSE;
        }
        String canonical = context.aliases().value(column, v);
        switch (canonical) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                problem(column, ReasonCode.UNKNOWN_VALUE, quoted(v) + " is not true/false (or kyllä/ei, 1/0)");
                return null;
        }
    }

    Region region(String column) {
        String v = required(column);
        if (v == null) {
            return null;
        }
        return context.regions().resolve(v).map(this::located).orElseGet(() -> {
            problem(column, ReasonCode.UNKNOWN_REGION,
                    quoted(v) + " is not a region of datasets/regions.csv (code or name)");
            return null;
        });
    }

    /** A county or, failing that, a municipality (statistics and populations may come at either level). */
    Region area(String column) {
        String v = required(column);
        if (v == null) {
            return null;
        }
        return context.regions().resolve(v).or(() -> context.municipalities().resolve(v)).map(this::located).orElseGet(() -> {
            problem(column, ReasonCode.UNKNOWN_REGION, "'" + v + "' is not a county of datasets/regions.csv nor a"
                    + " municipality of datasets/municipalities.csv (code or name)");
            return null;
        });
    }

    /** Notes the region the row was read with, for its quarantine row should another field reject it. */
    Region located(Region found) {
        region = found.code();
        return found;
    }

    /** The latest year a statistic may describe: the as-of date's. */
    int asOfYear() {
        return context.asOf().getYear();
    }

    void problem(String column, ReasonCode reason, String message) {
        problems.add(new Problem(column, reason, message));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    <T> Parsed<T> rejected() {
        return new Parsed.Rejected<>(record.source(), problems, record.raw(), region);
    }

    /** A value in single quotes for a reason, shortened by {@link #shown}. */
    static String quoted(String v) {
        return "'" + shown(v) + "'";
    }

    /**
     * A value as a reason may show it: in full up to {@value #SHOWN} characters, else its start and its length
     * ("AAAA… (1048576 characters)"), so a runaway field does not fill the quarantine table twice; the raw column
     * keeps the row as read.
     */
    static String shown(String v) {
        return v.length() <= SHOWN ? v : v.substring(0, SHOWN) + "… (" + v.length() + " characters)";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
