package fi.polku.jobs.pipeline;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.ColumnType;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.spark.SparkSchemas;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The report's driver-side sort (Spark's {@code orderBy} order) and its one Tablesaw-to-rows boundary. */
class SmallTablesTest {
    private static final TableSchema CONTRACT = new TableSchema("t", List.of(
            required("region", ColumnType.STRING),
            optional("period", ColumnType.INT32),
            optional("value", ColumnType.DOUBLE),
            optional("day", ColumnType.DATE)));

    private static Table table() {
        IntColumn period = IntColumn.create("period", new int[] {2, 1, 1, 1});
        period.setMissing(2);
        DoubleColumn value = DoubleColumn.create("value", new double[] {0.5, 1.5, 2.5, 3.5});
        value.setMissing(1);
        DateColumn day = DateColumn.create("day", LocalDate.of(2024, 1, 1), null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1));
        return Table.create("t", StringColumn.create("region", "b", "a", "a", "a"), period, value, day);
    }

    @Test
    void sortsAscendingWithMissingFirstAndKeepsTiesInTheirOrder() {
        // Spark's orderBy (ascending, nulls first). Rows 0..3 as (region, period): b 2, a 1, a null, a 1
        // → row 2 (a null), row 1 and row 3 (a 1, a tie kept in table order), row 0 (b 2).
        Table sorted = SmallTables.sorted(table(), "region", "period");
        assertEquals(List.of("2024-03-01", "", "2024-04-01", "2024-01-01"), sorted.dateColumn("day").asList().stream()
                .map(d -> d == null ? "" : d.toString()).toList());
    }

    @Test
    void missingDoublesSortFirst() {
        Table sorted = SmallTables.sorted(table(), "value");
        assertTrue(sorted.doubleColumn("value").isMissing(0));
        assertEquals(List.of(0.5, 2.5, 3.5), sorted.doubleColumn("value").asList().subList(1, 4));
    }

    @Test
    void rowsCarryTheContractsSchemaAndSparksJavaTypes() {
        List<Row> rows = SmallTables.rows(table(), CONTRACT);
        assertEquals(SparkSchemas.of(CONTRACT), rows.get(0).schema());
        Row first = rows.get(0);
        assertEquals("b", first.getAs("region"));
        assertEquals(Integer.valueOf(2), first.getAs("period"));
        assertEquals(Double.valueOf(0.5), first.getAs("value"));
        assertEquals(LocalDate.of(2024, 1, 1), first.getAs("day"));
        assertNull(rows.get(2).getAs("period"));
        assertNull(rows.get(1).getAs("value"));
        assertNull(rows.get(1).getAs("day"));
    }
}
