package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.d;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;

import fi.polku.effect.Caveat;
import fi.polku.effect.EvidenceGrade;
import org.apache.spark.sql.Row;

/**
 * A region's effect estimates ({@code region_effects}, 13–17-year-olds) as the region page shows them: each with its
 * evidence grade and the numbers of its caveats, the caveats written once under the table; an estimate that
 * failed its validity check (a synthetic control that does not follow the region) greyed, with its reason among
 * the notes; the TWFE figure, a diagnostic only, in the methods appendix instead.
 */
final class EffectsTable {
    private static final String TWFE = "twfe";

    private EffectsTable() {
    }

    /** Adds the effects table and its notes to the region's rates section. */
    static Page.Section region(ReportContext c, String region, Page.Section section) {
        Messages m = c.m();
        Footnotes notes = new Footnotes(m);
        HtmlTable t = new HtmlTable(m.text("section.regioneffects") + " (" + ReportData.AGE + ")", m.text("col.indicator"),
                m.text("col.method"), m.text("col.estimate"), m.text("col.p"), m.text("col.grade"), m.text("col.notes"));
        for (Row r : c.data().effects()) {
            if (same(r, "region", region) && same(r, "age_group", ReportData.AGE) && !same(r, "method", TWFE)) {
                t.row(invalid(r), HtmlTable.Cell.text(m.textOr("indicator." + s(r, "indicator"), s(r, "indicator"))),
                        HtmlTable.Cell.text(m.text("method." + s(r, "method"))),
                        HtmlTable.Cell.number(m.interval(d(r, "estimate"), d(r, "ci_lower"), d(r, "ci_upper"), 2)),
                        HtmlTable.Cell.number(m.number(d(r, "p_value"), 2)), grade(m, r),
                        HtmlTable.Cell.text(notes.marks(s(r, "warnings"))));
            }
        }
        return notes.addTo(section.table(t));
    }

    /** The methods appendix: the TWFE figures, a diagnostic to compare with the DiD row, never a result. */
    static Page.Section appendix(ReportContext c, String region) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("method.twfe") + " (" + ReportData.AGE + ")", m.text("col.indicator"),
                m.text("col.estimate"));
        for (Row r : c.data().effects()) {
            if (same(r, "region", region) && same(r, "age_group", ReportData.AGE) && same(r, "method", TWFE)) {
                t.row(HtmlTable.Cell.text(m.textOr("indicator." + s(r, "indicator"), s(r, "indicator"))),
                        HtmlTable.Cell.number(m.number(d(r, "estimate"), 2)));
            }
        }
        return new Page.Section("appendix", m.text("section.appendix")).intro(m.text("section.appendix.twfe")).table(t);
    }

    /** The grade in words. */
    static HtmlTable.Cell grade(Messages m, Row r) {
        return HtmlTable.Cell.text(m.text("grade." + s(r, "evidence_grade")));
    }

    /** Whether the region's synthetic control for the indicator (13–17) failed its pre-period fit. */
    static boolean failed(ReportContext c, String region, String indicator) {
        for (Row r : c.data().effects()) {
            if (same(r, "region", region) && same(r, "indicator", indicator) && same(r, "age_group", ReportData.AGE)
                    && same(r, "method", "synthetic_control") && invalid(r)) {
                return true;
            }
        }
        return false;
    }

    /** A synthetic control whose own check failed: not assessable and flagged for its pre-period fit. */
    private static boolean invalid(Row r) {
        String warnings = s(r, "warnings");
        return same(r, "evidence_grade", EvidenceGrade.NOT_ASSESSABLE.code()) && warnings != null
                && warnings.contains(Caveat.POOR_FIT.code());
    }
}
