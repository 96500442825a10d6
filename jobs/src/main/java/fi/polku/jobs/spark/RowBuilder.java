package fi.polku.jobs.spark;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Builds a Spark row of a declared schema by column name, so a mapper cannot put a value in the wrong place. */
public final class RowBuilder {
    private final StructType schema;
    private final Object[] values;
    /** The last row schema {@link #setAll} found equal to this one. */
    private StructType checked;

    public RowBuilder(StructType schema) {
        this.schema = schema;
        this.values = new Object[schema.size()];
    }

    /** Sets a column (null allowed); unknown names fail loudly. */
    public RowBuilder set(String column, Object value) {
        values[schema.fieldIndex(column)] = value;
        return this;
    }

    /**
     * Sets every column from a row with the same columns in the same order, by position: for per-row code that
     * copies a whole row (a lookup by name per column cost more than the rest of its work). The row's column
     * names are checked against the builder's whenever a row brings another schema object.
     *
     * @throws IllegalArgumentException if the row's columns differ from the builder's
     */
    public RowBuilder setAll(Row row) {
        if (row.schema() != checked) {
            if (row.schema() == null || !Arrays.equals(row.schema().fieldNames(), schema.fieldNames())) {
                throw new IllegalArgumentException("columns " + (row.schema() == null ? "unnamed"
                        : Arrays.toString(row.schema().fieldNames())) + " are not " + Arrays.toString(schema.fieldNames()));
            }
            checked = row.schema();
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
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
