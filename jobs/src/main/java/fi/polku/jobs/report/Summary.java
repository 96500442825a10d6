package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.effect.Caveat;
import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The answer first: a short plain-language block at the top of a page, generated from the tables by wording rules
 * (no free text). One method per answer: {@link #reach} (families reached against the targets),
 * {@link #pooledChange} / {@link #regionChange} (the clients' own ratings), and {@link #placements} for the project (table {@code project_effects}, emergency placements of
 * 13–17-year-olds, simple aggregation) and {@link #regionPlacements} for one region (its DiD row in
 * {@code region_effects}). Each says the estimate with its interval, its evidence grade in words, and the
 * minimum detectable reduction as "a reduction smaller than X per 1 000 could not have been told apart from
 * ordinary variation"; the project answer also says when the regions' own results differ.
 */
final class Summary {
    private Summary() {
    }

    /** The overview's summary section: reach, clients' own change, placements — in that order. */
    static Page.Section overview(ReportContext c) {
        return section(c.m()).paragraph(reach(c, c.regions())).paragraph(pooledChange(c)).paragraph(placements(c));
    }

    /** A region page's summary section: the same three answers for the region. */
    static Page.Section region(ReportContext c, String region) {
        return section(c.m()).paragraph(reach(c, List.of(region))).paragraph(regionChange(c, region))
                .paragraph(regionPlacements(c, region));
    }

    /**
     * The reach answer: families reached in the project arm per region, against the target where the config gives one
     * (table {@code project_indicators}, whole period, under disclosure control: a hidden count is said to be hidden).
     */
    static String reach(ReportContext c, List<String> regions) {
        Messages m = c.m();
        List<String> parts = new ArrayList<>();
        for (String region : regions) {
            for (Row r : c.data().indicators()) {
                if (same(r, "region", region) && same(r, "period", ReportingPeriod.ALL_PERIODS)) {
                    Number families = r.getAs("families_reached");
                    Number target = r.getAs("families_target");
                    String shown = families == null ? m.text("summary.hidden") : m.count(families.longValue());
                    if (target != null) {
                        shown += " " + m.text("summary.target", m.count(target.longValue()));
                    }
                    parts.add(c.regionName(region) + " " + shown);
                }
            }
        }
        return parts.isEmpty() ? m.text("summary.reach.none") : m.text("summary.reach", String.join(", ", parts));
    }

    /**
     * The clients' own change on the overview: the project regions' pooled effect size g_av (REML, table
     * {@code pooled_effects}) for young people and parents, the direction in words by its interval, and once that an
     * uncontrolled before–after change is not the project's effect.
     */
    static String pooledChange(ReportContext c) {
        Messages m = c.m();
        List<String> sentences = new ArrayList<>();
        for (String respondent : OverviewPage.RESPONDENTS) {
            for (Row r : c.data().pooled()) {
                if (same(r, "instrument", "ORS") && same(r, "respondent", respondent) && same(r, "arm", "project")
                        && same(r, "method", "reml") && d(r, "estimate") != null) {
                    sentences.add(m.text("summary.change", m.text("summary.who." + respondent),
                            direction(m, d(r, "ci_lower"), d(r, "ci_upper")), m.number(d(r, "estimate"), 2),
                            m.number(d(r, "ci_lower"), 2) + Messages.DASH + m.number(d(r, "ci_upper"), 2)));
                }
            }
        }
        return changeAnswer(m, sentences);
    }

    /** One region's clients' own change: mean change in ORS points over the complete cases (table {@code region_outcomes}). */
    static String regionChange(ReportContext c, String region) {
        Messages m = c.m();
        List<String> sentences = new ArrayList<>();
        for (String respondent : OverviewPage.RESPONDENTS) {
            Row r = OverviewPage.outcome(c, region, "ORS", respondent, "project", ReportingPeriod.ALL_PERIODS);
            if (r != null && "ok".equals(s(r, "status")) && d(r, "mean_change") != null && r.getAs("n_complete") != null) {
                sentences.add(m.text("summary.change.region", m.text("summary.who." + respondent),
                        direction(m, d(r, "mean_change_lower"), d(r, "mean_change_upper")), m.number(d(r, "mean_change"), 1),
                        m.number(d(r, "mean_change_lower"), 1) + Messages.DASH + m.number(d(r, "mean_change_upper"), 1),
                        m.count(r.<Number>getAs("n_complete").longValue())));
            }
        }
        return changeAnswer(m, sentences);
    }

    private static String changeAnswer(Messages m, List<String> sentences) {
        return sentences.isEmpty() ? m.text("summary.change.none")
                : String.join(" ", sentences) + " " + m.text("summary.change.caveat");
    }

    /** A change in words by its 95 % interval: better or worse only when the interval excludes no change. */
    private static String direction(Messages m, Double lower, Double upper) {
        if (lower != null && lower > 0) {
            return m.text("summary.change.better");
        }
        if (upper != null && upper < 0) {
            return m.text("summary.change.worse");
        }
        return m.text("summary.change.unclear");
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
