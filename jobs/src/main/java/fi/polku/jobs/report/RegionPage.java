package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.change.ExpectedResponse;
import fi.polku.contract.OutcomeTables;
import fi.polku.outcome.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** One region's page: its outcomes by respondent and arm, paths, categories, alliance, 3X10D, statistics, indicators. */
final class RegionPage {
    private static final List<String> ARMS = List.of("project", "comparison");

    private RegionPage() {
    }

    static Page build(ReportContext c, String region, VariationSection.Data variation) {
        Messages m = c.m();
        Page p = c.page(m.text("title.region", c.regionName(region)), ReportContext.regionFile(region));
        HtmlTable t = new HtmlTable(m.text("section.headline"), OverviewPage.outcomeHeaders(m, m.text("col.respondent"), m.text("col.arm")));
        for (List<String> series : OverviewPage.HEADLINE) {
            for (String arm : ARMS) {
                Row r = OverviewPage.outcome(c, region, series.get(0), series.get(1), arm, ReportingPeriod.ALL_PERIODS);
                if (r != null) {
                    t.row(OverviewPage.outcomeCells(c, OverviewPage.seriesLabel(m, series), m.text("arm." + arm), r));
                }
            }
        }
        p.section(Summary.region(c, region));
        p.section(new Page.Section("headline", m.text("section.headline")).intro(m.text("section.headline.intro")).table(t));
        p.section(TermSection.region(c, region));
        p.section(trajectories(c, region));
        p.section(TrackSection.region(c, region));
        p.section(categories(c, region));
        p.section(ReliabilitySection.region(c, region));
        p.section(alliance(c, region));
        p.section(domains(c, region));
        p.section(rates(c, region));
        p.section(CostSection.region(c, region));
        p.section(VariationSection.municipal(c, variation, region));
        p.section(indicators(c, region));
        p.section(EffectsTable.appendix(c, region));
        c.finish(p);
        return p;
    }

    private static Page.Section trajectories(ReportContext c, String region) {
        Messages m = c.m();
        Page.Section section = new Page.Section("trajectories", m.text("section.trajectory"))
                .intro(m.text("section.trajectory.intro", c.disclosure().k()));
        for (String respondent : OverviewPage.RESPONDENTS) {
            LineChart chart = new LineChart(m.text("section.trajectory") + ": " + m.text("respondent." + respondent),
                    m.text("chart.session"), m.text("chart.ors")).wholeX();
            for (String arm : ARMS) {
                Map<Double, Double> points = new TreeMap<>();
                Map<Double, Long> clients = new TreeMap<>();
                for (Row r : c.data().sessionMeans()) {
                    if (same(r, "region", region) && same(r, "instrument", "ORS") && same(r, "respondent", respondent)
                            && same(r, "arm", arm) && c.disclosure().publishable(l(r, "n"))) {
                        double session = ((Number) r.getAs("session_no")).doubleValue();
                        points.put(session, d(r, "mean"));
                        clients.put(session, l(r, "n"));
                    }
                }
                chart.series(m.text("arm." + arm), points, clients, arm.equals("project") ? LineChart.Style.SOLID : LineChart.Style.DASHED);
            }
            Row project = OverviewPage.outcome(c, region, "ORS", respondent, "project", ReportingPeriod.ALL_PERIODS);
            if (project != null && "ok".equals(s(project, "status"))) {
                double intake = d(project, "intake_mean");
                String band = ExpectedResponse.band(intake);
                String rater = respondent.equals("parent") ? "caregiver" : "self";
                Map<Double, double[]> range = new TreeMap<>();
                for (Row e : c.data().etr()) {
                    if (same(e, "instrument", "ORS") && same(e, "rater", rater) && same(e, "intake_band", band)) {
                        range.put(((Number) e.getAs("session_no")).doubleValue(), new double[] {intake + d(e, "p25"), intake + d(e, "p75")});
                    }
                }
                chart.band(m.text("chart.expected"), range);
            }
            if (!chart.isEmpty()) {
                section.chart(chart.svg(m), m.text("section.trajectory") + ": " + m.text("respondent." + respondent));
            }
        }
        return section;
    }

    private static Page.Section categories(ReportContext c, String region) {
        Messages m = c.m();
        List<String> legend = new ArrayList<>();
        OutcomeTables.CATEGORIES.forEach(cat -> legend.add(m.text("category." + cat)));
        StackedBars bars = new StackedBars(m.text("section.categories"), legend, m.text("category.suppressed"));
        for (String respondent : OverviewPage.RESPONDENTS) {
            for (String arm : ARMS) {
                Row r = OverviewPage.outcome(c, region, "ORS", respondent, arm, ReportingPeriod.ALL_PERIODS);
                // Outcome rows are under disclosure control: a hidden n_assessed is null and takes the shares with it.
                if (r == null || r.getAs("n_assessed") == null || l(r, "n_assessed") == 0) {
                    continue;
                }
                List<StackedBars.Segment> segments = new ArrayList<>();
                double shown = 0;
                for (String cat : OutcomeTables.CATEGORIES) {
                    Double share = d(r, cat + "_share");
                    if (share != null && share > 0) {
                        segments.add(new StackedBars.Segment(m.text("category." + cat), share));
                    }
                    shown += share == null ? 0 : share;
                }
                if (1 - shown > 1e-9) {
                    segments.add(new StackedBars.Segment(m.text("category.suppressed"), 1 - shown));
                }
                bars.bar(m.text("respondent." + respondent) + ", " + m.text("arm." + arm) + " (n " + m.count(l(r, "n_assessed")) + ")",
                        segments);
            }
        }
        Page.Section section = new Page.Section("categories", m.text("section.categories"))
                .intro(m.text("section.categories.intro", c.disclosure().k()));
        return bars.isEmpty() ? section : section.chart(bars.svg(m), m.text("section.categories") + ": ORS");
    }

    private static Page.Section alliance(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.alliance"), m.text("col.respondent"), m.text("col.arm"), m.text("col.n"),
                m.text("col.meansrs"), m.text("col.belowcutoff"), m.text("col.abovecutoff"), m.text("col.drop"), m.text("col.nodrop"));
        for (Row r : c.data().alliance()) {
            if (!same(r, "region", region)) {
                continue;
            }
            long n = l(r, "n");
            Map<String, Long> below = new LinkedHashMap<>();
            below.put("below", l(r, "below"));
            below.put("above", n - l(r, "below"));
            Map<String, Long> dropped = new LinkedHashMap<>();
            dropped.put("dropped", l(r, "dropped"));
            dropped.put("kept", n - l(r, "dropped"));
            boolean ok = c.disclosure().publishable(n);
            Map<String, HtmlTable.Cell> belowCells = c.disclosure().parts(n, List.of(below, dropped));
            Map<String, HtmlTable.Cell> dropCells = belowCells;
            t.row(HtmlTable.Cell.text(m.textOr("respondent." + s(r, "respondent"), s(r, "respondent"))),
                    HtmlTable.Cell.text(m.text("arm." + s(r, "arm"))), belowCells.get(""),
                    HtmlTable.Cell.number(ok ? m.number(d(r, "mean"), 1) : "–"),
                    belowCells.get("below"), belowCells.get("above"), dropCells.get("dropped"), dropCells.get("kept"));
        }
        return new Page.Section("alliance", m.text("section.alliance")).table(t);
    }

    private static Page.Section domains(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.domains") + " (" + m.text("arm.project") + ")", m.text("col.domain"),
                m.text("col.n"), m.text("col.first"), m.text("col.last"), m.text("col.change"), m.text("col.better"), m.text("col.worse"),
                m.text("col.same"));
        for (Row r : c.data().domains()) {
            if (!same(r, "region", region) || !same(r, "arm", "project")) {
                continue;
            }
            long n = l(r, "n");
            Map<String, Long> parts = new LinkedHashMap<>();
            parts.put("better", l(r, "better"));
            parts.put("worse", l(r, "worse"));
            parts.put("same", n - l(r, "better") - l(r, "worse"));
            Map<String, HtmlTable.Cell> cells = c.disclosure().parts(n, List.of(parts));
            boolean ok = c.disclosure().publishable(n);
            t.row(HtmlTable.Cell.text(m.textOr("domain." + s(r, "domain_name"), s(r, "domain_name"))), cells.get(""),
                    HtmlTable.Cell.number(ok ? m.number(d(r, "first"), 1) : "–"), HtmlTable.Cell.number(ok ? m.number(d(r, "last"), 1) : "–"),
                    HtmlTable.Cell.number(ok ? m.number(d(r, "change"), 2) : "–"), cells.get("better"), cells.get("worse"),
                    cells.get("same"));
        }
        return new Page.Section("domains", m.text("section.domains")).intro(m.text("section.domains.intro")).table(t);
    }

    private static Page.Section rates(ReportContext c, String region) {
        Messages m = c.m();
        Page.Section section = new Page.Section("rates", m.text("section.rates")).intro(m.text("section.rates.intro"));
        LocalDate start = c.starts().get(region);
        for (String indicator : ReportData.CHARTED) {
            String name = m.textOr("indicator." + indicator, indicator);
            LineChart chart = new LineChart(name + ", " + c.regionName(region), m.text("chart.year"), m.text("chart.rate")).wholeX();
            Map<Double, Double> own = new TreeMap<>();
            Map<Integer, List<Double>> others = new TreeMap<>();
            for (Row r : c.data().rates()) {
                if (!same(r, "indicator", indicator)) {
                    continue;
                }
                int year = ((Number) r.getAs("year")).intValue();
                if (same(r, "region", region)) {
                    own.put((double) year, d(r, "rate_per_1000"));
                } else if (!c.starts().containsKey(s(r, "region"))) {
                    others.computeIfAbsent(year, y -> new ArrayList<>()).add(d(r, "rate_per_1000"));
                }
            }
            Map<Double, Double> median = new TreeMap<>();
            others.forEach((year, values) -> {
                values.sort(Double::compare);
                int k = values.size();
                median.put((double) year, k % 2 == 1 ? values.get(k / 2) : (values.get(k / 2 - 1) + values.get(k / 2)) / 2);
            });
            // A synthetic control that does not follow the region before the start is not drawn as a result.
            Map<Double, Double> synthetic = new TreeMap<>();
            for (Row r : c.data().paths()) {
                if (same(r, "region", region) && same(r, "indicator", indicator) && !EffectsTable.failed(c, region, indicator)) {
                    synthetic.put(Double.parseDouble(s(r, "period")), d(r, "counterfactual"));
                }
            }
            chart.series(c.regionName(region), own, LineChart.Style.SOLID)
                    .series(m.text("chart.synthetic"), synthetic, LineChart.Style.DASHED)
                    .series(m.text("chart.comparisonmedian"), median, LineChart.Style.DOTTED)
                    .series(m.text("chart.national"), NationalLevel.of(c.data().rates(), indicator), LineChart.Style.REFERENCE);
            Breaks.mark(chart, c.breaks());
            if (start != null) {
                chart.marker(start.getYear() + (start.getDayOfYear() - 1) / 365.0, m.text("chart.start"));
            }
            if (!chart.isEmpty()) {
                section.chart(chart.svg(m), name + " (" + ReportData.AGE + "), " + c.regionName(region));
            }
        }
        if (!c.breaks().isEmpty()) {
            section.paragraph(Breaks.note(m, c.breaks()));
        }
        return EffectsTable.region(c, region, section);
    }

    private static Page.Section indicators(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.indicators"), m.text("col.period"), m.text("col.families"), m.text("col.target"),
                m.text("col.coverage"), m.text("col.skipped"), m.text("col.dropout"));
        List<Row> rows = new ArrayList<>();
        for (Row r : c.data().indicators()) {
            if (same(r, "region", region)) {
                rows.add(r);
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> s(r, "period"), Messages.PERIOD_ORDER));
        rows.forEach(r -> t.row(OverviewPage.indicatorCells(c, m.period(s(r, "period")), r)));
        return new Page.Section("indicators", m.text("section.indicators")).table(t);
    }
}
