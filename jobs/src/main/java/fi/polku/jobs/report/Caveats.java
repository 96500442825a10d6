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
 * {@code warning.<code>} in either language; the older English sentences of a few known forms (region tables) are
 * put into Finnish through the keys {@code caveat.*}. Numbers are passed on in the page's format. A warning of an
 * unknown form (e.g. a newer engine's) is shown as written.
 */
final class Caveats {
    /** English form → bundle key; groups become the message's arguments. */
    private static final Map<Pattern, String> FORMS = new LinkedHashMap<>();
    private static final Pattern CODE = Pattern.compile("([a-z][a-z0-9_]*)(?:\\((.*)\\))?");

    static {
        form("SYNTHETIC data: not a real estimate", "synthetic");
        form("diagnostic: compare with the did row, do not report on its own", "twfe");
        form("with (\\d+) regions tau2 is poorly estimated: read the prediction interval", "tau2");
        form("one treated region: inference by placebo in space over (\\d+) comparison regions", "placebo");
        form("one treated region: inference by placebo in space over (\\d+) donor regions \\(rank of post/pre RMSPE ratios\\)", "placebo.sc");
        form("only (\\d+) post-period: it cannot support a slope change, so only a level change is estimated", "onepost.its");
        form("only (\\d+) post-period: the effect rests on a single year", "onepost");
        form("only (\\d+) post-period: the gap rests on a single year", "onepost");
        form("poor pre-period fit: RMSPE (\\S+) is (\\d+) % of the region's pre-period mean", "poorfit");
        form("the donors cannot reproduce its series and the gap is not an effect", "donors");
        form("the p-value moves in steps of 1/(\\d+)", "steps");
        form("the region's own pre-period series is ([\\d.]+) times as noisy as the typical comparison region's \\(small counts\\?\\):"
                + " the placebo interval is too narrow for it", "noisy");
        form("strong over-dispersion \\(([\\d.]+)\\): the intervals are widened accordingly, but check the pre-period fit", "overdispersion");
        form("the series crosses a structural break \\((.*)\\): part of any change may be the break", "break");
        form("(\\d+) comparison region\\(s\\) left out for missing years", "missingyears");
        form("no post-period yet: no estimate", "nopost");
        form("no pre-period: no estimate", "nopre");
        form("fewer than 2 pre-periods to fit: no estimate", "nopre");
        form("fewer than 2 (?:comparison|donor) regions: no estimate", "fewregions");
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
            out[i] = arg.matches("-?\\d+\\.\\d+") ? m.number(Double.parseDouble(arg), arg.length() - arg.indexOf('.') - 1) : arg;
        }
        return out;
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
