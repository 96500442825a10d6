package fi.polku.jobs.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.config.OutcomeSettings;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Dropouts across periods, k = 5. The demo's region 20 (independent attack on the export, 2026-12-01): the whole period
 * 13 dropouts of 83 ended episodes with a judgement, 2024-autumn 7 of 29, 2026-spring 0 of 7 shown; 2025-spring and
 * 2025-autumn hidden (dropouts 1 to 4). The whole less the shown periods gave the two hidden ones' sum, 6, and each
 * under 5 left each in [2, 4].
 */
class IndicatorRowsTest {
    private static final StructType AGGREGATE = new StructType().add("region", DataTypes.StringType).add("period", DataTypes.StringType)
            .add("families", DataTypes.LongType).add("episodes", DataTypes.LongType).add("measured", DataTypes.LongType)
            .add("due", DataTypes.LongType).add("skipped", DataTypes.LongType).add("ended", DataTypes.LongType)
            .add("ended_judged", DataTypes.LongType).add("dropouts", DataTypes.LongType);

    private static Row aggregate(String region, String period, long endedJudged, long dropouts) {
        return new GenericRowWithSchema(new Object[] {region, period, 40L, 40L, 40L, 100L, 10L, endedJudged + 5, endedJudged, dropouts},
                AGGREGATE);
    }

    private static final StructType INDICATORS = SparkSchemas.of(OutcomeTables.PROJECT_INDICATORS);

    /** A row of the output (RowBuilder rows carry no schema): by column name. */
    private static Object get(Row r, String column) {
        return r.get(INDICATORS.fieldIndex(column));
    }

    private static Row period(List<Row> rows, String region, String period) {
        return rows.stream().filter(r -> region.equals(get(r, "region")) && period.equals(get(r, "period"))).findFirst().orElseThrow();
    }

    @Test
    void aPeriodsHiddenDropoutsHideTheWholePeriods() {
        List<Row> aggregates = new ArrayList<>(List.of(aggregate("20", "2024-autumn", 29, 7), aggregate("20", "2025-autumn", 27, 3),
                aggregate("20", "2025-spring", 20, 3), aggregate("20", "2026-spring", 7, 0), aggregate("20", "all", 83, 13),
                aggregate("10", "2024-autumn", 30, 10), aggregate("10", "all", 30, 10)));
        List<Row> rows = IndicatorRows.of(aggregates, OutcomeSettings.defaults(), true);
        assertNull(get(period(rows, "20", "2025-autumn"), "dropouts"));
        assertNull(get(period(rows, "20", "2025-spring"), "dropouts"));
        Row whole = period(rows, "20", "all");
        assertNull(get(whole, "dropouts"), "13 - 7 - 0 would give the hidden periods' 6");
        assertNull(get(whole, "dropout_share"));
        assertNull(get(whole, "dropout_lower"));
        assertTrue(((String) get(whole, "status")).contains(IndicatorRows.HIDDEN_DROPOUT), (String) get(whole, "status"));
        assertEquals(7L, get(period(rows, "20", "2024-autumn"), "dropouts"), "the shown period stays");
        assertNotNull(get(period(rows, "10", "all"), "dropouts"), "a region without a hidden period keeps its whole");
    }
}
