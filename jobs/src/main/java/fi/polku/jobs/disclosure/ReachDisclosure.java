package fi.polku.jobs.disclosure;

import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
import java.util.HashSet;
import java.util.List;
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
        LinkedTables truth = model(rows, (r, column) -> false);
        CellSuppression.Result result = CellSuppression.protect(truth, Protection.of(k));
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
