package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.jobs.report.Messages;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A user's text from the config (a project name, a break label) as written, either one plain string or one text per
 * language ({@code label: {fi: …, en: …}}). A plain string is taken to be in the report's language (config key
 * {@code language}), so it is shown unmarked; a text per language is shown in the page's language when given,
 * else in the other one, marked with {@code lang} (WCAG 3.1.2).
 *
 * @param plain      the plain string, or null when given per language
 * @param byLanguage the texts per language code ({@code fi}, {@code en}); empty for a plain string
 */
public record Label(String plain, Map<String, String> byLanguage) implements java.io.Serializable {
    /** A label as shown on a page: its text and, when it differs from the page's, its language code (else ""). */
    public record Shown(String text, String lang) {
    }

    public Label {
        byLanguage = Map.copyOf(byLanguage);
        if ((plain == null) == byLanguage.isEmpty()) {
            throw new IllegalArgumentException("a label is either plain or given per language");
        }
    }

    /** A plain label. */
    public static Label of(String plain) {
        return new Label(plain, Map.of());
    }

    /**
     * Reads a label: a non-empty string, or a map of {@code fi} and/or {@code en} to non-empty strings.
     *
     * @throws ConfigError naming the config and the key when it is neither
     */
    static Label read(String name, String key, JsonNode v) {
        if (v != null && v.isObject()) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String lang = it.next();
                if (!lang.equals("fi") && !lang.equals("en")) {
                    throw new ConfigError("config " + name + ": key '" + key + "." + lang + "' is not a language of the report"
                            + " (use fi or en)");
                }
                texts.put(lang, RunConfig.text(name, key + "." + lang, v.get(lang)));
            }
            if (texts.isEmpty()) {
                throw new ConfigError("config " + name + ": key '" + key + "' must be a text or {fi: …, en: …}");
            }
            return new Label(null, texts);
        }
        if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
            return of(v.asText().strip());
        }
        throw new ConfigError("config " + name + ": key '" + key + "' must be a non-empty text or {fi: …, en: …}");
    }

    /** One text for logs, the manifest and tables: the plain string, else the English, else the Finnish text. */
    public String text() {
        return plain != null ? plain : byLanguage.getOrDefault("en", byLanguage.get("fi"));
    }

    /** The text for a page in {@code page}'s language, with the language code to mark it with when it differs. */
    public Shown in(Messages.Language page) {
        String code = page.name().toLowerCase(Locale.ROOT);
        if (plain != null) {
            return new Shown(plain, "");
        }
        if (byLanguage.containsKey(code)) {
            return new Shown(byLanguage.get(code), "");
        }
        Map.Entry<String, String> other = byLanguage.entrySet().iterator().next();
        return new Shown(other.getValue(), other.getKey());
    }
}
