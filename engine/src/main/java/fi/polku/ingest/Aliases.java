package fi.polku.ingest;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The alias table: Finnish (and other) header names and values of real exports mapped to Polku's canonical
 * English snake_case names and codes. The table itself lives in {@code datasets/aliases.csv}.
 */
public final class Aliases {
    private static final Pattern AGE_CODE = Pattern.compile("[0-9]+\\s*[-–]\\s*[0-9]+|[0-9]+\\s*\\+");
    private static final Pattern SPACE = Pattern.compile("\\s");
    private static final Pattern PUNCTUATION = Pattern.compile("[^a-z0-9+]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");
    /**
     * Scope of header aliases for every dataset; {@code header:<dataset>} scopes one dataset (and wins
     * there), and any other scope names the column whose values it maps.
     */
    public static final String HEADER = "header";

    /**
     * One alias.
     *
     * @param scope     {@link #HEADER}, {@code header:<dataset>}, or the canonical column whose values the
     *                  alias maps
     * @param alias     the name or value as it appears in exports
     * @param canonical what it means in Polku
     */
    public record Entry(String scope, String alias, String canonical) {
        public Entry {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(canonical, "canonical");
        }
    }

    private final Map<String, Map<String, String>> scopes;

    private Aliases(Map<String, Map<String, String>> scopes) {
        this.scopes = scopes;
    }

    /**
     * An alias table of these entries.
     *
     * @throws IllegalArgumentException if one alias maps to two different names in the same scope
     */
    public static Aliases of(Collection<Entry> entries) {
        Map<String, Map<String, String>> scopes = new HashMap<>();
        for (Entry e : entries) {
            Map<String, String> target = scopes.computeIfAbsent(e.scope(), k -> new HashMap<>());
            String key = fold(e.alias());
            String old = target.put(key, e.canonical());
            if (old != null && !old.equals(e.canonical())) {
                throw new IllegalArgumentException("alias '" + e.alias() + "' in scope " + e.scope()
                        + " maps to both " + old + " and " + e.canonical());
            }
        }
        return new Aliases(scopes);
    }

    /** An empty table: canonical names only. */
    public static Aliases none() {
        return new Aliases(Map.of());
    }

    /**
     * The canonical column a header of a {@code dataset} file names: its dataset-scoped alias target, else its
     * general alias target, else the header itself folded to snake_case.
     */
    public String header(String dataset, String header) {
        String folded = fold(header);
        String scoped = scopes.getOrDefault(HEADER + ":" + dataset, Map.of()).get(folded);
        return scoped != null ? scoped : scopes.getOrDefault(HEADER, Map.of()).getOrDefault(folded, folded);
    }

    /**
     * The canonical code a value of {@code column} stands for: its alias target, or the value itself
     * stripped and in lower case.
     */
    public String value(String column, String text) {
        String folded = fold(text);
        Map<String, String> scope = scopes.get(column);
        return scope == null ? folded : scope.getOrDefault(folded, folded);
    }

    /**
     * Lower case, Finnish letters folded to ASCII (ä→a, ö→o, å→a), runs of spaces, hyphens and other
     * punctuation to one underscore, except inside codes like {@code 13-17} and {@code 18+}, which keep
     * their hyphen and plus.
     */

    static String fold(String text) {
        if (folded(text) || isPlainAgeRange(text)) {
            return text; // the common case (ors, youth, project, 13-17): called for every value of every row
        }
        if (isAsciiAlphanumeric(text)) {
            return text.toLowerCase(Locale.ROOT); // ORS, SRS: what the steps below make of them
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = s.replace('ä', 'a').replace('ö', 'o').replace('å', 'a');
        if (AGE_CODE.matcher(s).matches()) {
            return SPACE.matcher(s).replaceAll("").replace('–', '-');
        }
        s = PUNCTUATION.matcher(s).replaceAll("_");
        return EDGE_UNDERSCORES.matcher(s).replaceAll("");
    }

    /** Only ASCII letters and digits: {@link #fold} lower-cases such a text and changes nothing else. */
    private static boolean isAsciiAlphanumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Digits, one hyphen, digits ("13-17"): {@link #fold} keeps such an age code as it is. */
    private static boolean isPlainAgeRange(String text) {
        int hyphen = text.indexOf('-');
        if (hyphen <= 0 || hyphen == text.length() - 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i != hyphen && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #fold} would return the text unchanged: a-z, 0-9, '+' and single inner underscores. */
    private static boolean folded(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == '_' || text.charAt(n - 1) == '_') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '_' && text.charAt(i - 1) != '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
