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
    /**
     * Counts of the children of the outcome series (families, episodes reached, measured episodes, ended episodes: each
     * at most the sum of a period's child series), published for the whole period only beside region_outcomes.
     */
    public static final List<String> WHOLE_PERIOD_ONLY = List.of("families_reached", "episodes_reached", "measured_episodes",
            "ended_episodes");
    /** The columns a term row leaves blank beside region_outcomes: {@link #WHOLE_PERIOD_ONLY} and what is computed from them. */
    private static final Set<String> TERMS_BLANK = termsBlank();
    private static final List<String> ADDITIVE = List.of("episodes_reached", "measured_episodes", "meetings", "skipped_meetings",
            "ended_episodes", "dropouts");

    private final List<Row> published;
    private final List<Set<String>> blanked;
    private final CellSuppression.Result result;
    private final int cells;
    private List<LinkedTables> beside = List.of();

    private IndicatorDisclosure(List<Row> published, List<Set<String>> blanked, CellSuppression.Result result, int cells) {
        this.published = published;
        this.blanked = blanked;
        this.result = result;
        this.cells = cells;
    }

    private static Set<String> termsBlank() {
        Set<String> out = new LinkedHashSet<>();
        for (String count : WHOLE_PERIOD_ONLY) {
            out.add(count);
            out.addAll(dependents().get(count));
        }
        return java.util.Collections.unmodifiableSet(out);
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
        return protect(rows, k, Map.of());
    }

    /**
     * Protects the rows beside region_outcomes as {@code outcomes} publishes it. Families, episodes reached and measured
     * episodes count the children of the outcome series ({@link ChildLinks}: a term's episodes reached were its
     * youths' and children's project series, and an attack on the demo's export, 2026-12-01, recovered 26 hidden
     * series counts from them), so they are published for the whole period only ({@link #WHOLE_PERIOD_ONLY}: a term's
     * are its series' n_episodes, which region_outcomes shows where it may), and the whole period's are attacked
     * together with region_outcomes; where that narrows a hidden figure, the region's whole-period counts of children
     * are hidden, until the joint audit passes.
     *
     * @throws DisclosureRefused if hiding them still leaves a figure narrowed
     */
    public static IndicatorDisclosure protect(List<Row> rows, int k, OutcomeDisclosure outcomes) {
        List<Row> whole = new ArrayList<>(rows.size());
        for (Row r : rows) {
            whole.add(ReportingPeriod.ALL_PERIODS.equals(r.getAs("period")) ? r : OutcomeDisclosure.blank(r, TERMS_BLANK, null));
        }
        LinkedTables links = ChildLinks.of(outcomes.episodes(), children(whole));
        BesideOutcomes.Protected<Attempt> done = BesideOutcomes.protect(new BesideOutcomes.Table<>() {
            @Override
            public Attempt protect(Map<String, CellSuppression.Reason> forced) {
                IndicatorDisclosure d = IndicatorDisclosure.protect(whole, k, forced);
                return new Attempt(d, model(whole, (r, column) -> d.result.hidden().containsKey(key(r) + "/" + column)));
            }

            @Override
            public List<LinkedTables> beside(Attempt a) {
                return List.of(a.view(), links);
            }

            @Override
            public Set<String> everyCountOfChildren() {
                Set<String> out = new LinkedHashSet<>();
                for (Row r : whole) {
                    for (String count : WHOLE_PERIOD_ONLY) {
                        Long n = r.getAs(count);
                        if (n != null && n > 0) {
                            out.add(key(r) + "/" + count);
                        }
                    }
                }
                return out;
            }

            @Override
            public Set<String> moreFor(Attempt a, DisclosureAudit.Interval failure) {
                // The failing figure's region: its whole-period counts of children still shown and not fixed by others.
                String region = ChildLinks.regionPeriod(failure.cell())[0];
                Set<String> out = new LinkedHashSet<>();
                for (String count : WHOLE_PERIOD_ONLY) {
                    String id = region + "|" + ReportingPeriod.ALL_PERIODS + "/" + count;
                    LinkedTables.Cell c = a.view().cells().get(id);
                    if (c != null && c.value() != null && c.value() > 0 && !ChildLinks.determined(links, id, outcomes.result().hidden().keySet())) {
                        out.add(id);
                    }
                }
                return out;
            }
        }, outcomes, "project_indicators");
        IndicatorDisclosure d = done.table().disclosure();
        d.beside = done.beside();
        return d;
    }

    /** One round's protection and the linked view it publishes. */
    private record Attempt(IndicatorDisclosure disclosure, LinkedTables view) {
    }

    /** The counts of children of every row, as {@link ChildLinks} links them to the outcome series. */
    private static List<ChildLinks.Count> children(List<Row> rows) {
        List<ChildLinks.Count> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.getAs("episodes_reached") == null) {
                continue;
            }
            out.add(new ChildLinks.Count(key(r) + "/episodes_reached", r.<Long>getAs("episodes_reached"), r.getAs("region"),
                    Set.of("project"), r.getAs("period")));
            out.add(new ChildLinks.Count(key(r) + "/measured_episodes", r.<Long>getAs("measured_episodes"), r.getAs("region"),
                    Set.of("project", "comparison"), r.getAs("period")));
            out.add(new ChildLinks.Count(key(r) + "/ended_episodes", r.<Long>getAs("ended_episodes"), r.getAs("region"), Set.of("project"),
                    r.getAs("period")));
        }
        return out;
    }

    private static IndicatorDisclosure protect(List<Row> rows, int k, Map<String, CellSuppression.Reason> forced) {
        LinkedTables truth = model(rows, (r, column) -> false);
        CellSuppression.Result result = CellSuppression.protect(truth, Protection.of(k), forced);
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

    /**
     * What this table adds beside region_outcomes for an attacker: its published linked tables and their links to the
     * outcome series (empty unless protected beside region_outcomes).
     */
    public List<LinkedTables> besideOutcomes() {
        return beside;
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
