package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.privacy.Protection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * project_indicators under the linked-tables rule: the demo export's region 10 as published before (k = 5, counts
 * from {@code csv/project_indicators.csv} of the demo run of this branch's base), where the periods' sums gave back
 * the hidden skipped meetings (62 − 15 − 12 − 23 − 10 = 2) and ended episodes (106 − 29 − 26 − 40 − 7 = 4).
 */
class IndicatorDisclosureTest {
    private static final int K = 5;
    private static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.PROJECT_INDICATORS);

    /** A row of region 10: families = episodes, then measured episodes, meetings, skipped meetings, ended episodes. */
    private static Row row(String period, long episodes, long measured, long meetings, long skipped, long ended) {
        Map<String, Object> v = new HashMap<>();
        v.put("region", "10");
        v.put("period", period);
        v.put("families_reached", episodes);
        v.put("episodes_reached", episodes);
        v.put("measured_episodes", measured);
        v.put("meetings", meetings);
        v.put("skipped_meetings", skipped);
        v.put("skipped_share", (double) skipped / meetings);
        v.put("ended_episodes", ended);
        v.put("status", "ok");
        v.put("synthetic", true);
        Object[] values = new Object[SCHEMA.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(SCHEMA.fields()[i].name());
        }
        return new GenericRowWithSchema(values, SCHEMA);
    }

    private static final List<Row> REGION_10 = List.of(
            row("2024-autumn", 29, 47, 419, 15, 29),
            row("2024-spring", 7, 9, 49, 2, 7),
            row("2025-autumn", 27, 49, 309, 12, 26),
            row("2025-spring", 40, 54, 500, 23, 40),
            row("2026-spring", 13, 21, 156, 10, 4),
            row("all", 116, 180, 1433, 62, 106));

    @Test
    void thePrimaryRuleAloneGaveBackTheHiddenCountsFromThePeriodsSums() {
        Protection p = Protection.of(K);
        var audit = IndicatorDisclosure.audit(REGION_10, (r, column) -> IndicatorDisclosure.DEPENDENTS.containsKey(column)
                && r.getAs(column) != null && p.primary(r.<Long>getAs(column)), K);
        assertFalse(audit.passed());
        assertEquals(0, audit.intervals().get("10|2024-spring/skipped_meetings").width(), 1e-9);
        assertEquals(0, audit.intervals().get("10|2026-spring/ended_episodes").width(), 1e-9);
    }

    @Test
    void linkedSuppressionLeavesEveryHiddenCountItsProtection() {
        IndicatorDisclosure d = IndicatorDisclosure.protect(REGION_10, K);
        var audit = IndicatorDisclosure.audit(d.published(), (r, column) -> d.blanked().get(d.published().indexOf(r)).contains(column), K);
        assertTrue(audit.passed(), audit.failures().toString());
        assertTrue(d.result().count(fi.polku.privacy.CellSuppression.Reason.SECONDARY) > 0);
        Row spring = d.published().get(1);
        assertNull(spring.getAs("skipped_meetings"));
        assertNull(spring.getAs("skipped_share"), "the share gives the count back with the meetings");
        Row all = d.published().get(5);
        assertEquals(62L, all.<Long>getAs("skipped_meetings"), "the whole period's figures stay shown");
        assertEquals(106L, all.<Long>getAs("ended_episodes"));
        for (Row r : d.published()) {
            for (String c : IndicatorDisclosure.DEPENDENTS.keySet()) {
                Long n = r.getAs(c);
                assertTrue(n == null || n == 0 || n >= K, c + " = " + n);
            }
        }
    }
}
