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
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * Disclosure control of {@code region_outcomes}, the one rule for every surface that publishes it (the export's
 * region table and the pages). The rows become linked tables: per row, the change categories add up to
 * {@code n_assessed}, and {@code n_assessed ≤ n_complete ≤ n_episodes}; per region × instrument × respondent ×
 * arm, the terms add up to {@code all} for every count and for the sums over the complete cases: of change
 * ({@code n_complete · mean_change}, each case's change within ± the instrument's maximum) and of the intake and
 * latest scores ({@code n_complete · intake_mean_complete}, {@code n_complete · latest_mean_complete}, each case's
 * score within 0 and the maximum), with latest sum = intake sum + change sum in every row. {@link CellSuppression} chooses what to
 * hide; a hidden cell blanks a fixed set of columns, the same whatever the reason, so that the published rows do
 * not tell a primary cell (under k) from a secondary one:
 * <ul>
 * <li>{@code n_episodes}: it and the intake and latest means;</li>
 * <li>{@code n_complete} or a sum over the complete cases: it and every estimate from the complete pairs, their
 * intake and latest means included (t and d_z reveal the n: t / d_z = √n), and the arm contrast on both arms' rows;</li>
 * <li>{@code n_assessed}: it and every share and Wilson interval of the row;</li>
 * <li>a category: its count, share and interval.</li>
 * </ul>
 * Status texts of rows with something hidden say {@link #HIDDEN} instead of a reason that could name a count.
 */
public final class OutcomeDisclosure {
    /** The status of a row part hidden by disclosure control. */
    public static final String HIDDEN = "hidden: disclosure control";

    private final List<Row> published;
    private final List<Set<String>> blanked;
    private final CellSuppression.Result result;
    private final Protection protection;
    private final LinkedTables truth;

    private OutcomeDisclosure(List<Row> published, List<Set<String>> blanked, CellSuppression.Result result, Protection protection,
                              LinkedTables truth) {
        this.published = published;
        this.blanked = blanked;
        this.result = result;
        this.protection = protection;
        this.truth = truth;
    }

    /**
     * Protects the rows of {@code region_outcomes} (as the outcomes stage wrote them).
     *
     * @throws DisclosureRefused if some hidden figure cannot be protected at all
     */
    public static OutcomeDisclosure protect(List<Row> rows, int k) {
        return protect(rows, k, null);
    }

    /**
     * Protects the rows for a second surface published beside {@code beside} (the export beside the pages): every
     * figure {@code beside} hides stays hidden, so an attacker holding both surfaces sees no more than the union of
     * what each shows, which {@link #auditTogether} attacks.
     *
     * @param beside the same rows protected for the other surface, or null when there is none
     * @throws DisclosureRefused        if some hidden figure cannot be protected at all
     * @throws IllegalArgumentException if {@code beside} was made from other rows
     */
    public static OutcomeDisclosure protect(List<Row> rows, int k, OutcomeDisclosure beside) {
        Protection protection = Protection.of(k);
        LinkedTables truth = OutcomeLinks.model(rows, (r, column) -> false);
        CellSuppression.Result result = CellSuppression.protect(truth, protection,
                beside == null ? Map.of() : beside.result.hidden());
        if (!result.audit().passed()) {
            throw new DisclosureRefused("region_outcomes", result.audit());
        }
        Map<String, Set<String>> hiddenByRow = new TreeMap<>();
        result.hidden().keySet().forEach(id -> {
            int slash = id.lastIndexOf('/');
            hiddenByRow.computeIfAbsent(id.substring(0, slash), x -> new LinkedHashSet<>()).add(id.substring(slash + 1));
        });
        Set<String> contrastHidden = new LinkedHashSet<>();
        hiddenByRow.forEach((key, hidden) -> {
            if (hidden.contains("n_complete") || hidden.contains("n_episodes") || OutcomeLinks.COMPLETE_SUMS.keySet().stream().anyMatch(hidden::contains)) {
                contrastHidden.add(armless(key));
            }
        });
        List<Row> out = new ArrayList<>(rows.size());
        List<Set<String>> blanked = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Set<String> hidden = hiddenByRow.getOrDefault(key(r), Set.of());
            Set<String> columns = OutcomeLinks.columns(hidden, contrastHidden.contains(armless(key(r))));
            blanked.add(columns);
            out.add(blank(r, columns, HIDDEN));
        }
        return new OutcomeDisclosure(List.copyOf(out), List.copyOf(blanked), result, protection, truth);
    }

    /**
     * The audit of two surfaces published from the same rows, as an attacker holding both runs it: a figure is
     * known if either shows it, and every figure both hide is attacked at the smaller of the two k (a surface
     * with the smaller k legitimately shows counts from that k up).
     *
     * @throws IllegalArgumentException if {@code other} was made from other rows
     */
    public DisclosureAudit.Result auditTogether(OutcomeDisclosure other) {
        if (!other.truth.cells().keySet().equals(truth.cells().keySet())) {
            throw new IllegalArgumentException("the two surfaces were protected from different region_outcomes rows");
        }
        Set<String> hiddenOnBoth = new LinkedHashSet<>(result.hidden().keySet());
        hiddenOnBoth.retainAll(other.result.hidden().keySet());
        return attack(truth.published(hiddenOnBoth), Math.min(protection.k(), other.protection.k()));
    }

    /**
     * The audit of what this surface (and {@code other}, when not null) hides against published records of the same
     * episodes as well: {@code known} holds, per cell of the linked tables ({@link #cells(String)} ids), the part of
     * its figure the published records make up (a recount of the export's microdata); each such cell splits into
     * that known part and an unknown rest ({@link LinkedTables#withKnownParts}). Every figure hidden on both
     * surfaces is attacked at the smaller k.
     *
     * @throws IllegalArgumentException if {@code known} is not a recount of these rows' cases
     */
    public DisclosureAudit.Result auditWithRecords(Map<String, Double> known, OutcomeDisclosure other) {
        return auditWithRecords(known, other, List.of());
    }

    /**
     * As {@link #auditWithRecords(Map, OutcomeDisclosure)}, with figures published beside region_outcomes whose
     * relations reach into it ({@code beside}, cells named as region_outcomes' cells where they are its figures: the
     * pages' reliability sensitivity, {@link SensitivitySeries#views()}).
     */
    public DisclosureAudit.Result auditWithRecords(Map<String, Double> known, OutcomeDisclosure other, List<LinkedTables> beside) {
        Set<String> hidden = new LinkedHashSet<>(result.hidden().keySet());
        int k = protection.k();
        if (other != null) {
            hidden.retainAll(other.result.hidden().keySet());
            k = Math.min(k, other.protection.k());
        }
        LinkedTables extended = joined(truth, beside).withKnownParts(known);
        Set<String> unknown = new LinkedHashSet<>(hidden);
        hidden.stream().filter(known::containsKey).forEach(id -> unknown.add(id + LinkedTables.UNKNOWN));
        LinkedTables view = extended.published(unknown);
        List<String> checked = view.cells().values().stream().filter(c -> !c.shown() && !c.id().endsWith(LinkedTables.UNKNOWN))
                .map(LinkedTables.Cell::id).toList();
        return DisclosureAudit.of(view, Protection.of(k), checked);
    }

    /** The true {@code n_episodes} of every row protected, by row key (for counts of the same children elsewhere). */
    Map<String, Long> episodes() {
        Map<String, Long> out = new TreeMap<>();
        truth.cells().forEach((id, c) -> {
            if (id.endsWith("/n_episodes") && c.value() != null) {
                out.put(id.substring(0, id.length() - "/n_episodes".length()), c.value().longValue());
            }
        });
        return out;
    }

    /**
     * The audit of this surface with figures published beside it whose relations reach into region_outcomes
     * ({@code beside}, named as in {@link #auditWithRecords(Map, OutcomeDisclosure, List)}): every figure either hides
     * is attacked.
     */
    public DisclosureAudit.Result auditBeside(List<LinkedTables> beside) {
        return attack(joined(truth.published(result.hidden().keySet()), beside), protection.k());
    }

    private static LinkedTables joined(LinkedTables tables, List<LinkedTables> beside) {
        LinkedTables out = tables;
        for (LinkedTables b : beside) {
            out = out.joined(b, java.util.function.UnaryOperator.identity());
        }
        return out;
    }

    /** The cell ids of a row's figures in the linked tables, by figure: counts, categories and sums over complete cases. */
    public static Map<String, String> figures(String rowKey) {
        Map<String, String> out = new LinkedHashMap<>();
        OutcomeLinks.COUNTS.forEach(c -> out.put(c, rowKey + "/" + c));
        OutcomeTables.CATEGORIES.forEach(c -> out.put(c, rowKey + "/" + c));
        OutcomeLinks.COMPLETE_SUMS.keySet().forEach(c -> out.put(c, rowKey + "/" + c));
        return out;
    }

    /**
     * The hidden figures by row: row key ({@link #key(String, String, String, String, String)}) → the figures
     * hidden in it ({@code n_episodes}, {@code n_complete}, {@code n_assessed}, a category name, or a sum over the
     * complete cases: {@code change_sum}, {@code intake_sum}, {@code latest_sum}).
     */
    public Map<String, Set<String>> hiddenFigures() {
        Map<String, Set<String>> out = new TreeMap<>();
        result.hidden().keySet().forEach(id -> out.computeIfAbsent(id.substring(0, id.lastIndexOf('/')), x -> new java.util.TreeSet<>())
                .add(id.substring(id.lastIndexOf('/') + 1)));
        return out;
    }

    /** The row key a cell id belongs to. */
    public static String rowOf(String cellId) {
        String id = cellId.endsWith(LinkedTables.KNOWN) || cellId.endsWith(LinkedTables.UNKNOWN)
                ? cellId.substring(0, cellId.length() - LinkedTables.KNOWN.length()) : cellId;
        return id.substring(0, id.lastIndexOf('/'));
    }

    /**
     * The rows whose group size ({@code n_episodes}) is hidden, by {@link #key(String, String, String, String, String)}:
     * a surface that could count the group from other data (the export's microdata) must not.
     */
    public Set<String> rowsWithHiddenEpisodes() {
        Set<String> out = new java.util.TreeSet<>();
        String suffix = "/n_episodes";
        result.hidden().keySet().stream().filter(id -> id.endsWith(suffix)).forEach(id -> out.add(id.substring(0, id.length() - suffix.length())));
        return out;
    }

    /**
     * The audit an outsider can run: the linked tables rebuilt from published rows alone ({@code hidden} says which
     * columns of a row were blanked by disclosure control), every hidden count and change sum attacked.
     */
    public static DisclosureAudit.Result audit(List<Row> publishedRows, BiPredicate<Row, String> hidden, int k) {
        return attack(OutcomeLinks.model(publishedRows, hidden), k);
    }

    /** Every figure the view does not show, attacked. */
    private static DisclosureAudit.Result attack(LinkedTables view, int k) {
        return DisclosureAudit.ofUnshown(view, Protection.of(k));
    }

    /** The audit of {@link #published()} from its figures alone, as {@link #audit} runs it on any published rows. */
    public DisclosureAudit.Result auditPublished() {
        Map<Row, Set<String>> byRow = new java.util.IdentityHashMap<>();
        for (int i = 0; i < published.size(); i++) {
            byRow.put(published.get(i), blanked.get(i));
        }
        return audit(published, (r, column) -> byRow.get(r).contains(column), protection.k());
    }

    /** The rows with hidden figures blanked (same schema; blanked counts are null). */
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

    /** The rule. */
    public Protection protection() {
        return protection;
    }

    /** How many figures (counts and change sums) the linked tables hold. */
    public int cells() {
        return truth.cells().size();
    }

    /** A row's key: region/instrument/respondent/arm/period, joined by '|'. */
    static String key(Row r) {
        return key(r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("arm"), r.getAs("period"));
    }

    /** The key of the region_outcomes row of a region, instrument, respondent, arm and period: joined by '|'. */
    public static String key(String region, String instrument, String respondent, String arm, String period) {
        return String.join("|", region, instrument, respondent, arm, period);
    }

    /** The key without the arm: both arms of a cell share it. */
    private static String armless(String key) {
        String[] p = key.split("\\|");
        return String.join("|", p[0], p[1], p[2], p[4]);
    }

    /**
     * A row with {@code columns} blanked: null, or {@code statusText} for a status column when it is not null (the
     * row's status columns then say the part is hidden).
     */
    static Row blank(Row r, Set<String> columns, String statusText) {
        if (columns.isEmpty()) {
            return r;
        }
        Object[] values = new Object[r.size()];
        String[] names = r.schema().fieldNames();
        for (int i = 0; i < values.length; i++) {
            String name = names[i];
            boolean status = name.equals("status") || name.equals("shares_status") || name.equals("contrast_status");
            values[i] = !columns.contains(name) ? r.get(i) : status && statusText != null ? statusText : null;
        }
        return new GenericRowWithSchema(values, r.schema());
    }

    /** Counts of what was hidden, for reports: cells by reason and rows touched. */
    public Map<String, Long> summary() {
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("cells", (long) cells());
        for (CellSuppression.Reason reason : CellSuppression.Reason.values()) {
            s.put(reason.name().toLowerCase(java.util.Locale.ROOT), result.count(reason));
        }
        s.put("rows_with_hidden_figures", blanked.stream().filter(b -> !b.isEmpty()).count());
        return s;
    }
}
