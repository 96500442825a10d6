package fi.polku.jobs.report;

import fi.polku.jobs.disclosure.DisclosureRefused;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.ReachDisclosure;
import fi.polku.jobs.disclosure.SensitivityDisclosure;
import fi.polku.jobs.disclosure.SensitivitySeries;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The one place a page turns a count into text, under the engine's disclosure control ({@link Protection},
 * {@link CellSuppression}): a count on its own is hidden when it is 1 to k − 1; counts that are parts of a shown
 * total are protected together with it, audited by linear programming (a failing audit refuses the page). Outcome
 * rows arrive already protected ({@code OutcomeDisclosure}): their blank counts are shown as hidden. Every count
 * cell carries {@code data-count} (the number, or {@code hidden}) and, for parts, {@code data-group} and
 * {@code data-parts}, so a test can read the page the way an attacker who knows every total would. Counts what it
 * hid, for the page's disclosure section.
 */
final class Disclosure {
    private final Protection protection;
    private final Messages m;
    private int groups;
    private long figures;
    private long primary;
    private long secondary;
    private long attacked;

    private final SensitivitySeries sensitivity;
    private final OutcomeDisclosure outcomes;
    private final List<LinkedTables> besideOutcomes;

    /**
     * @param sensitivity    the reliability sensitivity series as the pages publish them (protected beside the pages'
     *                       region_outcomes, at the same k)
     * @param outcomes       the pages' region_outcomes control (the reach table counts the same children)
     * @param besideOutcomes further tables the pages publish beside region_outcomes (the project indicators)
     */
    Disclosure(int k, Messages m, SensitivitySeries sensitivity, OutcomeDisclosure outcomes, List<LinkedTables> besideOutcomes) {
        this.protection = Protection.of(k);
        this.m = m;
        this.sensitivity = sensitivity;
        this.outcomes = outcomes;
        this.besideOutcomes = List.copyOf(besideOutcomes);
    }

    int k() {
        return protection.k();
    }

    Protection protection() {
        return protection;
    }

    /** Whether estimates resting on n cases may be shown. */
    boolean publishable(long n) {
        return n >= protection.k();
    }

    /** A count on its own (0 is shown: "none" discloses no one). */
    HtmlTable.Cell count(long n) {
        figures++;
        if (protection.primary(n)) {
            primary++;
            return hidden("");
        }
        return HtmlTable.Cell.number(m.count(n), "data-count=\"" + n + "\"");
    }

    /** A count already under disclosure control upstream: null is hidden. */
    HtmlTable.Cell protectedCount(Long n) {
        return n == null ? hidden("") : HtmlTable.Cell.number(m.count(n), "data-count=\"" + n + "\"");
    }

    /**
     * Sets of counts that each add up to the same {@code total}, which is shown too: name → cell, the total under
     * the key {@code ""}. Names are unique across the sets.
     *
     * @throws DisclosureRefused if the audit finds a hidden count pinned narrower than the protection
     */
    Map<String, HtmlTable.Cell> parts(long total, List<Map<String, Long>> sets) {
        LinkedTables.Builder b = LinkedTables.builder().count("", total);
        Map<String, Long> shown = new LinkedHashMap<>();
        for (Map<String, Long> set : sets) {
            set.forEach(b::count);
            b.additive("", new ArrayList<>(set.keySet()));
            shown.putAll(set);
        }
        return protect(b, total, shown);
    }

    /**
     * Counts in two levels under a shown {@code total}: the total is the sum of the branches, each branch (shown
     * too, under its own name) the sum of its parts. Name → cell, the total under the key {@code ""}; names are
     * unique across branches and parts. All of them are one group on the page.
     *
     * @throws DisclosureRefused if the audit finds a hidden count pinned narrower than the protection
     */
    Map<String, HtmlTable.Cell> nested(long total, Map<String, Map<String, Long>> branches) {
        LinkedTables.Builder b = LinkedTables.builder().count("", total);
        Map<String, Long> shown = new LinkedHashMap<>();
        branches.forEach((branch, parts) -> {
            long sum = parts.values().stream().mapToLong(Long::longValue).sum();
            b.count(branch, sum);
            parts.forEach(b::count);
            b.additive(branch, new ArrayList<>(parts.keySet()));
            shown.put(branch, sum);
            shown.putAll(parts);
        });
        b.additive("", new ArrayList<>(branches.keySet()));
        return protect(b, total, shown);
    }

    /** Protects one group of linked counts (the total under {@code ""}) and turns them into cells, counting what it hid. */
    private Map<String, HtmlTable.Cell> protect(LinkedTables.Builder b, long total, Map<String, Long> parts) {
        String group = "g" + (++groups);
        CellSuppression.Result result = CellSuppression.protect(b.build(), protection);
        if (!result.audit().passed()) {
            throw new DisclosureRefused("a table of the pages", result.audit());
        }
        figures += parts.size() + 1;
        primary += result.count(CellSuppression.Reason.PRIMARY);
        secondary += result.count(CellSuppression.Reason.SECONDARY);
        attacked += result.audit().intervals().size();
        String tag = " data-group=\"" + group + "\" data-parts=\"" + parts.size() + "\"";
        Map<String, HtmlTable.Cell> cells = new LinkedHashMap<>();
        parts.forEach((name, n) -> cells.put(name, result.hidden().containsKey(name) ? hidden(tag)
                : HtmlTable.Cell.number(m.count(n), "data-count=\"" + n + "\"" + tag)));
        cells.put("", result.hidden().containsKey("") ? hidden(" data-total=\"" + group + "\"")
                : HtmlTable.Cell.number(m.count(total), "data-count=\"" + total + "\" data-total=\"" + group + "\""));
        return cells;
    }

    /** The reach table's rows under {@link ReachDisclosure}, counted with the pages' own tables. */
    ReachDisclosure reach(List<Row> rows) {
        ReachDisclosure control = ReachDisclosure.protect(rows, protection.k(), outcomes, besideOutcomes);
        figures += control.cells();
        primary += control.result().count(CellSuppression.Reason.PRIMARY);
        secondary += control.result().count(CellSuppression.Reason.SECONDARY);
        attacked += control.result().audit().intervals().size();
        return control;
    }

    /**
     * A series' {@code change_sensitivity} rows (whole period) under {@link SensitivityDisclosure} beside its published
     * region_outcomes row {@code outcome} ({@link SensitivitySeries}), counted with the pages' own tables; the rows in
     * the reliabilities' order with hidden shares blanked.
     */
    List<Row> sensitivity(Row outcome) {
        SensitivityDisclosure control = sensitivity.of(outcome.getAs("region"), outcome.getAs("instrument"), outcome.getAs("respondent"),
                outcome.getAs("arm"));
        if (control == null) {
            return List.of();
        }
        figures += control.cells();
        primary += control.count(CellSuppression.Reason.PRIMARY);
        secondary += control.count(CellSuppression.Reason.SECONDARY);
        attacked += control.result().audit().intervals().size();
        return control.published();
    }

    /** Counts of the pages' own tables (alliance, 3X10D, reach): figures, hidden primarily and secondarily, attacked. */
    long[] tally() {
        return new long[] {figures, primary, secondary, attacked};
    }

    private HtmlTable.Cell hidden(String attributes) {
        return HtmlTable.Cell.number(m.text("cell.suppressed"), "data-count=\"hidden\"" + attributes);
    }
}
