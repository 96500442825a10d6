package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.contract.OutcomeTables;
import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The pages' view of reliable change's reliability: on a region page, the children's own change (CORS) beside the
 * youths' and parents' (ORS), and every share again under each available reliability ({@code change_sensitivity})
 * with a sentence where the conclusion changes; in the methods section of every page, the run's thresholds in
 * points per instrument × age band × reliability and the cutoff's equality rule ({@code change_reliability}).
 */
final class ReliabilitySection {
    private static final List<String> ARMS = List.of("project", "comparison");
    private static final String CHOSEN = " ●";
    private static final List<String> ORDER = List.of("alpha", "test_retest", "alpha_clinical", "sample_alpha");

    private ReliabilitySection() {
    }

    /** The region page's section. */
    static Page.Section region(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable who = new HtmlTable(m.text("section.reliability.who"), header(m, m.text("col.respondent"), m.text("col.arm"),
                m.text("col.nassessed"), m.text("col.reliability")));
        HtmlTable sensitivity = new HtmlTable(m.text("section.reliability.sensitivity"), header(m, m.text("col.respondent"),
                m.text("col.arm"), m.text("col.reliability"), m.text("col.threshold"), m.text("col.reliablybetter")));
        Page.Section section = new Page.Section("reliability", m.text("section.reliability"))
                .intro(m.text("section.reliability.intro", c.disclosure().k()));
        for (List<String> series : OverviewPage.HEADLINE) {
            String label = OverviewPage.seriesLabel(m, series);
            for (String arm : ARMS) {
                Row o = OverviewPage.outcome(c, region, series.get(0), series.get(1), arm, ReportingPeriod.ALL_PERIODS);
                List<Row> rows = sensitivity(c, region, series.get(0), series.get(1), arm);
                if (o == null) {
                    continue;
                }
                String used = rows.stream().filter(r -> Boolean.TRUE.equals(r.getAs("chosen"))).findFirst()
                        .map(r -> source(m, r) + " " + m.number(d(r, "rxx"), 3)).orElse(m.text("cell.none"));
                List<HtmlTable.Cell> cells = new ArrayList<>(List.of(HtmlTable.Cell.text(label), HtmlTable.Cell.text(m.text("arm." + arm)),
                        c.disclosure().protectedCount(o.getAs("n_assessed")), HtmlTable.Cell.text(used)));
                cells.addAll(shares(m, o));
                who.row(cells.toArray(HtmlTable.Cell[]::new));
                Map<String, List<String>> conclusions = new java.util.LinkedHashMap<>();
                Double low = null;
                Double high = null;
                // A share with the shown n is a count; under every reliability the categories add up to the same n, and
                // the chosen one's are region_outcomes' own (SensitivityDisclosure).
                for (Row r : c.disclosure().sensitivity(o)) {
                    List<HtmlTable.Cell> line = new ArrayList<>(List.of(HtmlTable.Cell.text(label), HtmlTable.Cell.text(m.text("arm." + arm)),
                            HtmlTable.Cell.text(source(m, r) + (Boolean.TRUE.equals(r.getAs("chosen")) ? CHOSEN : "")
                                    + (d(r, "rxx") == null ? "" : " " + m.number(d(r, "rxx"), 3))),
                            HtmlTable.Cell.number(d(r, "threshold_points") == null ? "–" : m.number(d(r, "threshold_points"), 1)),
                            HtmlTable.Cell.number(d(r, "reliably_improved_share") == null ? m.text("cell.suppressed")
                                    : m.percent(d(r, "reliably_improved_share")))));
                    line.addAll(shares(m, r));
                    sensitivity.row(line.toArray(HtmlTable.Cell[]::new));
                    Double share = d(r, "reliably_improved_share");
                    if (share != null) {
                        low = low == null ? share : Math.min(low, share);
                        high = high == null ? share : Math.max(high, share);
                    }
                    if (Boolean.TRUE.equals(r.getAs("conclusion_changes"))) {
                        conclusions.computeIfAbsent(conclusion(m, s(r, "conclusion")), x -> new ArrayList<>()).add(source(m, r));
                    }
                }
                if (low != null && high > low) {
                    section.paragraph(label + ", " + m.text("arm." + arm) + ": " + m.text("reliability.range", m.percent(low), m.percent(high)));
                }
                if (!conclusions.isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    conclusions.forEach((text, sources) -> parts.add(String.join(", ", sources) + ": " + text));
                    section.paragraph(label + ", " + m.text("arm." + arm) + ": " + m.text("reliability.changes", String.join(" · ", parts)));
                }
            }
        }
        return section.table(who).table(sensitivity);
    }

    /** The methods section's table of this run's thresholds, with the cutoff rule. */
    static Page.Section methods(ReportContext c) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("methods.thresholds"), m.text("col.instrument"), m.text("col.ageband"),
                m.text("col.reliability"), m.text("col.status"), m.text("col.sd"), m.text("col.threshold"), m.text("col.cutoff"));
        String atCutoff = null;
        List<Row> rows = new ArrayList<>(c.data().reliability());
        rows.sort(java.util.Comparator.comparing((Row r) -> s(r, "instrument")).thenComparing(r -> s(r, "age_band"))
                .thenComparing(r -> ORDER.indexOf(s(r, "reliability_source"))));
        for (Row r : rows) {
            atCutoff = s(r, "at_cutoff");
            String value = d(r, "rxx") == null ? "–" : m.number(d(r, "rxx"), 3);
            if (d(r, "rxx") != null && r.getAs("n") != null) {
                value += " (n " + m.count(l(r, "n")) + ", 95 % " + m.number(d(r, "alpha_lower"), 3) + Messages.DASH
                        + m.number(d(r, "alpha_upper"), 3) + ")";
            }
            t.row(HtmlTable.Cell.text(s(r, "instrument")), HtmlTable.Cell.text(s(r, "age_band")),
                    HtmlTable.Cell.text(source(m, r) + (Boolean.TRUE.equals(r.getAs("chosen")) ? CHOSEN : "") + " " + value),
                    HtmlTable.Cell.text(s(r, "status") == null ? "–" : m.textOr("status." + s(r, "status"), s(r, "status"))),
                    HtmlTable.Cell.number(d(r, "sd") == null ? "–" : m.number(d(r, "sd"), 2)),
                    HtmlTable.Cell.number(d(r, "threshold_points") == null ? "–" : m.number(d(r, "threshold_points"), 2)),
                    HtmlTable.Cell.number(d(r, "clinical_cutoff") == null ? "–" : m.number(d(r, "clinical_cutoff"), 0)));
        }
        Page.Section section = new Page.Section("thresholds", m.text("methods.thresholds"));
        if (atCutoff != null) {
            section.intro(m.text("methods.thresholds.intro", m.text("methods.atcutoff." + atCutoff)));
        }
        return section.table(t);
    }

    private static String[] header(Messages m, String... first) {
        List<String> h = new ArrayList<>(List.of(first));
        OutcomeTables.CATEGORIES.forEach(cat -> h.add(m.text("category." + cat)));
        return h.toArray(String[]::new);
    }

    /** The five category shares of a region_outcomes or change_sensitivity row; hidden ones as "–". */
    private static List<HtmlTable.Cell> shares(Messages m, Row r) {
        List<HtmlTable.Cell> cells = new ArrayList<>();
        for (String cat : OutcomeTables.CATEGORIES) {
            Double share = d(r, cat + "_share");
            cells.add(HtmlTable.Cell.number(share == null ? m.text("cell.suppressed") : m.percent(share)));
        }
        return cells;
    }

    private static List<Row> sensitivity(ReportContext c, String region, String instrument, String respondent, String arm) {
        Map<Integer, Row> ordered = new TreeMap<>();
        for (Row r : c.data().sensitivity()) {
            if (same(r, "region", region) && same(r, "instrument", instrument) && same(r, "respondent", respondent)
                    && same(r, "arm", arm)) {
                ordered.put(ORDER.indexOf(s(r, "reliability_source")), r);
            }
        }
        return new ArrayList<>(ordered.values());
    }

    private static String source(Messages m, Row r) {
        return m.text("reliability." + s(r, "reliability_source"));
    }

    /** "mostly unchanged; more reliably better than worse; under half reliably better" in the page's language. */
    static String conclusion(Messages m, String conclusion) {
        if (conclusion == null) {
            return "–";
        }
        String[] parts = conclusion.split("; ");
        List<String> out = new ArrayList<>();
        out.add(m.text("conclusion.mostly", m.text("category." + parts[0].substring("mostly ".length()))));
        for (int i = 1; i < parts.length; i++) {
            out.add(m.text("conclusion." + parts[i].replace(' ', '_')));
        }
        return String.join("; ", out);
    }
}
