package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.jobs.disclosure.ReachDisclosure;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The project overview: headline table per region, regions pooled, placement effects of the project regions
 * together ({@link ProjectSection}) and per region, regional variation (funnel plot and its trend), project
 * indicators against targets, methods and provenance.
 */
final class OverviewPage {
    static final List<String> RESPONDENTS = List.of("youth", "parent");
    /** The headline rows per region: the child's own CORS beside the youth's and the parent's ORS. */
    static final List<List<String>> HEADLINE = List.of(List.of("CORS", "child"), List.of("ORS", "youth"), List.of("ORS", "parent"));

    private OverviewPage() {
    }

    static Page build(ReportContext c, VariationSection.Data variation) {
        Messages m = c.m();
        Page p = c.page(m.text("title.overview"), "index.html");
        p.section(Summary.overview(c));
        p.section(headline(c));
        p.section(pooled(c));
        p.section(ProjectSection.build(c));
        p.section(effects(c));
        p.section(VariationSection.build(c, variation));
        p.section(indicators(c));
        p.section(QualitySection.build(c));
        c.finish(p);
        return p;
    }

    /** One row per region × respondent: ORS, project arm, whole project. */
    static Page.Section headline(ReportContext c) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.headline"), outcomeHeaders(m, m.text("col.region"), m.text("col.respondent")));
        for (String region : c.regions()) {
            for (List<String> series : HEADLINE) {
                Row r = outcome(c, region, series.get(0), series.get(1), "project", ReportingPeriod.ALL_PERIODS);
                if (r != null) {
                    t.row(outcomeCells(c, c.regionName(region), seriesLabel(m, series), r));
                }
            }
        }
        return new Page.Section("headline", m.text("section.headline")).intro(m.text("section.headline.intro")).table(t);
    }

    /** A headline row's label: the respondent and the instrument, e.g. "youth (ORS)". */
    static String seriesLabel(Messages m, List<String> series) {
        return m.text("respondent." + series.get(1)) + " (" + series.get(0) + ")";
    }

    /**
     * The headers of {@link #outcomeCells}: each figure has the n it rests on beside it (all clients; those with
     * an intake and a latest score, for the means, change and effect size; those assessed, for the shares).
     */
    static String[] outcomeHeaders(Messages m, String first, String second) {
        return new String[] {first, second, m.text("col.n"), m.text("col.ncomplete"), m.text("col.intake"), m.text("col.latest"),
            m.text("col.change"), m.text("col.gav"), m.text("col.nassessed"), m.text("col.recovered"), m.text("col.improved"),
            m.text("col.contrast")};
    }

    /** The cells of a headline row: the n's always (under disclosure), estimates only for published cells. */
    static HtmlTable.Cell[] outcomeCells(ReportContext c, String first, String second, Row r) {
        Messages m = c.m();
        boolean ok = "ok".equals(s(r, "status"));
        String contrast = "ok".equals(s(r, "contrast_status"))
                ? m.interval(d(r, "contrast_adjusted"), d(r, "contrast_adjusted_lower"), d(r, "contrast_adjusted_upper"), 1)
                : OutcomeDisclosure.HIDDEN.equals(s(r, "contrast_status")) ? "–" : m.text("note.missingarm");
        return new HtmlTable.Cell[] {HtmlTable.Cell.text(first), HtmlTable.Cell.text(second),
            c.disclosure().protectedCount(r.getAs("n_episodes")), c.disclosure().protectedCount(r.getAs("n_complete")),
            HtmlTable.Cell.number(ok ? m.number(d(r, "intake_mean_complete"), 1) : "–"),
            HtmlTable.Cell.number(ok ? m.number(d(r, "latest_mean_complete"), 1) : "–"),
            HtmlTable.Cell.number(ok ? m.interval(d(r, "mean_change"), d(r, "mean_change_lower"), d(r, "mean_change_upper"), 1) : "–"),
            HtmlTable.Cell.number(ok ? m.interval(d(r, "g_av"), d(r, "g_av_lower"), d(r, "g_av_upper"), 2) : "–"),
            c.disclosure().protectedCount(r.getAs("n_assessed")),
            HtmlTable.Cell.number(m.percentInterval(d(r, "recovered_share"), d(r, "recovered_lower"), d(r, "recovered_upper"))),
            HtmlTable.Cell.number(m.percentInterval(d(r, "improved_share"), d(r, "improved_lower"), d(r, "improved_upper"))),
            HtmlTable.Cell.number(ok && "project".equals(s(r, "arm")) ? contrast : "")};
    }

    static Row outcome(ReportContext c, String region, String instrument, String respondent, String arm, String period) {
        for (Row r : c.data().outcomes()) {
            if (same(r, "region", region) && same(r, "instrument", instrument) && same(r, "respondent", respondent)
                    && same(r, "arm", arm) && same(r, "period", period)) {
                return r;
            }
        }
        return null;
    }

    private static Page.Section pooled(ReportContext c) {
        Messages m = c.m();
        Page.Section section = new Page.Section("pooled", m.text("section.pooled")).intro(m.text("section.pooled.intro"));
        HtmlTable stats = new HtmlTable(m.text("section.pooled"), m.text("col.respondent"), m.text("col.method"), m.text("col.k"),
                m.text("col.estimate"), m.text("col.tau2"), m.text("col.i2"), m.text("col.prediction"));
        for (String respondent : RESPONDENTS) {
            ForestPlot plot = new ForestPlot(m.text("section.pooled") + ": ORS, " + m.text("respondent." + respondent),
                    m.text("chart.effect"), 0, m.text("chart.noeffect"));
            for (String region : c.regions()) {
                Row r = outcome(c, region, "ORS", respondent, "project", ReportingPeriod.ALL_PERIODS);
                if (r != null && "ok".equals(s(r, "status"))) {
                    plot.row(c.regionName(region), d(r, "g_av"), d(r, "g_av_lower"), d(r, "g_av_upper"), false,
                            m.interval(d(r, "g_av"), d(r, "g_av_lower"), d(r, "g_av_upper"), 2));
                }
            }
            for (Row r : c.data().pooled()) {
                if (same(r, "instrument", "ORS") && same(r, "respondent", respondent) && same(r, "arm", "project")) {
                    String method = m.text("method." + s(r, "method"));
                    if (d(r, "estimate") != null) {
                        plot.row(m.text("chart.pooled") + " (" + method + ")", d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), true,
                                m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2));
                    }
                    stats.row(HtmlTable.Cell.text(m.text("respondent." + respondent)), HtmlTable.Cell.text(method),
                            HtmlTable.Cell.number(m.count(l(r, "k"))),
                            HtmlTable.Cell.number(m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2)),
                            HtmlTable.Cell.number(m.number(d(r, "tau2"), 3)), HtmlTable.Cell.number(m.number(d(r, "i2"), 0) + " %"),
                            HtmlTable.Cell.number(d(r, "prediction_lower") == null ? "–"
                                    : m.number(d(r, "prediction_lower"), 2) + "–" + m.number(d(r, "prediction_upper"), 2)));
                    for (String w : c.caveats(s(r, "status"))) {
                        section.warning(m.text("respondent." + respondent) + ", " + method + ": " + w);
                    }
                }
            }
            if (!plot.isEmpty()) {
                section.chart(plot.svg(m), m.text("chart.effect") + ": ORS, " + m.text("respondent." + respondent));
            }
        }
        return section.warningsSummary(m.text("note.warnings", section.warningCount())).table(stats);
    }

    private static Page.Section effects(ReportContext c) {
        Messages m = c.m();
        Page.Section section = new Page.Section("effects", m.text("section.effects")).intro(m.text("section.effects.intro"));
        String indicator = ReportData.CHARTED.get(0);
        ForestPlot plot = new ForestPlot(m.text("indicator." + indicator), m.text("chart.difference"), 0, m.text("chart.noeffect"));
        HtmlTable t = new HtmlTable(m.textOr("indicator." + indicator, indicator), m.text("col.region"), m.text("col.method"),
                m.text("col.estimate"), m.text("col.p"), m.text("col.grade"), m.text("col.notes"));
        Footnotes notes = new Footnotes(m);
        for (String region : c.regions()) {
            for (Row r : c.data().effects()) {
                if (!same(r, "region", region) || !same(r, "indicator", indicator) || !same(r, "age_group", ReportData.AGE)
                        || same(r, "method", "twfe")) {
                    continue;
                }
                String method = s(r, "method");
                boolean failed = method.equals("synthetic_control") && EffectsTable.failed(c, region, indicator);
                t.row(failed, HtmlTable.Cell.text(c.regionName(region)), HtmlTable.Cell.text(m.text("method." + method)),
                        HtmlTable.Cell.number(m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2)),
                        HtmlTable.Cell.number(m.number(d(r, "p_value"), 2)), EffectsTable.grade(m, r),
                        HtmlTable.Cell.text(notes.marks(s(r, "warnings"))));
                // Estimates that failed their own validity check are not drawn as results.
                if (!method.equals("its") && !failed && d(r, "estimate") != null && d(r, "ci_lower") != null) {
                    plot.row(c.regionName(region) + " · " + (method.equals("did") ? "DiD" : "SC"), d(r, "estimate"),
                            d(r, "ci_lower"), d(r, "ci_upper"), false, m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2));
                }
            }
        }
        notes.addTo(section);
        if (!plot.isEmpty()) {
            section.chart(plot.svg(m), m.text("indicator." + indicator) + " 13–17: " + m.text("chart.difference"));
        }
        return section.table(t);
    }

    private static Page.Section indicators(ReportContext c) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.indicators"), m.text("col.region"), m.text("col.families"), m.text("col.target"),
                m.text("col.coverage"), m.text("col.skipped"), m.text("col.dropout"));
        HtmlTable reach = new HtmlTable(m.text("section.reach"), m.text("col.region"), m.text("col.arm"), m.text("col.clients"),
                m.text("col.meetings"));
        ReachDisclosure control = c.disclosure().reach(c.data().meetings().stream().filter(r -> c.regions().contains(s(r, "region")))
                .toList());
        for (String region : c.regions()) {
            for (Row r : c.data().indicators()) {
                if (same(r, "region", region) && same(r, "period", ReportingPeriod.ALL_PERIODS)) {
                    t.row(indicatorCells(c, c.regionName(region), r));
                }
            }
            for (Row r : c.data().meetings()) {
                if (same(r, "region", region)) {
                    reach.row(HtmlTable.Cell.text(c.regionName(region)), HtmlTable.Cell.text(m.text("arm." + s(r, "arm"))),
                            c.disclosure().protectedCount(control.hidden(r, "clients") ? null : l(r, "clients")),
                            c.disclosure().protectedCount(control.hidden(r, "meetings") ? null : l(r, "meetings")));
                }
            }
        }
        if (!reach.isEmpty()) {
            return new Page.Section("indicators", m.text("section.indicators")).table(reach).table(t);
        }
        return new Page.Section("indicators", m.text("section.indicators")).table(t);
    }

    static HtmlTable.Cell[] indicatorCells(ReportContext c, String first, Row r) {
        Messages m = c.m();
        String target = r.getAs("families_target") == null ? m.text("note.notarget")
                : m.count(l(r, "families_target")) + " (" + m.percent(d(r, "families_share_of_target")) + ")";
        String coverage = d(r, "coverage") == null ? "–" : m.percent(d(r, "coverage"))
                + (d(r, "coverage_target") == null ? "" : " / " + m.percent(d(r, "coverage_target")));
        return new HtmlTable.Cell[] {HtmlTable.Cell.text(first), c.disclosure().protectedCount(r.getAs("families_reached")),
            HtmlTable.Cell.number(target), HtmlTable.Cell.number(coverage),
            HtmlTable.Cell.number(m.percentInterval(d(r, "skipped_share"), d(r, "skipped_lower"), d(r, "skipped_upper"))),
            HtmlTable.Cell.number(m.percentInterval(d(r, "dropout_share"), d(r, "dropout_lower"), d(r, "dropout_upper")))};
    }

    /** Regions in the outcomes, when the config names none. */
    static List<String> regionsIn(ReportData data) {
        Set<String> all = new LinkedHashSet<>();
        data.outcomes().forEach(r -> all.add(s(r, "region")));
        return new ArrayList<>(all);
    }
}
