package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.effect.Caveat;
import org.apache.spark.sql.Row;

/**
 * The answer first: a short plain-language block at the top of a page, generated from the tables by wording rules
 * (no free text). One method per answer, so that the reach and client-change answers can stand beside the
 * placement answer: {@link #placements} for the project (table {@code project_effects}, emergency placements of
 * 13–17-year-olds, simple aggregation) and {@link #regionPlacements} for one region (its DiD row in
 * {@code region_effects}). Each says the estimate with its interval, its evidence grade in words, and the
 * minimum detectable reduction as "a reduction smaller than X per 1 000 could not have been told apart from
 * ordinary variation"; the project answer also says when the regions' own results differ.
 */
final class Summary {
    private Summary() {
    }

    /** The overview's summary section. */
    static Page.Section overview(ReportContext c) {
        return section(c.m()).paragraph(placements(c));
    }

    /** A region page's summary section. */
    static Page.Section region(ReportContext c, String region) {
        return section(c.m()).paragraph(regionPlacements(c, region));
    }

    private static Page.Section section(Messages m) {
        return new Page.Section("summary", m.text("section.summary"));
    }

    /** The project's placement answer. */
    static String placements(ReportContext c) {
        Messages m = c.m();
        String indicator = ReportData.CHARTED.get(0);
        Row r = ProjectSection.find(c.data().project(), indicator, ReportData.AGE, "cs_simple", null);
        if (r == null) {
            return m.text("summary.placements.none");
        }
        String answer = answer(m, r, m.text("summary.project"), indicator);
        if (s(r, "warnings").contains(Caveat.HETEROGENEITY.code())) {
            answer += " " + m.text("summary.heterogeneity");
        }
        return answer;
    }

    /** One region's placement answer, from its DiD row. */
    static String regionPlacements(ReportContext c, String region) {
        Messages m = c.m();
        String indicator = ReportData.CHARTED.get(0);
        for (Row r : c.data().effects()) {
            if (same(r, "region", region) && same(r, "indicator", indicator) && same(r, "age_group", ReportData.AGE)
                    && same(r, "method", "did")) {
                return answer(m, r, m.text("summary.region", c.regionName(region)), indicator);
            }
        }
        return m.text("summary.placements.none");
    }

    /** Estimate and interval, the grade in words, and the detectable reduction, by the row's grade. */
    private static String answer(Messages m, Row r, String where, String indicator) {
        String grade = s(r, "evidence_grade");
        String full = ProjectSection.name(m, indicator);
        // Inside a sentence: "kiireelliset sijoitukset", "emergency placements".
        String name = full.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + full.substring(1);
        if (d(r, "estimate") == null || grade.equals("not_assessable")) {
            return m.text("summary.placements.not_assessable", where, name);
        }
        double estimate = d(r, "estimate");
        String direction = m.text(estimate < 0 ? "summary.lower" : "summary.higher");
        String text = m.text("summary.placements.estimate", where, name, direction, m.number(Math.abs(estimate), 2),
                m.number(d(r, "ci_lower"), 2) + Messages.DASH + m.number(d(r, "ci_upper"), 2))
                + " " + m.text("summary.grade." + grade);
        if (d(r, "mde_per_1000") != null) {
            text += " " + m.text("summary.mde", m.number(d(r, "mde_per_1000"), 2), m.number(d(r, "mde_percent"), 0));
        }
        return text;
    }
}
