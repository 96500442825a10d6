package fi.polku.jobs.spark;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark {@link StructType}s of engine's declared {@link TableSchema}s. Readers get these; nothing is inferred. */
public final class SparkSchemas {
    private SparkSchemas() {
    }

    /** The Spark schema of a table. */
    public static StructType of(TableSchema table) {
        return of(table.columns());
    }

    /** The Spark schema of a column list. */
    public static StructType of(List<Column> columns) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : columns) {
            fields.add(DataTypes.createStructField(c.name(), type(c.type()), c.nullable()));
        }
        return DataTypes.createStructType(fields);
    }

    /** The Spark type of a column type; dates map to {@code java.time.LocalDate} with the Java 8 API on. */
    public static DataType type(ColumnType type) {
        switch (type) {
            case STRING:
                return DataTypes.StringType;
            case INT32:
                return DataTypes.IntegerType;
            case INT64:
                return DataTypes.LongType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            case DATE:
                return DataTypes.DateType;
            default:
                throw new IllegalArgumentException("no Spark type for " + type);
        }
    }
}
