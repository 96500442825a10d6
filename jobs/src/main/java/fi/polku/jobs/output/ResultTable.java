package fi.polku.jobs.output;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A written result table (a folder of Parquet part files, as {@link TableWriter} leaves it) read whole into a
 * Tablesaw {@link Table} on the driver, for the small tables the report, the export, pooling and indicators work
 * on: no Spark job, and through Hadoop's {@link FileSystem}, so it reads wherever Spark wrote (local, HDFS, S3).
 *
 * <p>Columns are those of the table's contract, in its order, typed {@code string → StringColumn}, {@code int32 →
 * IntColumn}, {@code int64 → LongColumn}, {@code double → DoubleColumn}, {@code boolean → BooleanColumn}, {@code
 * date → DateColumn}. A null is a Tablesaw missing value; as in Tablesaw, an empty string is missing too (a
 * {@code StringColumn} cannot tell the two apart), and so are the sentinels Tablesaw keeps for missing numbers
 * ({@code Integer.MIN_VALUE}, {@code Long.MIN_VALUE}, NaN) read as missing too. A contract column a file lacks reads as missing, as Spark reads
 * it with the declared schema. Part files are read in name order, which is the written row order (key order within each file; a table big
 * enough for several files is split by a hash of its keys, see {@link TableWriter}). A folder
 * without rows gives a table of the contract's columns and no rows.
 */
public final class ResultTable {
    private ResultTable() {
    }

    /**
     * Reads the table at {@code location} (the table's folder) with its contract.
     *
     * @throws UncheckedIOException when the folder or a file cannot be read
     * @throws IllegalStateException when a file stores a column as a type the contract does not allow
     */
    public static Table read(Path location, TableSchema contract, Configuration hadoop) {
        Table table = Table.create(contract.name(), contract.columns().stream().map(ResultTable::column));
        try {
            FileSystem fs = location.getFileSystem(hadoop);
            FileStatus[] parts = fs.listStatus(location, p -> p.getName().endsWith(".parquet"));
            Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
            for (FileStatus part : parts) {
                append(table, part.getPath(), contract, hadoop);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + contract.name() + " at " + location + ": " + e.getMessage(), e);
        }
        return table;
    }

    private static tech.tablesaw.columns.Column<?> column(Column c) {
        return switch (c.type()) {
            case STRING -> StringColumn.create(c.name());
            case INT32 -> IntColumn.create(c.name());
            case INT64 -> LongColumn.create(c.name());
            case DOUBLE -> DoubleColumn.create(c.name());
            case BOOLEAN -> BooleanColumn.create(c.name());
            case DATE -> DateColumn.create(c.name());
        };
    }

    private static void append(Table table, Path file, TableSchema contract, Configuration hadoop) throws IOException {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(hadoop).build()) {
            int[] fields = null;
            for (Group row = reader.read(); row != null; row = reader.read()) {
                if (fields == null) {
                    fields = fieldsOf(row.getType(), contract, file);
                }
                for (int c = 0; c < fields.length; c++) {
                    appendValue(table.column(c), contract.columns().get(c).type(), row, fields[c]);
                }
            }
        }
    }

    /** Where each contract column sits in the file's schema, or -1 when the file lacks it; checks the stored types. */
    private static int[] fieldsOf(GroupType file, TableSchema contract, Path path) {
        List<Column> columns = contract.columns();
        int[] fields = new int[columns.size()];
        for (int c = 0; c < fields.length; c++) {
            Column column = columns.get(c);
            if (!file.containsField(column.name())) {
                fields[c] = -1;
                continue;
            }
            fields[c] = file.getFieldIndex(column.name());
            PrimitiveTypeName stored = file.getType(fields[c]).asPrimitiveType().getPrimitiveTypeName();
            if (!stores(column.type(), stored)) {
                throw new IllegalStateException("table " + contract.name() + ", file " + path + ": column " + column.name()
                        + " is stored as " + stored + " but the contract says " + column.type().dictionaryName());
            }
        }
        return fields;
    }

    /** The Parquet physical types Spark writes for a contract type (an int32 widens to int64 as Spark's reader does). */
    private static boolean stores(ColumnType type, PrimitiveTypeName stored) {
        return switch (type) {
            case STRING -> stored == PrimitiveTypeName.BINARY;
            case INT32, DATE -> stored == PrimitiveTypeName.INT32;
            case INT64 -> stored == PrimitiveTypeName.INT64 || stored == PrimitiveTypeName.INT32;
            case DOUBLE -> stored == PrimitiveTypeName.DOUBLE;
            case BOOLEAN -> stored == PrimitiveTypeName.BOOLEAN;
        };
    }

    private static void appendValue(tech.tablesaw.columns.Column<?> column, ColumnType type, Group row, int field) {
        if (field < 0 || row.getFieldRepetitionCount(field) == 0) {
            column.appendMissing();
            return;
        }
        switch (type) {
            case STRING -> ((StringColumn) column).append(row.getString(field, 0));
            case INT32 -> ((IntColumn) column).append(row.getInteger(field, 0));
            case INT64 -> ((LongColumn) column).append(row.getType().getType(field).asPrimitiveType().getPrimitiveTypeName()
                    == PrimitiveTypeName.INT32 ? row.getInteger(field, 0) : row.getLong(field, 0));
            case DOUBLE -> ((DoubleColumn) column).append(row.getDouble(field, 0));
            case BOOLEAN -> ((BooleanColumn) column).append(row.getBoolean(field, 0));
            // Parquet's DATE is days since 1970-01-01.
            case DATE -> ((DateColumn) column).append(LocalDate.ofEpochDay(row.getInteger(field, 0)));
        }
    }
}
