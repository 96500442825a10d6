package fi.polku.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.spark.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of several files (forced here by the row count the writer is told, ~2 million rows a file): every row is
 * written once, each file is sorted by the sort columns, and the same rows arriving in another order and
 * partitioning give the same files with the same rows in the same order.
 */
class TableWriterTest {
    private static final StructType SCHEMA = new StructType()
            .add("case_id", DataTypes.StringType, false).add("episode", DataTypes.IntegerType, false)
            .add("value", DataTypes.DoubleType, true);

    private static SparkSession spark;
    @TempDir
    java.nio.file.Path dir;

    @BeforeAll
    static void start() {
        spark = Sessions.create("table-writer-test", false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void severalFilesEachSortedAndTheSameWhateverTheArrivalOrder() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(RowFactory.create("C" + (i % 997), i / 997, i % 5 == 0 ? null : i / 3.0));
        }
        long told = 3 * TableWriter.ROWS_PER_FILE + 1; // four files
        List<List<Row>> first = write("first", rows, 3, told);
        Collections.shuffle(rows, new Random(11));
        List<List<Row>> second = write("second", rows, 7, told);

        assertEquals(4, first.size(), "files");
        assertEquals(rows.size(), first.stream().mapToInt(List::size).sum(), "every row once");
        assertEquals(rows.size(), first.stream().flatMap(List::stream).distinct().count(), "no row twice");
        for (List<Row> file : first) {
            assertTrue(file.size() > 0, "no empty file for these keys");
            for (int i = 1; i < file.size(); i++) {
                assertTrue(compare(file.get(i - 1), file.get(i)) <= 0, "file sorted at row " + i + ": " + file.get(i));
            }
        }
        assertEquals(first, second, "same files, same rows in the same order");
    }

    private static int compare(Row a, Row b) {
        int c = a.getString(0).compareTo(b.getString(0));
        return c != 0 ? c : Integer.compare(a.getInt(1), b.getInt(1));
    }

    /** Writes the rows (arriving in {@code partitions} partitions), then reads each part file in name order. */
    private List<List<Row>> write(String version, List<Row> rows, int partitions, long told) throws IOException {
        java.nio.file.Path at = Files.createDirectories(dir.resolve(version));
        TableWriter.write("t", spark.createDataFrame(rows, SCHEMA).repartition(partitions), told,
                List.of("case_id", "episode"), new Path(at.toString()));
        List<List<Row>> files = new ArrayList<>();
        try (Stream<java.nio.file.Path> parts = Files.list(at.resolve("t"))) {
            for (java.nio.file.Path p : parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                files.add(spark.read().parquet(p.toString()).collectAsList());
            }
        }
        return files;
    }
}
