package fi.polku.jobs.disclosure;

import fi.polku.outcome.ReportingPeriod;
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

/**
 * Disclosure control of {@code project_indicators}, the one rule for every surface that publishes it (the export
 * and the pages). The rows become linked tables: per row, {@code skipped_meetings ≤ meetings},
 * {@code dropouts ≤ ended_episodes} and {@code families_reached ≤ episodes_reached}; per region, the periods add
 * up to {@code all} for every count of episodes or administrations (each episode counts once in its intake
 * period), and a period's families are at most the whole's (a family may come back in another period, so
 * families do not add up). A count the outcomes stage did not make (a dropout count it left blank) is in no
 * constraint: its true value is not known here. {@link CellSuppression} chooses what to hide; a hidden count
 * blanks itself and every column computed from it ({@link #DEPENDENTS}), the same whatever the reason.
 */
public final class IndicatorDisclosure {
    /** Each count and the columns computed from it. */
    public static final Map<String, List<String>> DEPENDENTS = dependents();
    /** Counts whose periods add up to {@code all}. */
    private static final List<String> ADDITIVE = List.of("episodes_reached", "measured_episodes", "meetings", "skipped_meetings",
            "ended_episodes", "dropouts");

    private final List<Row> published;
    private final List<Set<String>> blanked;
    private final CellSuppression.Result result;
    private final int cells;

    private IndicatorDisclosure(List<Row> published, List<Set<String>> blanked, CellSuppression.Result result, int cells) {
        this.published = published;
        this.blanked = blanked;
        this.result = result;
        this.cells = cells;
    }

    private static Map<String, List<String>> dependents() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("families_reached", List.of("families_share_of_target"));
        d.put("episodes_reached", List.of());
        d.put("measured_episodes", List.of("coverage", "coverage_met"));
        d.put("meetings", List.of("skipped_share", "skipped_lower", "skipped_upper"));
        d.put("skipped_meetings", List.of("skipped_share", "skipped_lower", "skipped_upper"));
        d.put("ended_episodes", List.of("dropout_share", "dropout_lower", "dropout_upper"));
        d.put("dropouts", List.of("dropout_share", "dropout_lower", "dropout_upper"));
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * Protects the rows of {@code project_indicators} (as the outcomes stage wrote them).
     *
     * @throws DisclosureRefused if some hidden figure cannot be protected at all
     */
    public static IndicatorDisclosure protect(List<Row> rows, int k) {
        LinkedTables truth = model(rows, (r, column) -> false);
        CellSuppression.Result result = CellSuppression.protect(truth, Protection.of(k));
        if (!result.audit().passed()) {
            throw new DisclosureRefused("project_indicators", result.audit());
        }
        List<Row> out = new ArrayList<>(rows.size());
        List<Set<String>> blanked = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Set<String> columns = new LinkedHashSet<>();
            DEPENDENTS.forEach((count, computed) -> {
                if (result.hidden().containsKey(key(r) + "/" + count)) {
                    columns.add(count);
                    columns.addAll(computed);
                }
            });
            blanked.add(columns);
            out.add(OutcomeDisclosure.blank(r, columns, null));
        }
        return new IndicatorDisclosure(List.copyOf(out), List.copyOf(blanked), result, truth.cells().size());
    }

    /** The audit an outsider can run on published rows ({@code hidden} says which columns of a row were blanked). */
    public static DisclosureAudit.Result audit(List<Row> publishedRows, BiPredicate<Row, String> hidden, int k) {
        return DisclosureAudit.ofUnshown(model(publishedRows, hidden), Protection.of(k));
    }

    /** The rows with hidden figures blanked (same schema). */
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

    /** How many counts the linked tables hold. */
    public int cells() {
        return cells;
    }

    /** The linked tables of project_indicators rows; a count {@code hidden} names has no value, one never made is left out. */
    static LinkedTables model(List<Row> rows, BiPredicate<Row, String> hidden) {
        LinkedTables.Builder b = LinkedTables.builder();
        Set<String> made = new LinkedHashSet<>();
        Map<String, Map<String, String>> periods = new TreeMap<>();
        for (Row r : rows) {
            String key = key(r);
            for (String count : DEPENDENTS.keySet()) {
                Long n = r.getAs(count);
                boolean blank = hidden.test(r, count);
                if (n != null || blank) {
                    b.count(key + "/" + count, blank ? null : n);
                    made.add(key + "/" + count);
                    if (ReportingPeriod.ALL_PERIODS.equals(r.getAs("period"))) {
                        // The pages show the whole-period rows: secondary suppression takes their counts last.
                        b.keep(key + "/" + count);
                    }
                }
            }
            atMost(b, made, key + "/skipped_meetings", key + "/meetings");
            atMost(b, made, key + "/dropouts", key + "/ended_episodes");
            atMost(b, made, key + "/families_reached", key + "/episodes_reached");
            periods.computeIfAbsent(r.getAs("region"), x -> new TreeMap<>()).put(r.getAs("period"), key);
        }
        for (PeriodRows cell : PeriodRows.of(periods.values())) {
            String all = cell.all();
            List<String> terms = cell.terms();
            for (String count : ADDITIVE) {
                List<String> parts = terms.stream().map(t -> t + "/" + count).toList();
                if (made.contains(all + "/" + count) && made.containsAll(parts)) {
                    b.additive(all + "/" + count, parts);
                }
            }
            terms.forEach(t -> atMost(b, made, t + "/families_reached", all + "/families_reached"));
        }
        return b.build();
    }

    private static void atMost(LinkedTables.Builder b, Set<String> made, String part, String whole) {
        if (made.contains(part) && made.contains(whole)) {
            b.atMost(part, whole);
        }
    }

    private static String key(Row r) {
        return r.getAs("region") + "|" + r.getAs("period");
    }
}
