package fi.polku.jobs.spark;

import fi.polku.contract.TableSchema;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/** Constructed rows of a table for tests: the values by column name, every other column null. */
public final class SchemaRows {
    private SchemaRows() {
    }

    /** A row of {@code table} with {@code values} by column name (absent columns null). */
    public static Row of(TableSchema table, Map<String, Object> values) {
        StructType schema = SparkSchemas.of(table);
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(schema.fields()[i].name());
        }
        return new GenericRowWithSchema(row, schema);
    }
}
