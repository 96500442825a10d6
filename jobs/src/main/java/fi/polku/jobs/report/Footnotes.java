package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caveats of one table written once each: every distinct caveat of the cells' {@code warnings} gets a number
 * in order of first appearance, the cell shows the numbers, and the list under the table the texts.
 */
final class Footnotes {
    private final Messages m;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    Footnotes(Messages m) {
        this.m = m;
    }

    /** The numbers of a row's caveats, e.g. "1, 3", registering new ones; "" when it has none. */
    String marks(String warnings) {
        List<String> marks = new ArrayList<>();
        for (String text : Caveats.of(warnings, m)) {
            marks.add(String.valueOf(numbers.computeIfAbsent(text, t -> numbers.size() + 1)));
        }
        return String.join(", ", marks);
    }

    /** Writes the numbered list into the section under a one-line summary; nothing when there are none. */
    Page.Section addTo(Page.Section section) {
        if (numbers.isEmpty()) {
            return section;
        }
        numbers.forEach((text, n) -> section.warning(n + ") " + text));
        return section.warningsSummary(m.text("note.footnotes", numbers.size()));
    }
}
