package fi.polku.jobs.report;

import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.reference.ReferenceData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality section of the overview, for the people who send the exports: per input file and county, the
 * rows read, accepted and rejected by reason (Finnish or English text per reason code, from the message bundles),
 * with the first lines to fix ({@link InputRows}). "Rejected" is the one word for a row that did not pass the input
 * rules; such rows are written, with their reason and the region they were read with, to the {@code quarantine}
 * table. A file with rejected rows in more than one county gets a row group per county under its total; a file from
 * one county, or with no rejected row, stays one group. Counts go through the page's disclosure control as one
 * group per file (the file's rows = Σ counties, each county = accepted + Σ reasons); the line numbers of a reason
 * are listed only when its count is shown (a list of lines would tell a hidden count).
 */
final class QualitySection {
    private static final String ACCEPTED = "accepted";

    private QualitySection() {
    }

    /** The overview's section: one group of rows per input file, within it one per county where that tells more. */
    static Page.Section build(ReportContext c) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.quality"), m.text("col.dataset"), m.text("col.file"), m.text("col.region"),
                m.text("col.outcome"), m.text("col.rows"), m.text("col.lines"));
        long rejected = 0;
        for (Manifest.Input input : c.inputs()) {
            List<InputRows.County> counties = InputRows.of(c.data().quality(), input, c.regionTable(),
                    ReferenceData.bundled().municipalities());
            Rows rows = new Rows(t, m, HtmlTable.Cell.text(m.text("dataset." + input.dataset())), HtmlTable.Cell.code(input.file()));
            if (input.quarantined() == 0 || counties.size() == 1) {
                whole(c, rows, input, counties);
            } else {
                perCounty(c, rows, input, counties);
            }
            rejected += input.quarantined();
        }
        Page.Section section = new Page.Section("quality", m.text("section.quality"))
                .intro(m.text(rejected == 0 ? "section.quality.none" : "section.quality.intro"));
        return t.isEmpty() ? section : section.table(t);
    }

    /** A file as one group: rows read = accepted + Σ reasons, its county named when it has one. */
    private static void whole(ReportContext c, Rows rows, Manifest.Input input, List<InputRows.County> counties) {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put(ACCEPTED, input.clean());
        Map<String, InputRows.Rejected> reasons = counties.isEmpty() ? Map.of() : counties.get(0).reasons();
        reasons.forEach((reason, r) -> parts.put(reason, r.rows()));
        Map<String, HtmlTable.Cell> cells = c.disclosure().parts(input.rowsIn(), List.of(parts));
        String where = counties.size() == 1 ? countyName(c, counties.get(0).county())
                : counties.isEmpty() ? "–" : c.m().text("quality.regions", counties.size());
        rows.add(where, c.m().text("quality.rowsin"), cells.get(""), "");
        rows.add(where, c.m().text("quality.accepted"), cells.get(ACCEPTED), "");
        reasons.forEach((reason, r) -> rows.rejected(where, reason, cells.get(reason), r));
    }

    /** A file as a total and a group per county: the file's rows = Σ counties, each county = accepted + Σ reasons. */
    private static void perCounty(ReportContext c, Rows rows, Manifest.Input input, List<InputRows.County> counties) {
        Map<String, Map<String, Long>> branches = new LinkedHashMap<>();
        for (InputRows.County county : counties) {
            Map<String, Long> parts = new LinkedHashMap<>();
            if (county.county() != null) {
                parts.put(key(county, ACCEPTED), county.accepted());
            }
            county.reasons().forEach((reason, r) -> parts.put(key(county, reason), r.rows()));
            branches.put(key(county, ""), parts);
        }
        Map<String, HtmlTable.Cell> cells = c.disclosure().nested(input.rowsIn(), branches);
        Messages m = c.m();
        rows.add(m.text("quality.allregions"), m.text("quality.rowsin"), cells.get(""), "");
        for (InputRows.County county : counties) {
            String where = countyName(c, county.county());
            rows.add(where, m.text("quality.rowsin"), cells.get(key(county, "")), "");
            if (county.county() != null) {
                rows.add(where, m.text("quality.accepted"), cells.get(key(county, ACCEPTED)), "");
            }
            county.reasons().forEach((reason, r) -> rows.rejected(where, reason, cells.get(key(county, reason)), r));
        }
    }

    /** A cell's name in a file's disclosure group: county and what is counted (blank: the county's rows read). */
    private static String key(InputRows.County county, String what) {
        return (county.county() == null ? "?" : county.county()) + "/" + what;
    }

    private static String countyName(ReportContext c, String county) {
        return county == null ? c.m().text("quality.regionunknown") : c.regionName(county);
    }

    /** A reason code's text in the page's language. */
    static String reason(Messages m, String code) {
        return m.text("reason." + code);
    }

    /** The rows of one file, each starting with its dataset and file. */
    private record Rows(HtmlTable table, Messages m, HtmlTable.Cell dataset, HtmlTable.Cell file) {
        void add(String where, String outcome, HtmlTable.Cell count, String lines) {
            table.row(dataset, file, HtmlTable.Cell.text(where), HtmlTable.Cell.text(outcome), count, HtmlTable.Cell.text(lines));
        }

        /** A reason's row; its lines only when its count is shown. */
        void rejected(String where, String reason, HtmlTable.Cell count, InputRows.Rejected r) {
            add(where, m.text("quality.rejected") + ": " + reason(m, reason), count,
                    count.suppressed() ? m.text("quality.linesinquarantine") : lines(r.firstLines(), r.rows()));
        }
    }

    /** Line numbers as the editor shows them (no digit grouping), "…" when there are more. */
    private static String lines(List<Long> first, long all) {
        List<String> numbers = first.stream().map(Object::toString).toList();
        return String.join(", ", numbers) + (all > first.size() ? " …" : "");
    }
}
