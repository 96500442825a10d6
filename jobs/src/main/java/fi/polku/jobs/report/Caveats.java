package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings in the tables' {@code warnings} column in the page's language. A caveat code
 * ({@link fi.polku.effect.Caveat}: {@code code} or {@code code(arg,arg)}) is written from the bundle key
 * {@code warning.<code>} in either language; the English status sentences of {@code pooled_effects} are put into
 * Finnish through the keys {@code caveat.*}. Numbers and dates are passed on in the page's format. A warning of an
 * unknown form (e.g. a newer engine's) is shown as written.
 */
final class Caveats {
    /** English form → bundle key; groups become the message's arguments. */
    private static final Map<Pattern, String> FORMS = new LinkedHashMap<>();
    private static final Pattern CODE = Pattern.compile("([a-z][a-z0-9_]*)(?:\\((.*)\\))?");

    static {
        form("with (\\d+) regions tau2 is poorly estimated: read the prediction interval", "tau2");
        form("(\\d+) region\\(s\\) left out: small or not estimable", "leftout");
        form("fewer than 2 project regions with a published g_av \\((\\d+) left out: small or not estimable\\)", "nopool");
    }

    private Caveats() {
    }

    private static void form(String regex, String key) {
        FORMS.put(Pattern.compile(regex), "caveat." + key);
    }

    /** The warnings of one table cell ("; "-separated, never inside brackets), each in the page's language; "ok" dropped. */
    static List<String> of(String warnings, Messages m) {
        List<String> out = new ArrayList<>();
        if (warnings == null) {
            return out;
        }
        for (String part : split(warnings)) {
            if (part.isBlank() || part.equals("ok")) {
                continue;
            }
            Matcher code = CODE.matcher(part);
            if (code.matches() && !m.textOr("warning." + code.group(1), "").isEmpty()) {
                out.add(m.text("warning." + code.group(1), localised(code.group(2) == null ? new String[0] : code.group(2).split(","), m)));
            } else {
                out.add(m.lang().equals("en") ? part : translate(part, m));
            }
        }
        return out;
    }

    private static String translate(String part, Messages m) {
        for (Map.Entry<Pattern, String> form : FORMS.entrySet()) {
            Matcher match = form.getKey().matcher(part);
            if (match.matches()) {
                String[] args = new String[match.groupCount()];
                for (int g = 0; g < args.length; g++) {
                    args[g] = match.group(g + 1);
                }
                return m.text(form.getValue(), localised(args, m));
            }
        }
        return part;
    }

    /** Decimals written the page's way (1,58 in Finnish, with a true minus); whole numbers and text stay as they are. */
    private static Object[] localised(String[] args, Messages m) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            out[i] = arg.matches("-?\\d+\\.\\d+") ? m.number(Double.parseDouble(arg), arg.length() - arg.indexOf('.') - 1)
                    : arg.matches("\\d{4}-\\d{2}-\\d{2}(/\\d{4}-\\d{2}-\\d{2})*") ? dates(arg, m) : arg;
        }
        return out;
    }

    /** ISO dates ("2020-01-01/2023-01-01", as the codes carry them) the page's way, e.g. 1.1.2020 ja 1.1.2023. */
    private static String dates(String isoDates, Messages m) {
        List<String> shown = new ArrayList<>();
        for (String d : isoDates.split("/")) {
            shown.add(m.date(java.time.LocalDate.parse(d)));
        }
        return String.join(", ", shown);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && c == ';' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                parts.add(text.substring(start, i).strip());
                start = i + 2;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }
}
