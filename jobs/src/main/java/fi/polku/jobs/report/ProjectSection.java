package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.effect.PreTrend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The overview's opening placement section: the project's regions together (table {@code project_effects}) per
 * indicator, 13–17-year-olds first — the group-time ATT (simple aggregation) with its randomisation p and the
 * number of assignments behind it, its evidence grade, the minimum detectable reduction and the pre-trend test;
 * the sensitivity to the base year; the other aggregations, the pooled synthetic control (greyed when its pre-fit
 * fails) and the pooled regional estimates; then the event study of emergency placements as a chart and a table
 * (pre-period placebos marked). Caveats are written once under the tables and referred to by number.
 */
final class ProjectSection {
    private static final List<String> OTHER = List.of("cs_group", "cs_dynamic", "synthetic_control_pooled", "re_did_dl", "re_did_reml");

    private ProjectSection() {
    }

    static Page.Section build(ReportContext c) {
        Messages m = c.m();
        Page.Section section = new Page.Section("project", m.text("section.project")).intro(m.text("section.project.intro"));
        List<Row> rows = c.data().project();
        if (rows.isEmpty()) {
            return section.paragraph(m.text("project.none"));
        }
        Footnotes notes = new Footnotes(m);
        HtmlTable t = new HtmlTable(m.text("section.project"), m.text("col.indicator"), m.text("col.age"), m.text("col.estimate"),
                m.text("col.permutationp"), m.text("col.grade"), m.text("col.mde"), m.text("col.pretrend"), m.text("col.notes"));
        for (String age : ages(rows)) {
            for (String indicator : indicators(rows)) {
                Row simple = find(rows, indicator, age, "cs_simple", null);
                if (simple == null) {
                    continue;
                }
                Row pre = find(rows, indicator, age, "pre_trend", null);
                String p = d(simple, "p_value") == null ? "–" : m.number(d(simple, "p_value"), 3) + " ("
                        + m.text("project.assignments", m.count(simple.<Long>getAs("assignments"))) + ")";
                t.row(HtmlTable.Cell.text(name(m, indicator)), HtmlTable.Cell.text(age),
                        HtmlTable.Cell.number(m.interval(d(simple, "estimate"), d(simple, "ci_lower"), d(simple, "ci_upper"), 2)),
                        HtmlTable.Cell.number(p), EffectsTable.grade(m, simple), HtmlTable.Cell.number(mde(m, simple)),
                        HtmlTable.Cell.number(pre == null ? "–" : m.number(d(pre, "p_value"), 3)),
                        HtmlTable.Cell.text(notes.marks(s(simple, "warnings"))));
            }
        }
        String indicator = ReportData.CHARTED.get(0);
        Row headline = find(rows, indicator, ReportData.AGE, "cs_simple", null);
        if (headline != null && d(headline, "mde_per_1000") != null) {
            section.paragraph(m.text("project.mde", name(m, indicator), m.number(d(headline, "mde_per_1000"), 2),
                    m.number(d(headline, "mde_percent"), 0), m.number(d(headline, "pre_level"), 2)));
        }
        Row pre = find(rows, indicator, ReportData.AGE, "pre_trend", null);
        if (pre != null && d(pre, "p_value") != null) {
            section.paragraph(m.text("pretrend." + PreTrend.of(d(pre, "p_value")).name().toLowerCase(Locale.ROOT),
                    name(m, indicator), m.number(d(pre, "p_value"), 3)));
        }
        LineChart chart = eventStudy(c, rows, indicator);
        if (chart != null) {
            section.chart(chart.svg(m), m.text("project.eventstudy", name(m, indicator)));
        }
        section.table(t).table(baseYears(m, rows)).table(others(m, rows, notes)).table(eventTable(c, rows, indicator, notes));
        return notes.addTo(section);
    }

    /** The simple aggregation with the base year as used, a year earlier and (with a transition year) a year later. */
    private static HtmlTable baseYears(Messages m, List<Row> rows) {
        Row first = rows.stream().filter(r -> same(r, "method", "cs_simple") && s(r, "base_periods") != null).findFirst().orElse(null);
        if (first == null) {
            return new HtmlTable(m.text("project.base"), m.text("col.indicator"));
        }
        HtmlTable t = new HtmlTable(m.text("project.base"), m.text("col.indicator"), m.text("col.base", s(first, "base_periods")),
                m.text("col.base", s(first, "base_earlier")), m.text("col.base", Objects.toString(s(first, "base_later"), "–")));
        for (String indicator : indicators(rows)) {
            Row r = find(rows, indicator, ReportData.AGE, "cs_simple", null);
            if (r != null) {
                t.row(HtmlTable.Cell.text(name(m, indicator)), HtmlTable.Cell.number(m.number(d(r, "estimate"), 2)),
                        HtmlTable.Cell.number(m.number(d(r, "estimate_base_earlier"), 2)),
                        HtmlTable.Cell.number(m.number(d(r, "estimate_base_later"), 2)));
            }
        }
        return t;
    }

    /**
     * The other project-level estimates of the headline indicator (13–17; the rest are in the table): a synthetic
     * control whose pre-fit failed is greyed, not a result.
     */
    private static HtmlTable others(Messages m, List<Row> rows, Footnotes notes) {
        HtmlTable t = new HtmlTable(m.text("project.others"), m.text("col.indicator"), m.text("col.method"), m.text("col.estimate"),
                m.text("col.p"), m.text("col.grade"), m.text("col.notes"));
        for (String indicator : ReportData.CHARTED.subList(0, 1)) {
            for (String method : OTHER) {
                Row r = find(rows, indicator, ReportData.AGE, method, null);
                if (r != null) {
                    boolean failed = s(r, "warnings").contains("sc_poor_fit");
                    t.row(failed, HtmlTable.Cell.text(name(m, indicator)), HtmlTable.Cell.text(m.text("pmethod." + method)),
                            HtmlTable.Cell.number(m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2)),
                            HtmlTable.Cell.number(m.number(d(r, "p_value"), 3)), EffectsTable.grade(m, r),
                            HtmlTable.Cell.text(notes.marks(s(r, "warnings"))));
                }
            }
        }
        return t;
    }

    /** The event study as numbers: period relative to the start, the difference with its interval, its p. */
    private static HtmlTable eventTable(ReportContext c, List<Row> rows, String indicator, Footnotes notes) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("project.eventstudy", name(m, indicator)),
                m.text("col.relative"), m.text("col.estimate"), m.text("col.permutationp"), m.text("col.notes"));
        for (Row r : rows) {
            if (same(r, "indicator", indicator) && same(r, "age_group", ReportData.AGE) && same(r, "method", "event_study")) {
                int e = r.<Integer>getAs("relative_period");
                t.row(HtmlTable.Cell.text((e < 0 ? m.text("project.placebo") + " " : "") + m.number((double) e, 0)),
                        HtmlTable.Cell.number(m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2)),
                        HtmlTable.Cell.number(m.number(d(r, "p_value"), 3)), HtmlTable.Cell.text(notes.marks(s(r, "warnings"))));
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
        return new LineChart(m.text("project.eventstudy", name(m, indicator)),
                m.text("chart.relative"), m.text("chart.difference")).wholeX()
                .band(m.text("chart.band"), band).series(m.text("chart.att"), points, LineChart.Style.SOLID)
                .marker(0, m.text("chart.start"));
    }

    /** The MDE per 1 000 with its share of the pre-period level, or "–". */
    static String mde(Messages m, Row r) {
        return d(r, "mde_per_1000") == null ? "–" : m.number(d(r, "mde_per_1000"), 2)
                + (d(r, "mde_percent") == null ? "" : " (" + m.number(d(r, "mde_percent"), 0) + "\u00a0%)");
    }

    static String name(Messages m, String indicator) {
        return m.textOr("indicator." + indicator, indicator);
    }

    static Row find(List<Row> rows, String indicator, String age, String method, Integer e) {
        for (Row r : rows) {
            if (same(r, "indicator", indicator) && same(r, "age_group", age) && same(r, "method", method)
                    && Objects.equals(r.getAs("relative_period"), e)) {
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
