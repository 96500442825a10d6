package fi.polku.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.try_element_at;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.ExportSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The last step before a table is written: each status column ({@link ExportTables#statusColumns}) becomes the
 * short code of its codebook set (the first value whose {@code match} fits the start of the engine's text), and
 * {@code <status>_detail} explains it in the export's language when the engine's text says more than the code,
 * else is blank: each part of the text through the first form of the set in {@code codebook_details.csv} that
 * matches it whole, its numbers and names carried over (a part without a form stays English, marked in Finnish
 * output). A status text that no code of the set matches stops the export naming the text and the set, so the
 * codebook cannot silently fall behind the engine. The distinct status texts of a table are few, so they are
 * mapped on the driver.
 */
final class StatusColumns {
    /** Marks, in Finnish output, a part of a status text that the codebook has no form for (kept in English). */
    static final String UNTRANSLATED = "(englanniksi) ";

    private StatusColumns() {
    }

    /** The rows of {@code table} (disclosure-stage schema) in the published schema. */
    static Dataset<Row> publish(TableSchema table, Dataset<Row> rows, Codebook codebook, ExportSettings.Language language) {
        List<String> status = ExportTables.statusColumns(table);
        if (status.isEmpty()) {
            return rows;
        }
        Map<String, org.apache.spark.sql.Column> published = new HashMap<>();
        for (String s : status) {
            Codebook.CodeSet set = codebook.codes(table.name(), s).orElseThrow(() -> new IllegalStateException(
                    "codebook_columns.csv gives " + table.name() + "." + s + " no code set"));
            List<org.apache.spark.sql.Column> codes = new ArrayList<>();
            List<org.apache.spark.sql.Column> details = new ArrayList<>();
            for (Row r : rows.select(s).distinct().collectAsList()) {
                String raw = r.getString(0);
                if (raw == null) {
                    continue;
                }
                String code = set.codeOf(raw).orElseThrow(() -> new IllegalStateException("export " + table.name() + "."
                        + s + ": the status '" + raw + "' has no code in the codebook's set " + set.name()
                        + " (datasets/codebook_values.csv)"));
                codes.addAll(List.of(lit(raw), lit(code)));
                String detail = detail(codebook, set, code, raw, language);
                if (detail != null) {
                    details.addAll(List.of(lit(raw), lit(detail)));
                }
            }
            published.put(s, lookup(codes, s));
            published.put(s + "_detail", lookup(details, s));
        }
        List<org.apache.spark.sql.Column> select = new ArrayList<>();
        for (Column c : ExportTables.published(table).columns()) {
            select.add(published.getOrDefault(c.name(), col(c.name())).alias(c.name()));
        }
        return rows.select(select.toArray(org.apache.spark.sql.Column[]::new));
    }

    /**
     * The explanation of a raw status text: its parts ("; "-separated) other than the bare code, each through the
     * first matching form of the set, joined again; null when the text is just the code.
     */
    static String detail(Codebook codebook, Codebook.CodeSet set, String code, String raw, ExportSettings.Language language) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split("; ")) {
            if (part.equals(code) || part.isBlank()) {
                continue;
            }
            String text = null;
            for (Codebook.Detail d : codebook.details(set.name())) {
                text = d.of(part, language).orElse(null);
                if (text != null) {
                    break;
                }
            }
            out.add(text != null ? text : language == ExportSettings.Language.FI ? UNTRANSLATED + part : part);
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** The value a raw status text maps to, or null (no entries, or a text without an entry). */
    private static org.apache.spark.sql.Column lookup(List<org.apache.spark.sql.Column> pairs, String source) {
        return pairs.isEmpty() ? lit(null).cast("string")
                : try_element_at(map(pairs.toArray(org.apache.spark.sql.Column[]::new)), col(source));
    }
}
