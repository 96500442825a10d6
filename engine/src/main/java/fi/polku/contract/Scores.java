package fi.polku.contract;

import java.util.Collections;
import java.util.List;

/**
 * The scores of one FIT administration: either the four items (total derived) or the total alone; a skipped
 * measure has neither. {@code 0} is a score, never a placeholder for missing.
 *
 * @param items the four item scores in item order, or empty when only the total was recorded or the
 *              measure was skipped
 * @param total the total 0–40, or null when the measure was skipped
 */
public record Scores(List<Double> items, Double total) {
    public Scores {
        items = Collections.unmodifiableList(List.copyOf(items));
        if (!items.isEmpty() && items.size() != Instrument.ITEMS) {
            throw new IllegalArgumentException("items must be empty or " + Instrument.ITEMS + ", was " + items.size());
        }
        if (!items.isEmpty() && total == null) {
            throw new IllegalArgumentException("items without a total");
        }
    }

    /** A meeting where the measure was not filled. */
    public static Scores skipped() {
        return new Scores(List.of(), null);
    }

    /** Four item scores; the total is their sum rounded to 0.01, the recording precision of the items. */
    public static Scores ofItems(double i1, double i2, double i3, double i4) {
        double sum = Math.round((i1 + i2 + i3 + i4) * 100.0) / 100.0;
        return new Scores(List.of(i1, i2, i3, i4), sum);
    }

    /** A total recorded without items. */
    public static Scores ofTotal(double total) {
        return new Scores(List.of(), total);
    }

    /** Whether the measure was skipped at this meeting. */
    public boolean isSkipped() {
        return total == null;
    }

    /** Item {@code n} (1-based), or null when items were not recorded. */
    public Double item(int n) {
        return items.isEmpty() ? null : items.get(n - 1);
    }
}
