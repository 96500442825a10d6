package fi.polku.jobs.disclosure;

import fi.polku.contract.OutcomeTables;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.spark.sql.Row;

/**
 * Disclosure control of one series of {@code change_sensitivity} (region × instrument × respondent × arm, whole
 * period) beside its {@code region_outcomes} row. A share with the shown {@code n_assessed} gives its count back, so
 * the shares are counts. The linked tables: under every reliability the five categories add up to the same
 * {@code n_assessed} (the same clients), and the chosen reliability's categories are region_outcomes' own cells.
 * What region_outcomes hides stays hidden ({@code beside}); the other reliabilities' small counts and what follows
 * from them are hidden by {@link CellSuppression}. Should the suppression need a cell region_outcomes shows, every
 * share of the series is hidden instead (the earlier stopgap, now the fallback).
 */
public final class SensitivityDisclosure {
    private static final String TOTAL = "n_assessed";

    private final List<Row> published;
    private final List<Set<String>> blanked;
    private final CellSuppression.Result result;
    private final int cells;
    private final Set<String> beside;

    private SensitivityDisclosure(List<Row> published, List<Set<String>> blanked, CellSuppression.Result result, int cells,
                                  Set<String> beside) {
        this.beside = beside;
        this.published = published;
        this.blanked = blanked;
        this.result = result;
        this.cells = cells;
    }

    /**
     * Protects the series' rows ({@code change_sensitivity}, one per reliability) beside the published region_outcomes
     * row of the same series.
     *
     * @param outcome the region_outcomes row as published (hidden counts null)
     * @throws DisclosureRefused if some hidden figure cannot be protected at all
     */
    public static SensitivityDisclosure protect(List<Row> rows, Row outcome, int k) {
        LinkedTables truth = model(rows, outcome, (r, column) -> false);
        Map<String, CellSuppression.Reason> beside = new LinkedHashMap<>();
        if (outcome.getAs(TOTAL) == null) {
            beside.put(TOTAL, CellSuppression.Reason.BESIDE);
        }
        for (String cat : OutcomeTables.CATEGORIES) {
            if (outcome.getAs(cat + "_n") == null && truth.cells().containsKey(chosen(cat))) {
                beside.put(chosen(cat), CellSuppression.Reason.BESIDE);
            }
        }
        CellSuppression.Result result = CellSuppression.protect(truth, Protection.of(k), beside);
        if (!result.audit().passed()) {
            throw new DisclosureRefused("the reliability sensitivity table", result.audit());
        }
        boolean fallback = result.hidden().keySet().stream().anyMatch(id -> !beside.containsKey(id) && (id.equals(TOTAL)
                || id.startsWith("chosen/")));
        List<Set<String>> blanked = new ArrayList<>();
        List<Row> published = new ArrayList<>();
        for (Row r : rows) {
            Set<String> columns = new LinkedHashSet<>();
            for (String cat : OutcomeTables.CATEGORIES) {
                if (fallback || result.hidden().containsKey(TOTAL) || result.hidden().containsKey(id(r, cat))) {
                    columns.add(cat + "_n");
                    columns.add(cat + "_share");
                }
            }
            if (columns.contains("recovered_share") || columns.contains("improved_share")) {
                columns.add("reliably_improved_share");
            }
            blanked.add(columns);
            published.add(OutcomeDisclosure.blank(r, columns, null));
        }
        return new SensitivityDisclosure(List.copyOf(published), List.copyOf(blanked), result, truth.cells().size(),
                Set.copyOf(beside.keySet()));
    }

    /**
     * The audit an outsider can run on the series as shown ({@code hidden}: a category count of a row, or of the
     * region_outcomes row for the chosen reliability and for {@code n_assessed}, is not shown).
     */
    public static DisclosureAudit.Result audit(List<Row> rows, Row outcome, BiPredicate<Row, String> hidden, int k) {
        return DisclosureAudit.ofUnshown(model(rows, outcome, hidden), Protection.of(k));
    }

    /** The rows with hidden counts and shares blanked (same schema, same order). */
    public List<Row> published() {
        return published;
    }

    /** Per row, the columns blanked. */
    public List<Set<String>> blanked() {
        return blanked;
    }

    /** The suppression and its audit. */
    public CellSuppression.Result result() {
        return result;
    }

    /** How many counts this table hid for a reason, leaving out those region_outcomes hides already. */
    public long count(CellSuppression.Reason reason) {
        return result.hidden().entrySet().stream().filter(e -> e.getValue() == reason && !beside.contains(e.getKey())).count();
    }

    /** How many counts the linked tables hold. */
    public int cells() {
        return cells;
    }

    /** The series' linked tables; the chosen reliability's categories are region_outcomes' cells (hidden as it hides them). */
    private static LinkedTables model(List<Row> rows, Row outcome, BiPredicate<Row, String> hidden) {
        LinkedTables.Builder b = LinkedTables.builder();
        Long total = rows.isEmpty() ? outcome.<Long>getAs(TOTAL) : rows.get(0).<Long>getAs(TOTAL);
        b.count(TOTAL, hidden.test(outcome, TOTAL) ? null : total).keep(TOTAL);
        boolean chosenSeen = false;
        for (Row r : rows) {
            boolean chosen = Boolean.TRUE.equals(r.getAs("chosen"));
            List<String> parts = new ArrayList<>();
            for (String cat : OutcomeTables.CATEGORIES) {
                Long n = r.getAs(cat + "_n");
                if (n == null) {
                    parts.clear();
                    break;
                }
                String id = chosen ? chosen(cat) : id(r, cat);
                if (!chosen || !chosenSeen) {
                    b.count(id, hidden.test(chosen ? outcome : r, cat) ? null : n);
                    if (chosen) {
                        b.keep(id);
                    }
                }
                parts.add(id);
            }
            if (!parts.isEmpty() && !(chosen && chosenSeen)) {
                b.additive(TOTAL, parts);
            }
            chosenSeen |= chosen && !parts.isEmpty();
        }
        return b.build();
    }

    private static String chosen(String category) {
        return "chosen/" + category;
    }

    private static String id(Row r, String category) {
        return r.getAs("reliability_source") + "/" + category;
    }
}
