package fi.polku.jobs.output;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.ColumnType;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.jobs.spark.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Result tables written by Spark and read back on the driver: every contract column type, nulls, several part
 * files and no rows, each compared row by row with Spark's own read of the same Parquet.
 */
class ResultTableTest {
    /** A table with every contract column type, each both required and optional. */
    private static final TableSchema EVERY_TYPE = new TableSchema("every_type", List.of(
            required("id", ColumnType.INT32),
            optional("text", ColumnType.STRING),
            optional("small", ColumnType.INT32),
            optional("big", ColumnType.INT64),
            optional("share", ColumnType.DOUBLE),
            optional("flag", ColumnType.BOOLEAN),
            optional("day", ColumnType.DATE),
            required("region", ColumnType.STRING)));

    private static SparkSession spark;
    @TempDir
    java.nio.file.Path dir;

    @BeforeAll
    static void start() {
        spark = Sessions.create("result-table-test", false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<Row> rows(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean gaps = i % 3 == 0;
            // Extremes of each type where they fit: the reader must not narrow or round anything.
            rows.add(RowFactory.create(i, gaps ? null : "Pohjois-Savo ä " + i, gaps ? null : i == 1 ? Integer.MIN_VALUE + 1 : -i,
                    gaps ? null : i == 2 ? Long.MAX_VALUE : 10_000_000_000L * i, gaps ? null : i == 4 ? Double.MIN_VALUE : i / 7.0,
                    gaps ? null : i % 2 == 0, gaps ? null : LocalDate.of(2024, 8, 1).plusDays(i), "r" + (i % 4)));
        }
        return rows;
    }

    private Path write(List<Row> rows, int files) {
        String location = dir.resolve(EVERY_TYPE.name()).toString();
        spark.createDataFrame(rows, SparkSchemas.of(EVERY_TYPE)).repartition(files).write().parquet(location);
        return new Path(location);
    }

    /** Spark's read of the table with its contract, ordered by id. */
    private static List<Row> sparkRead(Path location) {
        return spark.read().schema(SparkSchemas.of(EVERY_TYPE)).parquet(location.toString()).orderBy("id").collectAsList();
    }

    /** The Tablesaw table's cells as Java values, missing as null, ordered by id. */
    private static List<List<Object>> cells(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < table.columnCount(); c++) {
                row.add(table.column(c).isMissing(r) ? null : table.column(c).get(r));
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        return rows;
    }

    private static List<List<Object>> cellsOf(List<Row> rows) {
        return rows.stream().map(r -> Arrays.asList(Stream.iterate(0, i -> i + 1).limit(r.size()).map(r::get).toArray())).toList();
    }

    private Table read(Path location) {
        return ResultTable.read(location, EVERY_TYPE, Sessions.hadoopConfiguration());
    }

    @Test
    void everyColumnTypeAndNullReadsAsSparkReadsIt() {
        Path location = write(rows(10), 1);
        Table table = read(location);
        assertEquals(EVERY_TYPE.columns().stream().map(c -> c.name()).toList(), table.columnNames());
        assertEquals(List.of("INTEGER", "STRING", "INTEGER", "LONG", "DOUBLE", "BOOLEAN", "LOCAL_DATE", "STRING"),
                table.columns().stream().map(c -> c.type().name()).toList());
        assertEquals(cellsOf(sparkRead(location)), cells(table));
        // Rows 0, 3, 6, 9 hold nulls in the six optional columns (rows(n): every third row).
        assertEquals(4 * 6, Arrays.stream(table.columnNames().toArray(String[]::new))
                .mapToInt(c -> table.column(c).countMissing()).sum());
        assertEquals(Long.MAX_VALUE, table.longColumn("big").get(2));
        assertEquals(LocalDate.of(2024, 8, 3), table.dateColumn("day").get(2));
    }

    @Test
    void severalPartFilesGiveEveryRowOnce() throws IOException {
        Path location = write(rows(50), 3);
        try (Stream<java.nio.file.Path> files = Files.list(dir.resolve(EVERY_TYPE.name()))) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".parquet")).count(), "the test needs three part files");
        }
        Table table = read(location);
        assertEquals(50, table.rowCount());
        assertEquals(cellsOf(sparkRead(location)), cells(table));
    }

    @Test
    void aTableWithoutRowsHasTheContractsColumns() {
        Path location = write(List.of(), 1);
        Table table = read(location);
        assertEquals(0, table.rowCount());
        assertEquals(EVERY_TYPE.columns().size(), table.columnCount());
        assertEquals(0, sparkRead(location).size());
    }

    @Test
    void anEmptyStringIsMissingAsInTablesaw() {
        List<Row> rows = List.of(RowFactory.create(1, "", 1, 1L, 1.0, true, LocalDate.of(2025, 1, 1), "r"));
        Table table = read(write(rows, 1));
        assertTrue(table.stringColumn("text").isMissing(0));
    }

    @Test
    void aColumnStoredAsAnotherTypeNamesTableFileAndColumn() {
        String location = dir.resolve("wrong").toString();
        spark.sql("SELECT 1 AS id, 2.5 AS text").write().parquet(location);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResultTable.read(new Path(location), EVERY_TYPE, Sessions.hadoopConfiguration()));
        assertTrue(e.getMessage().contains("table every_type") && e.getMessage().contains("column text")
                && e.getMessage().contains(".parquet"), e.getMessage());
    }
}
