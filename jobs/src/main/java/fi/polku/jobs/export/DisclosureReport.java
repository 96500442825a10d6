package fi.polku.jobs.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.jobs.config.ExportSettings;
import fi.polku.privacy.KAnonymity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the export generalised and suppressed, written as {@code disclosure.json} and summarised in the
 * READMEs. It travels with the data, so it follows the k rule itself: a class kept as it was shows its size
 * (at least k); a pooled or suppressed class shows only that it had fewer than k, and a total under k is
 * shown as a range.
 */
final class DisclosureReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final KAnonymity.Result result;
    private final ExportSettings settings;
    private final Map<String, Long> blankedRows = new LinkedHashMap<>();

    DisclosureReport(KAnonymity.Result result, ExportSettings settings) {
        this.result = result;
        this.settings = settings;
    }

    /** Records how many rows of a region table had something blanked. */
    void blanked(String table, long rows) {
        blankedRows.put(table, rows);
    }

    KAnonymity.Result result() {
        return result;
    }

    Map<String, Long> blankedRows() {
        return blankedRows;
    }

    /** A count as it may be published: exact when 0 or at least k, else "1–(k−1)". */
    String publishable(long n) {
        return n == 0 || n >= settings.k() ? Long.toString(n) : "1-" + (settings.k() - 1);
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("k", settings.k());
        root.putArray("quasi_identifiers").add("region").add("age_band");
        root.put("dates", settings.dates().code());
        root.put("rule", "every published (region, age_band) combination is shared by at least k episodes: a smaller class is"
                + " published under region 'other' with its age band, and what is still smaller than k there is left out");
        root.put("smallest_published_class", result.smallest());
        root.put("episodes_published", result.recoded().size());
        root.put("episodes_pooled", publishable(result.pooled()));
        root.put("episodes_suppressed", publishable(result.suppressed()));
        ArrayNode classes = root.putArray("classes");
        for (KAnonymity.Step s : result.steps()) {
            ObjectNode c = classes.addObject();
            c.put("region", s.region());
            c.put("age_band", s.ageBand());
            c.put("episodes", s.action().equals("kept") ? Long.toString(s.episodes()) : "fewer than " + settings.k());
            c.put("action", s.action());
            if (s.published() != null) {
                c.put("published_region", s.published().region());
                c.put("published_age_band", s.published().ageBand());
            }
        }
        ObjectNode tables = root.putObject("region_table_rows_with_blanked_cells");
        blankedRows.forEach(tables::put);
        root.put("other_measures", "case and episode ids replaced by episode_key (families cannot be linked across episodes);"
                + " dates coarsened to " + settings.dates().code() + "; source file names and line numbers dropped; 3X10D child"
                + " versions 7-9, 10-13 and 14-17 published as 7-17");
        return root;
    }

    String text() {
        try {
            return JSON.writeValueAsString(json()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
