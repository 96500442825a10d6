package fi.polku.jobs.output;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes tables as Parquet into an output version, rows in a fixed order (by the given sort columns) so that
 * two runs over the same inputs write the same content, in files of at most about two million rows.
 */
public final class TableWriter {
    /** Rows per Parquet file, roughly: big enough for few files, small enough for parallel reads. */
    static final long ROWS_PER_FILE = 2_000_000L;

    private TableWriter() {
    }

    /** Writes one table under {@code version/<name>}; {@code count} is its known row count. */
    public static void write(String name, Dataset<Row> rows, long count, List<String> order, Path version) {
        int files = (int) Math.max(1, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        Column[] sort = order.stream().map(c -> col(c)).toArray(Column[]::new);
        // One file needs no range sampling: merge the partitions and sort.
        Dataset<Row> placed = files == 1 ? rows.coalesce(1) : rows.repartitionByRange(files, sort);
        placed.sortWithinPartitions(sort).write().mode(SaveMode.ErrorIfExists).parquet(new Path(version, name).toString());
    }
}
