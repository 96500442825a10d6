package fi.polku.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Rows built by name, or copied whole by position from a row whose columns are checked to be the same. */
class RowBuilderTest {
    private static final StructType SCHEMA = new StructType().add("case_id", DataTypes.StringType)
            .add("score", DataTypes.DoubleType).add("flag", DataTypes.BooleanType);

    @Test
    void setAllCopiesByPositionAndLaterSetsWin() {
        RowBuilder b = new RowBuilder(SCHEMA);
        Row source = new GenericRowWithSchema(new Object[] {"C1", 12.5, null}, new StructType(SCHEMA.fields()));
        Row copied = b.setAll(source).set("flag", true).build();
        assertEquals("C1", copied.getString(0));
        assertEquals(12.5, copied.getDouble(1));
        assertEquals(true, copied.getBoolean(2));
        Row next = b.clear().setAll(new GenericRowWithSchema(new Object[] {"C2", null, false}, source.schema())).build();
        assertEquals("C2", next.getString(0));
        assertEquals(true, next.isNullAt(1), "every column overwritten, none left from the last row");
        assertEquals("C1", copied.getString(0), "a built row does not change with the builder");
    }

    @Test
    void setAllRefusesARowOfOtherColumns() {
        RowBuilder b = new RowBuilder(SCHEMA);
        b.setAll(new GenericRowWithSchema(new Object[] {"C1", 1.0, true}, SCHEMA));
        StructType swapped = new StructType().add("score", DataTypes.DoubleType).add("case_id", DataTypes.StringType)
                .add("flag", DataTypes.BooleanType);
        assertThrows(IllegalArgumentException.class,
                () -> b.setAll(new GenericRowWithSchema(new Object[] {1.0, "C1", true}, swapped)), "same names, other order");
        StructType shorter = new StructType().add("case_id", DataTypes.StringType).add("score", DataTypes.DoubleType);
        assertThrows(IllegalArgumentException.class,
                () -> b.setAll(new GenericRowWithSchema(new Object[] {"C1", 1.0}, shorter)), "fewer columns");
        assertThrows(IllegalArgumentException.class, () -> b.setAll(org.apache.spark.sql.RowFactory.create("C1", 1.0, true)),
                "a row without column names");
    }
}
