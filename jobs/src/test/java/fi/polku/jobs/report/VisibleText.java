package fi.polku.jobs.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a page a reader meets in its own language: everything outside tags (SVG text and descriptions
 * included), without the style sheet, without text marked as another language ({@code lang} other than the page's)
 * and without names that are no language's words ({@code translate="no"}: file names, checksums, abbreviations).
 */
final class VisibleText {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>|<!--.*?-->|<!DOCTYPE[^>]*>", Pattern.DOTALL);
    private static final Pattern LANG = Pattern.compile("\\blang=\"([a-z]+)\"");
    private static final Set<String> VOID = Set.of("meta", "br", "img", "input", "link", "hr", "col", "wbr", "source");

    /** English words and codes that must not appear in a Finnish page's own text (issue 21.4), table ids added below. */
    private static final List<String> ENGLISH = List.of("all", "autumn", "spring", "synthetic", "the", "and", "of", "not", "rows",
            "UTC", "table", "demo");
    private static final Pattern ENGLISH_IN_FINNISH = englishPattern();

    private VisibleText() {
    }

    private static Pattern englishPattern() {
        List<String> words = new ArrayList<>(ENGLISH);
        fi.polku.contract.Tables.all().forEach(t -> words.add(t.name()));
        return Pattern.compile("(?i)(?<![\\p{L}_])(" + String.join("|", words) + ")(?![\\p{L}_])|\\d{4}-\\d{2}-\\d{2}");
    }

    /** Each English word or code (or ISO date) in a Finnish page's own text, with 40 characters around it. */
    static List<String> englishInFinnish(String html) {
        String text = of(html, "fi");
        Matcher m = ENGLISH_IN_FINNISH.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)).replaceAll("\\s+", " "));
        }
        return found;
    }

    /** The page's own-language text, tags replaced by spaces, entities of the template decoded. */
    static String of(String html, String pageLang) {
        StringBuilder text = new StringBuilder();
        Deque<Boolean> hidden = new ArrayDeque<>();
        hidden.push(false);
        Matcher m = TAG.matcher(html);
        int at = 0;
        while (m.find()) {
            if (!hidden.peek()) {
                text.append(html, at, m.start()).append(' ');
            }
            at = m.end();
            if (m.group(2) == null) {
                continue;
            }
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (!m.group(1).isEmpty()) {
                hidden.pop();
            } else if (m.group(4).isEmpty() && !VOID.contains(name)) {
                Matcher lang = LANG.matcher(m.group(3));
                boolean foreign = lang.find() && !lang.group(1).equals(pageLang);
                hidden.push(hidden.peek() || foreign || m.group(3).contains("translate=\"no\"") || name.equals("style"));
            }
        }
        text.append(html.substring(at));
        return text.toString().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&#61;", "=");
    }
}
