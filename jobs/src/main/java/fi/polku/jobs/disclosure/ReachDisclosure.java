package fi.polku.jobs.disclosure;

import fi.polku.outcome.ReportingPeriod;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.spark.sql.Row;

/**
 * Disclosure control of the pages' reach table (clients and meetings per region and arm, from the sessions). Every
 * client had at least one meeting, so per row {@code clients ≤ meetings}: a hidden small number of clients beside a
 * shown number of meetings under 2k would be pinned narrower than the protection. The table shows no totals (its
 * clients are counted from every session, not the indicators' families from the outcome series), so the arms and
 * regions add up to no published figure; totals added to it must join {@link #model}.
 */
public final class ReachDisclosure {
    /** The counts of a reach row. */
    public static final List<String> COUNTS = List.of("clients", "meetings");

    private final Set<String> hidden;
    private final CellSuppression.Result result;
    private final int cells;

    private ReachDisclosure(Set<String> hidden, CellSuppression.Result result, int cells) {
        this.hidden = hidden;
        this.result = result;
        this.cells = cells;
    }

    /**
     * Protects the reach rows (region, arm, clients, meetings).
     *
     * @throws DisclosureRefused if some hidden figure cannot be protected at all
     */
    public static ReachDisclosure protect(List<Row> rows, int k) {
        return protect(rows, k, Map.of());
    }

    /**
     * Protects the rows beside region_outcomes as {@code outcomes} publishes it, and beside {@code others} (further
     * published tables linked to it, e.g. the pages' project indicators): a region and arm's clients are its
     * children, whose outcome series add up to them ({@link ChildLinks}; an attack on the demo's pages, 2026-12-01,
     * took a region's children in the comparison group less its shown youths for its hidden children's series).
     * Where the tables together narrow a hidden figure, the region's clients are hidden, until the joint audit passes.
     *
     * @throws DisclosureRefused if hiding every client count of a region still leaves a figure narrowed
     */
    public static ReachDisclosure protect(List<Row> rows, int k, OutcomeDisclosure outcomes, List<LinkedTables> others) {
        List<ChildLinks.Count> clients = new ArrayList<>();
        for (Row r : rows) {
            clients.add(new ChildLinks.Count(id(r, "clients"), ((Number) r.getAs("clients")).longValue(), r.getAs("region"),
                    Set.of((String) r.getAs("arm")), ReportingPeriod.ALL_PERIODS));
        }
        LinkedTables links = ChildLinks.of(outcomes.episodes(), clients);
        Set<String> arms = new HashSet<>();
        rows.forEach(r -> arms.add(r.getAs("arm")));
        return BesideOutcomes.protect(new BesideOutcomes.Table<ReachDisclosure>() {
            @Override
            public ReachDisclosure protect(Map<String, CellSuppression.Reason> forced) {
                return ReachDisclosure.protect(rows, k, forced);
            }

            @Override
            public List<LinkedTables> beside(ReachDisclosure d) {
                List<LinkedTables> beside = new ArrayList<>(others);
                beside.add(model(rows, d::hidden));
                beside.add(links);
                return beside;
            }

            @Override
            public Set<String> everyCountOfChildren() {
                Set<String> out = new LinkedHashSet<>();
                rows.stream().filter(r -> ((Number) r.getAs("clients")).longValue() > 0).forEach(r -> out.add(id(r, "clients")));
                return out;
            }

            @Override
            public Set<String> moreFor(ReachDisclosure d, DisclosureAudit.Interval f) {
                // The failing figure's region, and its arm where it names one (an outcome row's or a reach row's).
                String[] key = f.cell().substring(0, f.cell().lastIndexOf('/')).split("\\|");
                String arm = key.length == 5 ? key[3] : key.length == 2 ? key[1] : null;
                Set<String> out = new LinkedHashSet<>();
                rows.stream().filter(r -> key[0].equals(r.getAs("region")) && (arm == null || !arms.contains(arm) || arm.equals(r.getAs("arm")))
                        && ((Number) r.getAs("clients")).longValue() > 0 && !d.hidden(r, "clients")
                        && !ChildLinks.determined(links, id(r, "clients"), outcomes.result().hidden().keySet())).forEach(r -> out.add(id(r, "clients")));
                return out;
            }
        }, outcomes, "the reach table").table();
    }

    private static ReachDisclosure protect(List<Row> rows, int k, Map<String, CellSuppression.Reason> forced) {
        LinkedTables truth = model(rows, (r, column) -> false);
        CellSuppression.Result result = CellSuppression.protect(truth, Protection.of(k), forced);
        if (!result.audit().passed()) {
            throw new DisclosureRefused("the reach table", result.audit());
        }
        return new ReachDisclosure(new HashSet<>(result.hidden().keySet()), result, truth.cells().size());
    }

    /** The audit an outsider can run on the shown rows ({@code hidden} says which counts of a row are hidden). */
    public static DisclosureAudit.Result audit(List<Row> rows, BiPredicate<Row, String> hidden, int k) {
        return DisclosureAudit.ofUnshown(model(rows, hidden), Protection.of(k));
    }

    /** Whether a row's count ({@code clients} or {@code meetings}) is hidden. */
    public boolean hidden(Row r, String count) {
        return hidden.contains(id(r, count));
    }

    /** The suppression and its audit. */
    public CellSuppression.Result result() {
        return result;
    }

    /** How many counts the table holds. */
    public int cells() {
        return cells;
    }

    private static LinkedTables model(List<Row> rows, BiPredicate<Row, String> hidden) {
        LinkedTables.Builder b = LinkedTables.builder();
        for (Row r : rows) {
            for (String count : COUNTS) {
                b.count(id(r, count), hidden.test(r, count) ? null : ((Number) r.getAs(count)).longValue());
            }
            b.atMost(id(r, "clients"), id(r, "meetings"));
        }
        return b.build();
    }

    private static String id(Row r, String count) {
        return r.getAs("region") + "|" + r.getAs("arm") + "/" + count;
    }
}
