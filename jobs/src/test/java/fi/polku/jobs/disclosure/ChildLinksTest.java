package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * project_indicators beside region_outcomes, k = 5 (constructed, in the shape an independent attack on the demo's
 * export found on 2026-12-01: a term's episodes reached = its ORS youth + CORS child project series, so the reached
 * count less the shown youths gave the hidden children's count exactly, e.g. region 10, 2024-autumn: 29 − 28 = 1).
 * Region 10: youths 20 and 21 in two terms (41 in all), children 3 (hidden, under k) and 6 (9 in all).
 */
class ChildLinksTest {
    private static final int K = 5;
    private static final StructType OUTCOMES = SparkSchemas.of(OutcomeTables.REGION_OUTCOMES);
    private static final StructType INDICATORS = SparkSchemas.of(OutcomeTables.PROJECT_INDICATORS);

    /** A project series row of region 10: every episode complete, no change category assessed. */
    private static Row series(String instrument, String respondent, String period, long episodes) {
        Map<String, Object> v = new HashMap<>();
        v.put("region", "10");
        v.put("instrument", instrument);
        v.put("respondent", respondent);
        v.put("arm", "project");
        v.put("period", period);
        v.put("n_episodes", episodes);
        v.put("n_complete", episodes);
        v.put("n_assessed", 0L);
        v.put("status", "ok");
        v.put("synthetic", true);
        return row(OUTCOMES, v);
    }

    /** An indicator row of region 10: families = episodes = measured (every episode measured, one child each). */
    private static Row indicators(String period, long episodes) {
        Map<String, Object> v = new HashMap<>();
        v.put("region", "10");
        v.put("period", period);
        v.put("families_reached", episodes);
        v.put("episodes_reached", episodes);
        v.put("measured_episodes", episodes);
        v.put("meetings", 10 * episodes);
        v.put("skipped_meetings", 0L);
        v.put("ended_episodes", 0L);
        v.put("status", "ok");
        v.put("synthetic", true);
        return row(INDICATORS, v);
    }

    private static Row row(StructType schema, Map<String, Object> v) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(schema.fields()[i].name());
        }
        return new GenericRowWithSchema(values, schema);
    }

    private static final List<Row> SERIES = List.of(
            series("CORS", "child", "2024-autumn", 3), series("CORS", "child", "2025-spring", 6), series("CORS", "child", "all", 9),
            series("ORS", "youth", "2024-autumn", 20), series("ORS", "youth", "2025-spring", 21), series("ORS", "youth", "all", 41));
    private static final List<Row> REACHED = List.of(indicators("2024-autumn", 23), indicators("2025-spring", 27), indicators("all", 50));
    private static final String CHILDREN_AUTUMN = "10|CORS|child|project|2024-autumn/n_episodes";

    /** The links of every count of children the rows publish. */
    private static LinkedTables links(OutcomeDisclosure outcomes, List<Row> rows) {
        List<ChildLinks.Count> counts = new ArrayList<>();
        for (Row r : rows) {
            if (r.getAs("episodes_reached") != null) {
                String key = r.getAs("region") + "|" + r.getAs("period");
                counts.add(new ChildLinks.Count(key + "/episodes_reached", r.<Long>getAs("episodes_reached"), "10", Set.of("project"),
                        r.getAs("period")));
            }
        }
        return ChildLinks.of(outcomes.episodes(), counts);
    }

    @Test
    void termsReachedCountsGaveTheHiddenChildrenBack() {
        OutcomeDisclosure outcomes = OutcomeDisclosure.protect(SERIES, K);
        assertTrue(outcomes.auditPublished().passed(), "region_outcomes alone holds");
        IndicatorDisclosure alone = IndicatorDisclosure.protect(REACHED, K);
        LinkedTables view = IndicatorDisclosure.model(alone.published(), (r, c) -> alone.blanked().get(alone.published().indexOf(r)).contains(c));
        DisclosureAudit.Result joint = ChildLinks.published(outcomes.auditBeside(List.of(view, links(outcomes, REACHED))));
        assertFalse(joint.passed());
        DisclosureAudit.Interval children = joint.intervals().get(CHILDREN_AUTUMN);
        assertEquals(3, children.lower(), 1e-6, "23 reached − 20 youths");
        assertEquals(3, children.upper(), 1e-6);
    }

    @Test
    void besideRegionOutcomesTheCountsOfChildrenArePublishedForTheWholePeriodOnly() {
        OutcomeDisclosure outcomes = OutcomeDisclosure.protect(SERIES, K);
        IndicatorDisclosure d = IndicatorDisclosure.protect(REACHED, K, outcomes);
        DisclosureAudit.Result joint = ChildLinks.published(outcomes.auditBeside(d.besideOutcomes()));
        assertTrue(joint.passed(), joint.failures().toString());
        assertTrue(joint.intervals().get(CHILDREN_AUTUMN).width() >= K);
        for (Row r : d.published()) {
            boolean whole = "all".equals(r.getAs("period"));
            for (String count : IndicatorDisclosure.WHOLE_PERIOD_ONLY) {
                if (whole) {
                    assertEquals(REACHED.get(2).<Long>getAs(count), r.<Long>getAs(count), "the whole period's " + count
                            + " stays: 41 + 9 are shown anyway");
                } else {
                    assertNull(r.getAs(count), r.getAs("period") + " " + count);
                }
            }
        }
    }
}
