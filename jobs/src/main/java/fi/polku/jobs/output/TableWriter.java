package fi.polku.jobs.output;

import fi.polku.jobs.spark.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes tables as Parquet into an output version, rows in a fixed order so that two runs over the same inputs
 * write the same content: files of about two million rows at most, each file's rows sorted by the given columns
 * (a table of more than one file is split by a hash of those columns, so the files are not in key order).
 */
public final class TableWriter {
    /** Rows per Parquet file, roughly: big enough for few files, small enough for parallel reads. */
    static final long ROWS_PER_FILE = 2_000_000L;

    private TableWriter() {
    }

    /** Writes one table under {@code version/<name>}; {@code count} is its known row count. */
    public static void write(String name, Dataset<Row> rows, long count, List<String> order, Path version) {
        int files = (int) Math.max(1, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        Column[] sort = Columns.named(order);
        // Files are cut by a hash of the sort columns, each file sorted: the same rows land in the same file in the
        // same order every run. Range partitioning would order the files too, but it samples its bounds in a pass of
        // its own, which computes everything upstream of the table once more (at 10 M sessions a fifth of the
        // change stage's work).
        Dataset<Row> placed = files == 1 ? rows.coalesce(1) : rows.repartition(files, sort);
        placed.sortWithinPartitions(sort).write().mode(SaveMode.ErrorIfExists).parquet(new Path(version, name).toString());
    }

    /**
     * The rows a written table holds, from its Parquet files' footers (no data is read): what the manifest
     * reports, so its counts are those of the files and not of a computation that might differ from them.
     */
    public static long rowsIn(Path table, Configuration hadoop) {
        try {
            FileSystem fs = table.getFileSystem(hadoop);
            long rows = 0;
            for (FileStatus f : fs.listStatus(table, p -> p.getName().endsWith(".parquet"))) {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(f, hadoop))) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + table + ": " + e.getMessage(), e);
        }
    }
}
