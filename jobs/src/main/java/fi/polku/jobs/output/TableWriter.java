package fi.polku.jobs.output;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes tables as Parquet into a staging folder, rows in a fixed order (by the given sort columns) so that
 * two runs over the same inputs write the same content, in files of at most about two million rows.
 */
public final class TableWriter {
    /** Rows per Parquet file, roughly: big enough for few files, small enough for parallel reads. */
    static final long ROWS_PER_FILE = 2_000_000L;

    private TableWriter() {
    }

    /**
     * Writes each table under {@code staging/<name>}.
     *
     * @param tables name → rows
     * @param rows   name → how many rows the table has (known from ingest's counts)
     * @param order  name → the columns that fix the row order
     */
    public static void write(Map<String, Dataset<Row>> tables, Map<String, Long> rows, Map<String, List<String>> order,
                             Path staging) {
        for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
            long n = rows.get(t.getKey());
            int files = (int) Math.max(1, (n + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
            Column[] sort = order.get(t.getKey()).stream().map(c -> col(c)).toArray(Column[]::new);
            // One file needs no range sampling: merge the partitions and sort.
            Dataset<Row> placed = files == 1 ? t.getValue().coalesce(1) : t.getValue().repartitionByRange(files, sort);
            placed.sortWithinPartitions(sort).write().mode(SaveMode.ErrorIfExists)
                    .parquet(new Path(staging, t.getKey()).toString());
        }
    }
}
