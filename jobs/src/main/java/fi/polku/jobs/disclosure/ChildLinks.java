package fi.polku.jobs.disclosure;

import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts of children published beside {@code region_outcomes}: a region's project episodes reached and measured
 * episodes per period ({@code project_indicators}), the pages' clients per region and arm. Every episode has one
 * child, whose outcome series is a youth's or a child's ({@code ORS youth}, {@code CORS child}), so such a count is
 * the sum of the child series' {@code n_episodes} of its region, arms and period, or at most that sum. An attacker
 * can check that on the shown rows: an attack on the demo (2026-12-01) recovered 26 hidden outcome counts exactly
 * from {@code episodes_reached} and {@code measured_episodes}. Each relation that holds in the data joins the audit
 * ({@link LinkedTables.Relation#LINKED}: each table keeps its own zero rule; an inequality through a sum of the
 * series that no table publishes, named with {@link #SERIES_SUM}).
 */
final class ChildLinks {
    /** Suffix of the never-published sum of a count's child series (an unknown of the attack, not protected). */
    static final String SERIES_SUM = "~child-series";

    /**
     * A published count of children.
     *
     * @param id     its cell id in its own table
     * @param value  its true value
     * @param region its region
     * @param arms   the arms it counts
     * @param period its period
     */
    record Count(String id, long value, String region, Set<String> arms, String period) {
    }

    private ChildLinks() {
    }

    /**
     * The relations between {@code counts} and the child series' {@code n_episodes} ({@code episodes}: row key →
     * true count): the count equals their sum where it does, else is at most their sum where it is; each series is
     * at most the count where it is. Cells carry no values (they are the two tables' own).
     */
    static LinkedTables of(Map<String, Long> episodes, List<Count> counts) {
        LinkedTables.Builder b = LinkedTables.builder();
        Set<String> made = new HashSet<>();
        for (Count c : counts) {
            Map<String, Long> series = new LinkedHashMap<>();
            episodes.forEach((key, n) -> {
                String[] k = key.split("\\|");
                if (k[0].equals(c.region()) && isChild(k[2]) && c.arms().contains(k[3]) && k[4].equals(c.period())) {
                    series.put(key + "/n_episodes", n);
                }
            });
            if (series.isEmpty()) {
                continue;
            }
            for (String id : series.keySet()) {
                if (made.add(id)) {
                    b.count(id, null);
                }
            }
            b.count(c.id(), null);
            long sum = series.values().stream().mapToLong(Long::longValue).sum();
            List<String> parts = new ArrayList<>(series.keySet());
            if (sum == c.value()) {
                b.linked(c.id(), parts);
                continue;
            }
            if (c.value() <= sum) {
                // The sum as an additive total: as LINKED (no hidden part of it may be 0) Commons Math's simplex reported the
                // demo's joint problem infeasible although the true figures satisfy it; additive lets a hidden series be 0
                // in the audit where it is a part of this unpublished sum, a slightly lenient reading.
                String total = c.id() + SERIES_SUM;
                b.count(total, null).additive(total, parts).ordered(c.id(), total);
            }
            series.forEach((id, n) -> {
                if (n <= c.value()) {
                    b.ordered(id, c.id());
                }
            });
        }
        return b.build();
    }

    /** The audit without the never-published series sums (unknowns of the attack, not figures to protect). */
    static DisclosureAudit.Result published(DisclosureAudit.Result audit) {
        Map<String, DisclosureAudit.Interval> out = new LinkedHashMap<>(audit.intervals());
        out.keySet().removeIf(id -> id.endsWith(SERIES_SUM));
        return new DisclosureAudit.Result(out);
    }

    /**
     * Whether a count is the sum of child series that region_outcomes all shows ({@code hidden}: what it hides): its
     * value is published in effect, so hiding it protects nothing (and the audit would find it pinned).
     */
    static boolean determined(LinkedTables links, String id, Set<String> hidden) {
        return links.constraints().stream().anyMatch(k -> k.relation() == LinkedTables.Relation.LINKED && k.total().equals(id)
                && k.parts().stream().noneMatch(hidden::contains));
    }

    /** A respondent who is the episode's child (not a parent or a worker). */
    static boolean isChild(String respondent) {
        return "youth".equals(respondent) || "child".equals(respondent);
    }

    /** The region and the period of a cell of region_outcomes ({@code r|i|resp|arm|p/x}) or of a table keyed {@code r|p/x}. */
    static String[] regionPeriod(String cellId) {
        String[] k = cellId.substring(0, cellId.lastIndexOf('/')).split("\\|");
        return new String[] {k[0], k[k.length - 1]};
    }
}
