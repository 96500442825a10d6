package fi.polku.jobs.report;

import fi.polku.privacy.SmallCells;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a page turns a count into text. A count from 1 to k − 1 is shown as "–"; counts that are parts
 * of a shown total go through {@link SmallCells#suppress} so no hidden one can be derived. Every count cell
 * carries {@code data-count} (the number, or {@code hidden}) and, for parts, {@code data-group} and
 * {@code data-parts} (how many parts the group has: a page shows them all), so a test can read the page the way
 * an attacker who knows every total would.
 */
final class Disclosure {
    private final int k;
    private final Messages m;
    private int groups;

    Disclosure(int k, Messages m) {
        this.k = k;
        this.m = m;
    }

    int k() {
        return k;
    }

    /** Whether estimates resting on n cases may be shown. */
    boolean publishable(long n) {
        return n >= k;
    }

    /** A count on its own (0 is shown: "none" discloses no one). */
    HtmlTable.Cell count(long n) {
        return n == 0 || n >= k ? HtmlTable.Cell.number(m.count(n), "data-count=\"" + n + "\"")
                : HtmlTable.Cell.number(m.text("cell.suppressed"), "data-count=\"hidden\"");
    }

    /**
     * Counts that add up to {@code total}, which is shown too: name → cell. The total's cell comes under the
     * key {@code ""}.
     */
    Map<String, HtmlTable.Cell> parts(Map<String, Long> parts) {
        String group = "g" + (++groups);
        long total = parts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> hidden = SmallCells.suppress(parts, k);
        Map<String, HtmlTable.Cell> cells = new LinkedHashMap<>();
        String tag = " data-group=\"" + group + "\" data-parts=\"" + parts.size() + "\"";
        parts.forEach((name, n) -> cells.put(name, hidden.containsKey(name)
                ? HtmlTable.Cell.number(m.text("cell.suppressed"), "data-count=\"hidden\"" + tag)
                : HtmlTable.Cell.number(m.count(n), "data-count=\"" + n + "\"" + tag)));
        HtmlTable.Cell totalCell = count(total);
        cells.put("", HtmlTable.Cell.number(totalCell.text(), totalCell.attributes() + " data-total=\"" + group + "\""));
        return cells;
    }
}
