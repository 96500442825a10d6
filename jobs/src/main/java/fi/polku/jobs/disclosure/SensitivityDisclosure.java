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
 * from them are hidden by {@link CellSuppression}. Should the suppression need a cell region_outcomes shows, or fail,
 * every share of the series is hidden instead (the earlier stopgap, now the fallback).
 */
public final class SensitivityDisclosure {
    private static final String TOTAL = "n_assessed";

    private final List<Row> rows;
    private final Row outcome;
    private final List<Row> published;
    private final List<Set<String>> blanked;
    private final CellSuppression.Result result;
    private final int cells;
    private final Set<String> beside;
    private final boolean fallback;

    private SensitivityDisclosure(List<Row> rows, Row outcome, List<Row> published, List<Set<String>> blanked,
                                  CellSuppression.Result result, int cells, Set<String> beside, boolean fallback) {
        this.fallback = fallback;
        this.rows = rows;
        this.outcome = outcome;
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
     */
    public static SensitivityDisclosure protect(List<Row> rows, Row outcome, int k) {
        return protect(rows, outcome, k, false);
    }

    /**
     * As {@link #protect(List, Row, int)}; with {@code hideAll} every share of the series is hidden (what
     * region_outcomes shows stays shown there): for a series whose shares narrow a figure beside them
     * ({@link SensitivitySeries}).
     */
    static SensitivityDisclosure protect(List<Row> rows, Row outcome, int k, boolean hideAll) {
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
        blankAtSource(rows).stream().filter(truth.cells()::containsKey).forEach(id -> beside.put(id, CellSuppression.Reason.BESIDE));
        CellSuppression.Result result = CellSuppression.protect(truth, Protection.of(k), beside);
        // Unprotectable here, or protectable only by hiding what region_outcomes shows: every share of the series goes.
        boolean fallback = hideAll || !result.audit().passed() || result.hidden().keySet().stream().anyMatch(id -> !beside.containsKey(id)
                && (id.equals(TOTAL) || id.startsWith("chosen/")));
        List<Set<String>> blanked = new ArrayList<>();
        List<Row> published = new ArrayList<>();
        for (Row r : rows) {
            Set<String> columns = new LinkedHashSet<>();
            boolean chosen = Boolean.TRUE.equals(r.getAs("chosen"));
            for (String cat : OutcomeTables.CATEGORIES) {
                String id = chosen ? chosen(cat) : id(r, cat);
                // In the fallback a zero stays shown (n_assessed is region_outcomes' and shown there, and a zero is shown
                // beside a shown total everywhere: the attacker takes every other hidden count to be at least 1);
                // otherwise what the suppression hid (everything when n_assessed is hidden); a row outside the model whole.
                boolean zero = Long.valueOf(0).equals(r.getAs(cat + "_n"));
                boolean hide = fallback ? !zero || outcome.getAs(TOTAL) == null
                        : result.hidden().containsKey(TOTAL) || result.hidden().containsKey(id);
                if (hide || !truth.cells().containsKey(id)) {
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
        return new SensitivityDisclosure(List.copyOf(rows), outcome, List.copyOf(published), List.copyOf(blanked), result,
                truth.cells().size(), Set.copyOf(beside.keySet()), fallback);
    }

    /**
     * What the series shows, as linked tables whose cells are named as region_outcomes' cells of its whole-period
     * row {@code rowKey}: {@code n_assessed} and the chosen reliability's categories are that row's own figures,
     * another reliability's category {@code c} is {@code rowKey/source:c}. Joined to region_outcomes
     * ({@link LinkedTables#joined}), the audit attacks both together: the reliabilities' order and sums reach into
     * the row's hidden categories. A series with every share hidden (the fallback) shows only its zeros, which force
     * nothing but zeros through the order (a count forced to 0 holds no one): it adds no figure and is left out.
     */
    public LinkedTables view(String rowKey) {
        if (fallback) {
            return LinkedTables.builder().build();
        }
        Map<Row, Set<String>> blankedOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            blankedOf.put(rows.get(i), blanked.get(i));
        }
        LinkedTables shown = model(rows, outcome, (r, column) -> r == outcome
                ? outcome.getAs(column.equals(TOTAL) ? TOTAL : column + "_n") == null
                : blankedOf.get(r).contains(column + "_n"));
        String prefix = rowKey + "/";
        return LinkedTables.builder().build().joined(shown, id -> id.equals(TOTAL) ? prefix + TOTAL
                : id.startsWith("chosen/") ? prefix + id.substring("chosen/".length()) : prefix + id.replace('/', ':'));
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

    /**
     * The series' linked tables; the chosen reliability's categories are region_outcomes' cells (hidden as it hides
     * them). Categories the change stage left blank (its own small-cell rule) are hidden cells whose sum is known
     * ({@code n_assessed} minus the shown ones); how that sum splits is unknown, so the truth puts it on the first
     * of them (the audit reads only the view, where they have no value).
     */
    private static LinkedTables model(List<Row> rows, Row outcome, BiPredicate<Row, String> hidden) {
        LinkedTables.Builder b = LinkedTables.builder();
        Long total = rows.isEmpty() ? outcome.<Long>getAs(TOTAL) : rows.get(0).<Long>getAs(TOTAL);
        b.count(TOTAL, hidden.test(outcome, TOTAL) ? null : total).keep(TOTAL);
        if (total == null || total == 0) {
            return b.build();
        }
        boolean chosenSeen = false;
        List<Modelled> modelled = new ArrayList<>();
        for (Row r : rows) {
            boolean chosen = Boolean.TRUE.equals(r.getAs("chosen"));
            long[] n = truth(r, total);
            if (n == null || chosen && chosenSeen) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n.length; i++) {
                String cat = OutcomeTables.CATEGORIES.get(i);
                String id = chosen ? chosen(cat) : id(r, cat);
                boolean shown = r.getAs(cat + "_n") != null && !hidden.test(chosen ? outcome : r, cat);
                b.count(id, shown ? n[i] : null);
                if (chosen) {
                    b.keep(id);
                }
                parts.add(id);
            }
            b.additive(TOTAL, parts);
            chosenSeen |= chosen;
            modelled.add(new Modelled(r, chosen));
        }
        ordered(b, modelled);
        return b.build();
    }

    private record Modelled(Row row, boolean chosen) {
        String id(String category) {
            return chosen ? SensitivityDisclosure.chosen(category) : SensitivityDisclosure.id(row, category);
        }
    }

    /**
     * The order the reliabilities' categories keep (Jacobson–Truax with one clinical cutoff): with a lower threshold
     * no client leaves a reliably changed category and none joins "unchanged", so from a higher threshold to a lower
     * one every changed category can only grow and "unchanged" only shrink. An attacker knows this; the relations are
     * added unless both counts exist at source and break them (then the data follow another rule and an attacker
     * assuming this one learns nothing true). A count the change stage left blank is still bound by the order (it
     * is the attacker's to use: the demo's region 13 pinned a hidden count through one), so its relations are added.
     */
    private static void ordered(LinkedTables.Builder b, List<Modelled> modelled) {
        List<Modelled> byThreshold = new ArrayList<>(modelled.stream().filter(m -> m.row().getAs("threshold_points") != null).toList());
        byThreshold.sort(java.util.Comparator.comparingDouble(m -> m.row().<Double>getAs("threshold_points")));
        for (int i = 0; i + 1 < byThreshold.size(); i++) {
            Row lower = byThreshold.get(i).row();
            Row higher = byThreshold.get(i + 1).row();
            for (String cat : OutcomeTables.CATEGORIES) {
                Long l = lower.getAs(cat + "_n");
                Long h = higher.getAs(cat + "_n");
                boolean unchanged = cat.equals("unchanged");
                if (l != null && h != null && (unchanged ? l > h : h > l)) {
                    continue;
                }
                if (unchanged) {
                    b.ordered(byThreshold.get(i).id(cat), byThreshold.get(i + 1).id(cat));
                } else {
                    b.ordered(byThreshold.get(i + 1).id(cat), byThreshold.get(i).id(cat));
                }
            }
        }
    }

    /** The row's category counts, the blank ones' sum on the first of them; null if they cannot add up to the total. */
    private static long[] truth(Row r, long total) {
        long[] n = new long[OutcomeTables.CATEGORIES.size()];
        long shown = 0;
        int firstBlank = -1;
        for (int i = 0; i < n.length; i++) {
            Long v = r.getAs(OutcomeTables.CATEGORIES.get(i) + "_n");
            if (v == null) {
                firstBlank = firstBlank < 0 ? i : firstBlank;
            } else {
                n[i] = v;
                shown += v;
            }
        }
        if (firstBlank >= 0) {
            n[firstBlank] = total - shown;
        }
        return shown > total || firstBlank < 0 && shown != total ? null : n;
    }

    /** The cells of categories the change stage left blank. */
    private static List<String> blankAtSource(List<Row> rows) {
        List<String> ids = new ArrayList<>();
        boolean chosenSeen = false;
        for (Row r : rows) {
            boolean chosen = Boolean.TRUE.equals(r.getAs("chosen"));
            for (String cat : OutcomeTables.CATEGORIES) {
                if (r.getAs(cat + "_n") == null && !(chosen && chosenSeen)) {
                    ids.add(chosen ? chosen(cat) : id(r, cat));
                }
            }
            chosenSeen |= chosen;
        }
        return ids;
    }

    private static String chosen(String category) {
        return "chosen/" + category;
    }

    private static String id(Row r, String category) {
        return r.getAs("reliability_source") + "/" + category;
    }
}
