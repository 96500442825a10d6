package fi.polku.jobs.disclosure;

import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table whose counts count the children of the outcome series ({@link ChildLinks}), protected beside
 * region_outcomes: it is protected on its own, then attacked together with region_outcomes as published; where that
 * narrows a hidden figure, more of its counts are hidden, until the joint audit passes. The one loop of
 * {@link IndicatorDisclosure} and {@link ReachDisclosure}.
 */
final class BesideOutcomes {
    private BesideOutcomes() {
    }

    /** One table's part in the loop; {@code D} is its protection. */
    interface Table<D> {
        /** The table protected on its own, with {@code forced} hidden as well. */
        D protect(Map<String, CellSuppression.Reason> forced);

        /** What an attacker has beside region_outcomes once {@code d} is published: its view and its links. */
        List<LinkedTables> beside(D d);

        /** Every count of children with a value above 0: hidden when the joint problem cannot be solved. */
        Set<String> everyCountOfChildren();

        /** The counts of {@code d} to hide more for one failing figure of the joint audit. */
        Set<String> moreFor(D d, DisclosureAudit.Interval failure);
    }

    /**
     * The protection, and what is published beside region_outcomes with it (empty when the joint problem could not be
     * solved and every count of children was hidden instead).
     */
    record Protected<D>(D table, List<LinkedTables> beside) {
    }

    /**
     * Runs the loop.
     *
     * @param what the table, for the refusal's message
     * @throws DisclosureRefused if a failing figure leaves nothing more of the table to hide
     */
    static <D> Protected<D> protect(Table<D> table, OutcomeDisclosure outcomes, String what) {
        Map<String, CellSuppression.Reason> forced = new LinkedHashMap<>();
        while (true) {
            D d = table.protect(forced);
            List<LinkedTables> beside = table.beside(d);
            DisclosureAudit.Result joint;
            try {
                joint = ChildLinks.published(outcomes.auditBeside(beside));
            } catch (IllegalStateException unsolved) {
                // The simplex could not settle the joint problem: no count of children is published, and the tables are
                // then no more linked than region_outcomes alone.
                table.everyCountOfChildren().forEach(id -> forced.put(id, CellSuppression.Reason.SECONDARY));
                return new Protected<>(table.protect(forced), List.of());
            }
            if (joint.passed()) {
                return new Protected<>(d, beside);
            }
            Set<String> more = new LinkedHashSet<>();
            for (DisclosureAudit.Interval f : joint.failures()) {
                more.addAll(table.moreFor(d, f));
            }
            if (more.isEmpty()) {
                throw new DisclosureRefused(what + " beside region_outcomes", joint);
            }
            more.forEach(id -> forced.put(id, CellSuppression.Reason.SECONDARY));
        }
    }
}
