package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A region's outcomes by intake term (the {@code region_outcomes} rows other than {@code all}), project arm, in
 * time order: per term the complete cases' n, their intake and latest means and the change, so each row adds up
 * like the headline. The rows are the published ones: disclosure control hides small terms first.
 */
final class TermSection {
    private TermSection() {
    }

    /** The region page's section; empty of rows when the outcomes have no terms. */
    static Page.Section region(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.terms"), m.text("col.respondent"), m.text("col.period"), m.text("col.ncomplete"),
                m.text("col.intake"), m.text("col.latest"), m.text("col.change"));
        for (List<String> series : OverviewPage.HEADLINE) {
            for (Row r : terms(c, region, series)) {
                boolean ok = "ok".equals(s(r, "status"));
                t.row(HtmlTable.Cell.text(OverviewPage.seriesLabel(m, series)), HtmlTable.Cell.text(m.period(s(r, "period"))),
                        c.disclosure().protectedCount(r.getAs("n_complete")),
                        HtmlTable.Cell.number(ok ? m.number(d(r, "intake_mean_complete"), 1) : "–"),
                        HtmlTable.Cell.number(ok ? m.number(d(r, "latest_mean_complete"), 1) : "–"),
                        HtmlTable.Cell.number(ok ? m.interval(d(r, "mean_change"), d(r, "mean_change_lower"), d(r, "mean_change_upper"), 1)
                                : "–"));
            }
        }
        Page.Section section = new Page.Section("terms", m.text("section.terms")).intro(m.text("section.terms.intro", c.disclosure().k()));
        return t.isEmpty() ? section : section.table(t);
    }

    /** The project arm's term rows of one series, oldest first. */
    private static List<Row> terms(ReportContext c, String region, List<String> series) {
        List<Row> rows = new ArrayList<>();
        for (Row r : c.data().outcomes()) {
            if (same(r, "region", region) && same(r, "instrument", series.get(0)) && same(r, "respondent", series.get(1))
                    && same(r, "arm", "project") && !same(r, "period", ReportingPeriod.ALL_PERIODS)) {
                rows.add(r);
            }
        }
        rows.sort(Comparator.comparing(r -> s(r, "period"), Messages.PERIOD_ORDER));
        return rows;
    }
}
