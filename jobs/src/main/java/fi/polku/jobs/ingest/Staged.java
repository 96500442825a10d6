package fi.polku.jobs.ingest;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.ingest.Parsed;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The intermediate rows of ingest: a table's columns (all nullable), the raw text, and, for a rejected
 * row, the quarantine fields. One input record makes exactly one staged row, which is what lets the
 * counts add up.
 */
final class Staged {
    static final String RAW = "raw";
    static final String Q_COLUMN = "q_column";
    static final String Q_REASON_CODE = "q_reason_code";
    static final String Q_REASON = "q_reason";
    static final String Q_PROBLEMS = "q_problem_count";
    /** Set on the one marker row of a file that cannot be read at all; such a run stops with exit code 3. */
    static final String UNREADABLE = "unreadable";
    private static final int EXTRA = 6;

    private Staged() {
    }

    static StructType schema(TableSchema table) {
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(Column.optional(c.name(), c.type()));
        }
        columns.add(Column.optional(RAW, ColumnType.STRING));
        columns.add(Column.optional(Q_COLUMN, ColumnType.STRING));
        columns.add(Column.optional(Q_REASON_CODE, ColumnType.STRING));
        columns.add(Column.optional(Q_REASON, ColumnType.STRING));
        columns.add(Column.optional(Q_PROBLEMS, ColumnType.INT32));
        columns.add(Column.optional(UNREADABLE, ColumnType.STRING));
        return SparkSchemas.of(columns);
    }

    /** A clean row: the record's table values followed by provenance. */
    static Row clean(TableSchema table, Object[] values, boolean synthetic, String file, long line, String raw) {
        Object[] row = new Object[table.columns().size() + EXTRA];
        System.arraycopy(values, 0, row, 0, values.length);
        provenance(table, row, synthetic, file, line);
        row[table.columns().size()] = raw;
        return RowFactory.create(row);
    }

    /**
     * A rejected row: provenance, raw text, the region it was read with (in the table's {@code region} column, null
     * when it had none that was valid) and the quarantine fields.
     */
    static Row rejected(TableSchema table, Parsed.Rejected<?> r, boolean synthetic) {
        Object[] row = new Object[table.columns().size() + EXTRA];
        provenance(table, row, synthetic, r.source().file(), r.source().line());
        row[table.indexOf("region")] = r.region();
        int n = table.columns().size();
        row[n] = r.raw();
        row[n + 1] = r.first().column();
        row[n + 2] = r.first().reason().code();
        row[n + 3] = r.reason();
        row[n + 4] = r.problems().size();
        return RowFactory.create(row);
    }

    /** The marker row of a file that cannot be read: why, in words. */
    static Row unreadable(TableSchema table, String file, String message) {
        Object[] row = new Object[table.columns().size() + EXTRA];
        row[table.indexOf("source_file")] = file;
        row[table.columns().size() + 5] = message;
        return RowFactory.create(row);
    }

    private static void provenance(TableSchema table, Object[] row, boolean synthetic, String file, long line) {
        row[table.indexOf("synthetic")] = synthetic;
        row[table.indexOf("source_file")] = file;
        row[table.indexOf("source_line")] = line;
    }

    /** The columns that make a staged frame of {@code dataset} into the quarantine table. */
    static org.apache.spark.sql.Column[] quarantineColumns(String dataset) {
        Map<String, String> from = Map.of("source_file", "source_file", "line", "source_line", "region", "region", "column", Q_COLUMN,
                "reason_code", Q_REASON_CODE, "reason", Q_REASON, "problem_count", Q_PROBLEMS, "raw", RAW);
        List<org.apache.spark.sql.Column> out = new ArrayList<>();
        for (Column c : Tables.QUARANTINE.columns()) {
            out.add(c.name().equals("dataset") ? functions.lit(dataset).as(c.name())
                    : functions.col(Objects.requireNonNull(from.get(c.name()), c.name())).as(c.name()));
        }
        return out.toArray(new org.apache.spark.sql.Column[0]);
    }
}
