package fi.polku.jobs.pipeline;

import fi.polku.contract.TableSchema;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The small result tables the report and export stages read (a few hundred rows: outcomes, effects, indicators,
 * rates, funnels), read whole
 * on the driver ({@link StageRun#table}) and filtered and sorted with Tablesaw instead of as Spark queries, each of
 * which cost Spark jobs for less work than their planning (DESIGN.md section 6).
 *
 * <p>Migration step: the sections and the disclosure classes still take Spark {@link Row}s, so {@link #rows} is
 * the one place a Tablesaw table becomes rows, with the contract's Spark schema (values typed exactly as Spark's
 * reader gives them: {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code
 * LocalDate}; missing as null). When the consumers take Tablesaw tables, this boundary goes.
 */
public final class SmallTables {
    private SmallTables() {
    }

    /** Every row of a table, in the given column order (as {@link #sorted}). */
    public static List<Row> query(StageRun run, TableSchema table, String... order) {
        return rows(sorted(run.table(table), order), table);
    }

    /** The rows of a table that {@code where} selects, in the given column order (as {@link #sorted}). */
    public static List<Row> query(StageRun run, TableSchema table, Function<Table, Selection> where, String... order) {
        Table all = run.table(table);
        return rows(sorted(all.where(where.apply(all)), order), table);
    }

    /**
     * The table's rows ordered as Spark's {@code orderBy} orders them: ascending by each column in turn, missing
     * values first; ties keep the table's order (the sort is stable).
     */
    public static Table sorted(Table table, String... order) {
        Comparator<tech.tablesaw.api.Row> by = (a, b) -> 0;
        for (String column : order) {
            by = by.thenComparing((a, b) -> compare(a, b, column));
        }
        return order.length == 0 ? table : table.sortOn(by);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(tech.tablesaw.api.Row a, tech.tablesaw.api.Row b, String column) {
        boolean aMissing = a.isMissing(column);
        boolean bMissing = b.isMissing(column);
        if (aMissing || bMissing) {
            return Boolean.compare(!aMissing, !bMissing);
        }
        return ((Comparable) a.getObject(column)).compareTo(b.getObject(column));
    }

    /**
     * The boundary: a Tablesaw table of a contract's columns as Spark rows with the contract's schema, for the
     * consumers that still take rows (see the class comment).
     */
    public static List<Row> rows(Table table, TableSchema contract) {
        StructType schema = SparkSchemas.of(contract);
        List<tech.tablesaw.columns.Column<?>> columns = contract.columns().stream()
                .<tech.tablesaw.columns.Column<?>>map(c -> table.column(c.name())).toList();
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] values = new Object[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = columns.get(c).isMissing(r) ? null : columns.get(c).get(r);
            }
            rows.add(new GenericRowWithSchema(values, schema));
        }
        return rows;
    }
}
