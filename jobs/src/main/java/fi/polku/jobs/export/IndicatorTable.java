package fi.polku.jobs.export;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.disclosure.IndicatorDisclosure;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.privacy.DisclosureAudit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * {@code project_indicators} in the export, under {@link IndicatorDisclosure}, the rule the pages use too: a count
 * of 1 to k − 1 (families, episodes or administrations) is hidden, and further counts so that no hidden one follows
 * from the periods' sums, each blanked with everything computed from it (a share of target, coverage and whether
 * it met its target, a skipped or dropout share with its interval); the {@code disclosure} column lists what was
 * blanked ({@code none} if nothing), the same list whatever the reason.
 */
final class IndicatorTable {
    private IndicatorTable() {
    }

    /**
     * {@code project_indicators} rows (outcomes-stage schema) in the export schema, under disclosure control beside the
     * export's region_outcomes ({@code outcomes}: its counts of children are the outcome series').
     */
    static List<Row> indicators(List<Row> rows, int k, OutcomeDisclosure outcomes) {
        IndicatorDisclosure control = IndicatorDisclosure.protect(rows, k, outcomes);
        TableSchema export = ExportTables.PROJECT_INDICATORS;
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = control.published().get(i);
            Set<String> blank = control.blanked().get(i);
            RowBuilder b = new RowBuilder(SparkSchemas.of(export));
            for (Column c : export.columns()) {
                if (c.name().equals("disclosure")) {
                    b.set("disclosure", blank.isEmpty() ? RegionTables.NONE : RegionTables.PREFIX + String.join(" ", blank));
                } else {
                    b.set(c.name(), r.getAs(c.name()));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** The audit over the published rows alone, reading what was hidden from their {@code disclosure} column. */
    static DisclosureAudit.Result audit(List<Row> published, int k) {
        return IndicatorDisclosure.audit(RegionTables.named(published, ExportTables.PROJECT_INDICATORS),
                (r, column) -> RegionTables.hidden(r).contains(column), k);
    }
}
