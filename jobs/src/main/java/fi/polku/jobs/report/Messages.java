package fi.polku.jobs.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
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
