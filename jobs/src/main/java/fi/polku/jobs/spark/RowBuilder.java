package fi.polku.jobs.spark;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Builds a Spark row of a declared schema by column name, so a mapper cannot put a value in the wrong place. */
public final class RowBuilder {
    private final StructType schema;
    private final Object[] values;

    public RowBuilder(StructType schema) {
        this.schema = schema;
        this.values = new Object[schema.size()];
    }

    /** Sets a column (null allowed); unknown names fail loudly. */
    public RowBuilder set(String column, Object value) {
        values[schema.fieldIndex(column)] = value;
        return this;
    }

    /** The row; the builder can be reused after {@link #clear}. */
    public Row build() {
        return RowFactory.create(values.clone());
    }

    /** Empties every column. */
    public RowBuilder clear() {
        Arrays.fill(values, null);
        return this;
    }
}
