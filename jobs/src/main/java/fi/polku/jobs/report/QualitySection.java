package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;

import fi.polku.jobs.output.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data-quality section of the overview, for the people who send the exports: per input file, the rows read,
 * accepted and rejected by reason (Finnish or English text per reason code, from the message bundles), with the
 * first lines to fix. "Rejected" is the one word for a row that did not pass the input rules; such rows are
 * written, with their reason, to the {@code quarantine} table. Counts are parts of the file's rows in and go
 * through the page's disclosure control; the line numbers of a reason are listed only when its count is shown
 * (a list of lines would tell a hidden count).
 */
final class QualitySection {
    /** How many line numbers per file and reason the page lists. */
    static final int LINES = 5;
    private static final String ACCEPTED = "accepted";

    private QualitySection() {
    }

    /** The quarantine table counted per dataset × file × reason code, with the first {@link #LINES} line numbers. */
    static Dataset<Row> rejected(Dataset<Row> quarantine) {
        return quarantine.groupBy("dataset", "source_file", "reason_code")
                .agg(count("*").as("rows"), slice(sort_array(collect_list(col("line"))), 1, LINES).as("first_lines"))
                .orderBy("dataset", "source_file", "reason_code");
    }

    /** The overview's section: one group of rows per input file. */
    static Page.Section build(ReportContext c) {
        Messages m = c.m();
        HtmlTable t = new HtmlTable(m.text("section.quality"), m.text("col.dataset"), m.text("col.file"), m.text("col.outcome"), m.text("col.rows"),
                m.text("col.lines"));
        long rejected = 0;
        for (Manifest.Input input : c.inputs()) {
            List<Row> reasons = new ArrayList<>();
            for (Row r : c.data().rejected()) {
                if (same(r, "dataset", input.dataset()) && same(r, "source_file", input.file())) {
                    reasons.add(r);
                }
            }
            Map<String, Long> parts = new LinkedHashMap<>();
            parts.put(ACCEPTED, input.clean());
            reasons.forEach(r -> parts.put(s(r, "reason_code"), l(r, "rows")));
            Map<String, HtmlTable.Cell> cells = c.disclosure().parts(input.rowsIn(), List.of(parts));
            HtmlTable.Cell dataset = HtmlTable.Cell.text(m.text("dataset." + input.dataset()));
            HtmlTable.Cell file = HtmlTable.Cell.code(input.file());
            t.row(dataset, file, HtmlTable.Cell.text(m.text("quality.rowsin")), cells.get(""), HtmlTable.Cell.text(""));
            t.row(dataset, file, HtmlTable.Cell.text(m.text("quality.accepted")), cells.get(ACCEPTED), HtmlTable.Cell.text(""));
            for (Row r : reasons) {
                HtmlTable.Cell count = cells.get(s(r, "reason_code"));
                List<Long> lines = r.getList(r.fieldIndex("first_lines"));
                String shown = count.suppressed() ? m.text("quality.linesinquarantine") : lines(lines, l(r, "rows"));
                t.row(dataset, file, HtmlTable.Cell.text(m.text("quality.rejected") + ": " + reason(m, s(r, "reason_code"))), count,
                        HtmlTable.Cell.text(shown));
            }
            rejected += input.quarantined();
        }
        Page.Section section = new Page.Section("quality", m.text("section.quality"))
                .intro(m.text(rejected == 0 ? "section.quality.none" : "section.quality.intro"));
        return t.isEmpty() ? section : section.table(t);
    }

    /** A reason code's text in the page's language. */
    static String reason(Messages m, String code) {
        return m.text("reason." + code);
    }

    /** Line numbers as the editor shows them (no digit grouping), "…" when there are more. */
    private static String lines(List<Long> first, long all) {
        List<String> numbers = first.stream().map(Object::toString).toList();
        return String.join(", ", numbers) + (all > first.size() ? " …" : "");
    }
}
