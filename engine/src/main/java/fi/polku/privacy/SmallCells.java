package fi.polku.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control for counts that add up to a published total, one set of parts at a time. Superseded by
 * {@link CellSuppression} (linked tables, audited by {@link DisclosureAudit}); still used by the change-sensitivity
 * table until it is moved onto the linked tables, and kept as the baseline the new rule's tests attack.
 * Primary suppression: every count from 1 to k − 1. Zeros are shown: "none" discloses no one. Secondary
 * suppression: a suppressed count could be recovered as the total minus the shown ones, so while exactly one
 * non-zero part is suppressed, the smallest shown non-zero part is suppressed too; when the total itself is
 * under k, everything is.
 */
public final class SmallCells {
    /** Said beside a count hidden because it is small. */
    public static final String PRIMARY = "suppressed_small_cell";
    /** Said beside a count hidden so that a small one cannot be derived. */
    public static final String SECONDARY = "suppressed_secondary";

    private SmallCells() {
    }

    /**
     * The parts to suppress, with the reason for each.
     *
     * @param parts the counts, by name; they add up to the published total
     * @param k     the minimum publishable count
     * @return name → {@link #PRIMARY} or {@link #SECONDARY}; parts not named are shown
     * @throws IllegalArgumentException if {@code k < 1} or a count is negative
     */
    public static Map<String, String> suppress(Map<String, Long> parts, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        long total = 0;
        for (Map.Entry<String, Long> e : parts.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("count of " + e.getKey() + " is negative");
            }
            total += e.getValue();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        if (total > 0 && total < k) {
            parts.keySet().forEach(name -> hidden.put(name, PRIMARY));
            return hidden;
        }
        parts.forEach((name, count) -> {
            if (count > 0 && count < k) {
                hidden.put(name, PRIMARY);
            }
        });
        if (hidden.size() == 1) {
            List<String> shown = new ArrayList<>();
            parts.forEach((name, count) -> {
                if (count > 0 && !hidden.containsKey(name)) {
                    shown.add(name);
                }
            });
            shown.sort((a, b) -> Long.compare(parts.get(a), parts.get(b)));
            if (!shown.isEmpty()) {
                hidden.put(shown.get(0), SECONDARY);
            }
        }
        return hidden;
    }

    /** Whether a cell of n cases may be published at all. */
    public static boolean publishable(long n, int k) {
        return n >= k;
    }
}
