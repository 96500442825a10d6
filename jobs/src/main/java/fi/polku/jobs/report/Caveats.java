package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings the engine writes into the tables are English sentences of a few known forms; this puts each into
 * the page's language through the message bundle (keys {@code caveat.*}, numbers passed on), so a Finnish page
 * reads Finnish. A warning of an unknown form (e.g. a newer engine's) is shown as written.
 */
final class Caveats {
    /** English form → bundle key; groups become the message's arguments. */
    private static final Map<Pattern, String> FORMS = new LinkedHashMap<>();

    private static final String BREAK = "the series crosses a structural break ";

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
        form(BREAK + "\\((.*)\\): part of any change may be the break", "break");
        form("estimated dispersion ([\\d.]+) is below the floor (\\S+) \\(its.dispersion_floor\\): the SE uses (\\S+)", "dispersion");
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
        return of(warnings, m, UnaryOperator.identity());
    }

    /**
     * As {@link #of(String, Messages)}, with the breaks a series crosses (as the tables write them, "2020-01-01 label;
     * …") put into the page's words by {@code breaks}.
     */
    static List<String> of(String warnings, Messages m, UnaryOperator<String> breaks) {
        List<String> out = new ArrayList<>();
        if (warnings == null) {
            return out;
        }
        for (String part : split(warnings)) {
            if (!part.isBlank() && !part.equals("ok")) {
                out.add(m.lang().equals("en") && !part.startsWith(BREAK) ? part : translate(part, m, breaks));
            }
        }
        return out;
    }

    private static String translate(String part, Messages m, UnaryOperator<String> breaks) {
        for (Map.Entry<Pattern, String> form : FORMS.entrySet()) {
            Matcher match = form.getKey().matcher(part);
            if (match.matches()) {
                Object[] args = new Object[match.groupCount()];
                for (int g = 0; g < args.length; g++) {
                    String arg = form.getValue().equals("caveat.break") ? breaks.apply(match.group(g + 1)) : match.group(g + 1);
                    // Decimals are written the page's way (1,58 in Finnish); whole numbers and text stay as they are.
                    args[g] = arg.matches("-?\\d+\\.\\d+") ? m.number(Double.parseDouble(arg), arg.length() - arg.indexOf('.') - 1) : arg;
                }
                return m.text(form.getValue(), args);
            }
        }
        return part;
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
