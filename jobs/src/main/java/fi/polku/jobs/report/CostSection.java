package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.jobs.config.Label;
import fi.polku.jobs.config.RunConfig;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * A region's cost offset ({@code cost_offset}, engine {@code CostOffset}): per indicator with a unit cost in the
 * config, method and post-period, the events avoided and their cost with the effect's 95 % interval carried
 * through, and the unit cost with its source as the config gives it. The figures rest on public statistics and
 * model estimates, not on counts of clients.
 */
final class CostSection {
    private CostSection() {
    }

    /** The region page's section; without rows when no indicator has a unit cost. */
    static Page.Section region(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.cost"), m.text("col.indicator"), m.text("col.method"), m.text("chart.year"),
                m.text("col.avoided"), m.text("col.unitcost"), m.text("col.costoffset"));
        Set<String> indicators = new LinkedHashSet<>();
        for (Row r : c.data().costs()) {
            if (!same(r, "region", region) || !same(r, "age_group", ReportData.AGE)) {
                continue;
            }
            t.row(HtmlTable.Cell.text(m.textOr("indicator." + s(r, "indicator"), s(r, "indicator"))),
                    HtmlTable.Cell.text(m.text("method." + s(r, "method"))), HtmlTable.Cell.text(s(r, "period")),
                    HtmlTable.Cell.number(m.interval(d(r, "events_avoided"), d(r, "events_avoided_lower"), d(r, "events_avoided_upper"), 1)),
                    HtmlTable.Cell.number(m.number(d(r, "unit_cost_eur"), 0)),
                    HtmlTable.Cell.number(m.interval(d(r, "cost_offset_eur"), d(r, "cost_offset_lower_eur"), d(r, "cost_offset_upper_eur"), 0)));
            indicators.add(s(r, "indicator"));
        }
        Page.Section section = new Page.Section("cost", m.text("section.cost") + " (" + ReportData.AGE + ")")
                .intro(m.text(t.isEmpty() ? "section.cost.none" : "section.cost.intro"));
        // The source is the user's text (config unit_costs[].source, plain or per language), marked when in another language.
        for (RunConfig.UnitCost cost : c.unitCosts()) {
            if (indicators.contains(cost.indicator())) {
                Label.Shown source = cost.source().in(Messages.Language.valueOf(m.lang().toUpperCase(java.util.Locale.ROOT)));
                String lead = m.text("cost.source") + " " + m.textOr("indicator." + cost.indicator(), cost.indicator()) + ": "
                        + m.number(cost.euros(), 0) + " €,";
                if (source.lang().isEmpty()) {
                    section.paragraph(lead + " " + source.text());
                } else {
                    section.paragraph(lead, source.text(), source.lang());
                }
            }
        }
        return t.isEmpty() ? section : section.table(t);
    }
}
