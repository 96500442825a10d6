package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The overview's opening placement section: the project's regions together (table {@code project_effects}) per
 * indicator, 13–17-year-olds first — the group-time ATT (simple aggregation) with its randomisation p and the
 * number of assignments behind it, the minimum detectable reduction and the pre-trend test — then the event
 * study of emergency placements as a chart and a table (pre-period placebos marked), and the detectable effect
 * in one plain sentence.
 */
final class ProjectSection {
    private ProjectSection() {
    }

    static Page.Section build(ReportContext c) {
        Messages m = c.m();
        Page.Section section = new Page.Section("project", m.text("section.project")).intro(m.text("section.project.intro"));
        List<Row> rows = c.data().project();
        if (rows.isEmpty()) {
            return section.paragraph(m.text("project.none"));
        }
        HtmlTable t = new HtmlTable(m.text("section.project"), m.text("col.indicator"), m.text("col.age"), m.text("col.estimate"),
                m.text("col.permutationp"), m.text("col.mde"), m.text("col.pretrend"));
        for (String age : ages(rows)) {
            for (String indicator : indicators(rows)) {
                Row simple = find(rows, indicator, age, "cs_simple", null);
                if (simple == null) {
                    continue;
                }
                Row pre = find(rows, indicator, age, "pre_trend", null);
                String p = d(simple, "p_value") == null ? "–" : m.number(d(simple, "p_value"), 3) + " ("
                        + m.text("project.assignments", m.count(simple.<Long>getAs("assignments"))) + ")";
                String mde = d(simple, "mde_per_1000") == null ? "–" : m.number(d(simple, "mde_per_1000"), 2)
                        + (d(simple, "mde_percent") == null ? "" : " (" + m.number(d(simple, "mde_percent"), 0) + "\u00a0%)");
                t.row(HtmlTable.Cell.text(m.textOr("indicator." + indicator, indicator)), HtmlTable.Cell.text(age),
                        HtmlTable.Cell.number(m.interval(d(simple, "estimate"), d(simple, "ci_lower"), d(simple, "ci_upper"), 2)),
                        HtmlTable.Cell.number(p), HtmlTable.Cell.number(mde),
                        HtmlTable.Cell.number(pre == null ? "–" : m.number(d(pre, "p_value"), 3)));
            }
        }
        String indicator = ReportData.CHARTED.get(0);
        Row headline = find(rows, indicator, ReportData.AGE, "cs_simple", null);
        if (headline != null && d(headline, "mde_per_1000") != null) {
            section.paragraph(m.text("project.mde", m.textOr("indicator." + indicator, indicator),
                    m.number(d(headline, "mde_per_1000"), 2), m.number(d(headline, "mde_percent"), 0),
                    m.number(d(headline, "pre_level"), 2)));
        }
        Row pre = find(rows, indicator, ReportData.AGE, "pre_trend", null);
        if (pre != null && s(pre, "diagnostics") != null) {
            section.warning(s(pre, "diagnostics"), "en");
        }
        if (headline != null) {
            section.warning(s(headline, "inference"), "en");
        }
        LineChart chart = eventStudy(c, rows, indicator);
        if (chart != null) {
            section.chart(chart.svg(m), m.text("project.eventstudy", m.textOr("indicator." + indicator, indicator)));
        }
        return section.warningsSummary(m.text("note.warnings", section.warningCount())).table(t)
                .table(eventTable(c, rows, indicator));
    }

    /** The event study as numbers: period relative to the start, the difference with its interval, its p. */
    private static HtmlTable eventTable(ReportContext c, List<Row> rows, String indicator) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("project.eventstudy", m.textOr("indicator." + indicator, indicator)),
                m.text("col.relative"), m.text("col.estimate"), m.text("col.permutationp"));
        for (Row r : rows) {
            if (same(r, "indicator", indicator) && same(r, "age_group", ReportData.AGE) && same(r, "method", "event_study")) {
                int e = r.<Integer>getAs("relative_period");
                t.row(HtmlTable.Cell.text((e < 0 ? m.text("project.placebo") + " " : "") + m.number((double) e, 0)),
                        HtmlTable.Cell.number(m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2)),
                        HtmlTable.Cell.number(m.number(d(r, "p_value"), 3)));
            }
        }
        return t;
    }

    private static LineChart eventStudy(ReportContext c, List<Row> rows, String indicator) {
        Messages m = c.m();
        Map<Double, Double> points = new TreeMap<>();
        Map<Double, double[]> band = new TreeMap<>();
        for (Row r : rows) {
            if (same(r, "indicator", indicator) && same(r, "age_group", ReportData.AGE) && same(r, "method", "event_study")
                    && d(r, "estimate") != null) {
                double e = r.<Integer>getAs("relative_period");
                points.put(e, d(r, "estimate"));
                if (d(r, "ci_lower") != null) {
                    band.put(e, new double[] {d(r, "ci_lower"), d(r, "ci_upper")});
                }
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        return new LineChart(m.text("project.eventstudy", m.textOr("indicator." + indicator, indicator)),
                m.text("chart.relative"), m.text("chart.difference")).wholeX()
                .band(m.text("chart.band"), band).series(m.text("chart.att"), points, LineChart.Style.SOLID)
                .marker(0, m.text("chart.start"));
    }

    private static Row find(List<Row> rows, String indicator, String age, String method, Integer e) {
        for (Row r : rows) {
            if (same(r, "indicator", indicator) && same(r, "age_group", age) && same(r, "method", method)
                    && java.util.Objects.equals(r.getAs("relative_period"), e)) {
                return r;
            }
        }
        return null;
    }

    /** Age groups, 13–17 first. */
    private static List<String> ages(List<Row> rows) {
        Set<String> all = new LinkedHashSet<>();
        all.add(ReportData.AGE);
        rows.forEach(r -> all.add(s(r, "age_group")));
        return new ArrayList<>(all);
    }

    /** Indicators, the charted ones first. */
    private static List<String> indicators(List<Row> rows) {
        Set<String> all = new LinkedHashSet<>(ReportData.CHARTED);
        rows.forEach(r -> all.add(s(r, "indicator")));
        return new ArrayList<>(all);
    }
}
