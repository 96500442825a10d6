package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The last step before a table is written: each status column ({@link ExportTables#statusColumns}) becomes the
 * short code of its codebook set (the first value whose {@code match} fits the start of the engine's text), and
 * {@code <status>_detail} keeps the engine's text (English) when it says more than the code, else blank. A
 * status text that no code of the set matches stops the export with the text and the set's name, so the
 * codebook cannot silently fall behind the engine.
 */
final class StatusColumns {
    private StatusColumns() {
    }

    /** The rows of {@code table} (disclosure-stage schema) in the published schema. */
    static Dataset<Row> publish(TableSchema table, Dataset<Row> rows, Codebook codebook) {
        List<String> status = ExportTables.statusColumns(table);
        if (status.isEmpty()) {
            return rows;
        }
        List<org.apache.spark.sql.Column> select = new ArrayList<>();
        for (Column c : ExportTables.published(table).columns()) {
            String source = c.name().endsWith("_detail") ? c.name().substring(0, c.name().length() - "_detail".length()) : c.name();
            if (!status.contains(source)) {
                select.add(col(c.name()));
                continue;
            }
            Codebook.CodeSet set = codebook.codes(table.name(), source).orElseThrow(() -> new IllegalStateException(
                    "codebook_columns.csv gives " + table.name() + "." + source + " no code set"));
            org.apache.spark.sql.Column code = null;
            for (Codebook.Value v : set.values()) {
                org.apache.spark.sql.Column hit = col(source).rlike("^(?:" + v.match().pattern() + ")");
                code = code == null ? when(hit, lit(v.code())) : code.when(hit, lit(v.code()));
            }
            if (c.name().equals(source)) {
                select.add(code.alias(c.name()));
            } else {
                select.add(when(col(source).equalTo(code), lit(null).cast("string")).otherwise(col(source)).alias(c.name()));
            }
        }
        Dataset<Row> out = rows.select(select.toArray(org.apache.spark.sql.Column[]::new));
        for (String s : status) {
            List<Row> unmatched = out.filter(col(s).isNull().and(col(s + "_detail").isNotNull())).select(col(s + "_detail")).limit(1)
                    .collectAsList();
            if (!unmatched.isEmpty()) {
                throw new IllegalStateException("export " + table.name() + "." + s + ": the status '" + unmatched.get(0).getString(0)
                        + "' has no code in the codebook's set " + codebook.codes(table.name(), s).map(Codebook.CodeSet::name).orElse("?")
                        + " (datasets/codebook_values.csv)");
            }
        }
        return out;
    }
}
