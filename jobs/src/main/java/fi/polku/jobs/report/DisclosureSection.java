package fi.polku.jobs.report;

import fi.polku.jobs.disclosure.IndicatorDisclosure;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.RateDisclosure;
import fi.polku.privacy.CellSuppression;
import fi.polku.privacy.DisclosureAudit;
import java.util.List;
import java.util.Map;

/**
 * The pages' "Tietosuoja" / "Disclosure control" section: the rule, k, the protection interval, how many figures
 * were hidden primarily and secondarily (outcome tables, project indicators, regional rates and the pages' own tables), and that the audit passed.
 * Aggregate counts only: which hidden cell was small is never said.
 */
final class DisclosureSection {
    private final Messages m;
    private final Disclosure disclosure;
    private final OutcomeDisclosure outcomes;
    private final DisclosureAudit.Result audit;
    private final IndicatorDisclosure indicators;
    private final RateDisclosure rates;
    private final List<String> estimatesWithheld;

    /**
     * @param estimatesWithheld the indicators and age groups (as shown) whose effect estimates are left out because a
     *                          county count of theirs is hidden ({@link RateDisclosure#withholdsEstimates})
     */
    DisclosureSection(Messages m, Disclosure disclosure, OutcomeDisclosure outcomes, DisclosureAudit.Result audit,
                      IndicatorDisclosure indicators, RateDisclosure rates, List<String> estimatesWithheld) {
        this.rates = rates;
        this.estimatesWithheld = List.copyOf(estimatesWithheld);
        this.m = m;
        this.disclosure = disclosure;
        this.outcomes = outcomes;
        this.audit = audit;
        this.indicators = indicators;
    }

    Page.Section build() {
        Map<String, Long> s = outcomes.summary();
        long[] own = disclosure.tally();
        int k = disclosure.k();
        Page.Section section = new Page.Section("disclosure", m.text("section.disclosure"))
                .paragraph(m.text("disclosure.rule", k, k - 1))
                .paragraph(m.text("disclosure.protection", k))
                .paragraph(m.text("disclosure.outcomes", m.count(s.get("cells")), m.count(s.get("primary")), m.count(s.get("consequential")),
                        m.count(s.get("secondary"))))
                .paragraph(m.text("disclosure.pages", m.count(own[0]), m.count(own[1]), m.count(own[2])))
                .paragraph(m.text("disclosure.indicators", m.count(indicators.cells()),
                        m.count(indicators.result().count(CellSuppression.Reason.PRIMARY)),
                        m.count(indicators.result().count(CellSuppression.Reason.SECONDARY))))
                .paragraph(m.text("disclosure.rates", m.count(rates.cells()), rates.k(),
                        m.count(rates.result().count(CellSuppression.Reason.PRIMARY)),
                        m.count(rates.result().count(CellSuppression.Reason.SECONDARY))));
        if (!estimatesWithheld.isEmpty()) {
            section.paragraph(m.text("disclosure.estimates", String.join(", ", estimatesWithheld)));
        }
        return section.paragraph(m.text("disclosure.audit", m.count(audit.intervals().size() + own[3]
                        + indicators.result().audit().intervals().size() + rates.result().audit().intervals().size())));
    }
}
