package fi.polku.jobs.report;

import fi.polku.outcome.ReportingPeriod;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string of the report, from one bundle per language ({@code messages_fi.properties}, the default, and
 * {@code messages_en.properties}), and numbers formatted for that language: a decimal comma and a
 * non-breaking space between thousands in Finnish, a point and a comma in English, a true minus sign in both.
 */
public final class Messages {
    /** The languages the report speaks. */
    public enum Language { FI, EN }

    /** The dash of a range, with word joiners so a line never breaks inside the interval, only before it. */
    static final String DASH = "\u2060–\u2060";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Language language;

    private Messages(Language language) {
        this.language = language;
        this.locale = language == Language.FI ? Locale.forLanguageTag("fi-FI") : Locale.UK;
        this.bundle = ResourceBundle.getBundle("fi.polku.jobs.report.messages", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages of a language. */
    public static Messages of(Language language) {
        return new Messages(language);
    }

    /** The language code, for {@code <html lang>}. */
    public String lang() {
        return language.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The text of a key, with {0}, {1} … filled in.
     *
     * @throws MissingResourceException when the key is missing (a test checks both bundles have every key)
     */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The text of a key, or the fallback when the bundle has none (e.g. an indicator name from a user's panel). */
    public String textOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** The time zone of every time shown: the projects are Finnish, and so are their readers' clocks. */
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    /** A date as the language writes it: "30.6.2026" in Finnish, "30 June 2026" in English. */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(language == Language.FI ? "d.M.yyyy" : "d MMMM yyyy", locale).format(date);
    }

    /** An instant as local Finnish time: "1.12.2026 klo 13.07" in Finnish, "1 December 2026, 13:07 (Helsinki time)" in English. */
    public String dateTime(Instant instant) {
        return text("time.local", date(instant.atZone(ZONE).toLocalDate()),
                DateTimeFormatter.ofPattern(language == Language.FI ? "H.mm" : "HH:mm").format(instant.atZone(ZONE)));
    }

    /**
     * A reporting period's label in words: {@code 2025-spring} → "kevät 2025" / "spring 2025", {@code all} → "koko
     * ajanjakso" / "whole period"; a year stays as it is.
     */
    public String period(String label) {
        if (ReportingPeriod.ALL_PERIODS.equals(label)) {
            return text("period.all");
        }
        int dash = label.indexOf('-');
        return dash < 0 ? label : text("period." + label.substring(dash + 1), label.substring(0, dash));
    }

    /** Period labels in time order: spring before autumn within a year, the whole period last. */
    public static final Comparator<String> PERIOD_ORDER = Comparator
            .comparing((String label) -> ReportingPeriod.ALL_PERIODS.equals(label))
            .thenComparing(label -> label.replace("-spring", "-1").replace("-autumn", "-2"));

    /** A number with a fixed count of decimals; "–" for null or NaN. */
    public String number(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        symbols.setMinusSign('−');
        if (language == Language.FI) {
            symbols.setGroupingSeparator('\u00a0');
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        String s = f.format(value);
        // A value that rounds to zero is shown without its sign.
        return s.matches("−0([.,]0*)?") ? s.substring(1) : s;
    }

    /** A whole count with thousands grouping. */
    public String count(long value) {
        return number((double) value, 0);
    }

    /** A share 0–1 as a percentage with no decimals, e.g. "16 %". */
    public String percent(Double share) {
        return share == null ? "–" : number(100 * share, 0) + "\u00a0%";
    }

    /** An estimate with its interval: "0,51 (0,20–0,83)". */
    public String interval(Double estimate, Double lower, Double upper, int decimals) {
        if (estimate == null) {
            return "–";
        }
        return number(estimate, decimals) + " (" + number(lower, decimals) + DASH + number(upper, decimals) + ")";
    }

    /** A share with its interval as percentages: "16 % (10–24 %)". */
    public String percentInterval(Double share, Double lower, Double upper) {
        if (share == null) {
            return "–";
        }
        return number(100 * share, 0) + "\u00a0% (" + number(100 * lower, 0) + DASH + number(100 * upper, 0) + "\u00a0%)";
    }
}
