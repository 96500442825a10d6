package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.ChangeTables;
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
 * change_sensitivity under the linked rule, on a constructed series (k = 5) of 40 assessed clients: under the chosen
 * alpha 10 / 10 / 15 / 5 / 0 (recovered … harmed), all publishable, so region_outcomes hides nothing and the old
 * stopgap showed every reliability's shares; under test-retest 8 / 9 / 20 / 3 / 0, and 3 / 40 = 7.5 % beside the
 * shown n of 40 is three deteriorated clients.
 */
class SensitivityDisclosureTest {
    private static final int K = 5;

    private static Row row(StructType schema, Map<String, Object> v) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(schema.fields()[i].name());
        }
        return new GenericRowWithSchema(values, schema);
    }

    private static Map<String, Object> counts(long... n) {
        Map<String, Object> v = new HashMap<>();
        v.put("n_assessed", 40L);
        for (int i = 0; i < n.length; i++) {
            String cat = OutcomeTables.CATEGORIES.get(i);
            v.put(cat + "_n", n[i]);
            v.put(cat + "_share", n[i] / 40.0);
        }
        return v;
    }

    private static Row sensitivity(String source, boolean chosen, long... n) {
        Map<String, Object> v = counts(n);
        v.put("reliability_source", source);
        v.put("chosen", chosen);
        v.put("reliably_improved_share", (n[0] + n[1]) / 40.0);
        return row(SparkSchemas.of(ChangeTables.CHANGE_SENSITIVITY), v);
    }

    private static final Row OUTCOME = row(SparkSchemas.of(OutcomeTables.REGION_OUTCOMES), counts(10, 10, 15, 5, 0));
    private static final List<Row> ROWS = List.of(sensitivity("alpha", true, 10, 10, 15, 5, 0),
            sensitivity("test_retest", false, 8, 9, 20, 3, 0));

    @Test
    void theStopgapShowedASmallCountAsAShareOfTheShownN() {
        boolean hiddenThere = OutcomeTables.CATEGORIES.stream().anyMatch(cat -> OUTCOME.getAs(cat + "_n") == null);
        Row retest = ROWS.get(1);
        double shown = retest.<Double>getAs("deteriorated_share") * OUTCOME.<Long>getAs("n_assessed");
        assertTrue(!hiddenThere && Protection.of(K).primary(shown), "3 deteriorated clients shown as 7.5 % of 40");
    }

    @Test
    void linkedSuppressionHidesTheSmallCountAndEnoughBesideIt() {
        SensitivityDisclosure d = SensitivityDisclosure.protect(ROWS, OUTCOME, K);
        Row retest = d.published().get(1);
        assertNull(retest.getAs("deteriorated_share"));
        assertEquals(1, d.count(fi.polku.privacy.CellSuppression.Reason.PRIMARY), d.result().hidden().toString());
        assertTrue(d.count(fi.polku.privacy.CellSuppression.Reason.SECONDARY) > 0, d.result().hidden().toString());
        Row alpha = d.published().get(0);
        for (String cat : OutcomeTables.CATEGORIES) {
            assertNotNull(alpha.getAs(cat + "_share"), "the chosen shares are region_outcomes' own and stay shown: " + cat);
        }
        var audit = SensitivityDisclosure.audit(ROWS, OUTCOME, (r, column) -> r == OUTCOME ? false
                : d.blanked().get(ROWS.indexOf(r)).contains(column + "_n"), K);
        assertTrue(audit.passed(), audit.failures().toString());
        assertEquals(0, d.blanked().get(0).size());
    }

    @Test
    void categoriesTheChangeStageLeftBlankArePartOfTheSum() {
        // Clinical alpha 8 / – / 27 / – / 0: the change stage hid improved and deteriorated (2 and 3), but their sum
        // 40 − 35 = 5 pins each to 1 to 4; the linked rule hides a shown category beside them.
        Map<String, Object> v = counts(8, 2, 27, 3, 0);
        v.put("improved_n", null);
        v.put("improved_share", null);
        v.put("deteriorated_n", null);
        v.put("deteriorated_share", null);
        v.put("reliability_source", "alpha_clinical");
        v.put("chosen", false);
        List<Row> rows = List.of(ROWS.get(0), row(SparkSchemas.of(ChangeTables.CHANGE_SENSITIVITY), v));
        var before = SensitivityDisclosure.audit(rows, OUTCOME, (r, column) -> r != OUTCOME && r.getAs(column + "_n") == null, K);
        assertEquals(3, before.intervals().get("alpha_clinical/improved").width(), 1e-9, "1 to 4");
        SensitivityDisclosure d = SensitivityDisclosure.protect(rows, OUTCOME, K);
        Row clinical = d.published().get(1);
        assertTrue(clinical.getAs("recovered_share") == null || clinical.getAs("unchanged_share") == null, clinical.toString());
        var after = SensitivityDisclosure.audit(rows, OUTCOME, (r, column) -> r != OUTCOME
                && d.blanked().get(rows.indexOf(r)).contains(column + "_n") || r != OUTCOME && r.getAs(column + "_n") == null, K);
        assertTrue(after.passed(), after.failures().toString());
    }

    @Test
    void theChosenRowHidesWhatRegionOutcomesHides() {
        // The demo's region 12, ORS, parent, project, all (independent attack, 2026-12-01): region_outcomes 74 assessed,
        // 11 / 15 / 46 / 1 / 1; the pages hide recovered (secondary), deteriorated and harmed; the change stage left
        // deteriorated and harmed blank in change_sensitivity. The chosen row was published with its cells named by
        // reliability source instead of as region_outcomes' cells, so "15 %" of 74 gave the hidden 11 back, and
        // 74 − 11 − 15 − 46 = 2 the two small ones.
        Map<String, Object> o = counts(11, 15, 46, 1, 1);
        o.put("n_assessed", 74L);
        for (String cat : List.of("recovered", "deteriorated", "harmed")) {
            o.put(cat + "_n", null);
            o.put(cat + "_share", null);
        }
        Row outcome = row(SparkSchemas.of(OutcomeTables.REGION_OUTCOMES), o);
        Map<String, Object> v = counts(11, 15, 46, 0, 0);
        v.put("n_assessed", 74L);
        for (String cat : List.of("deteriorated", "harmed")) {
            v.put(cat + "_n", null);
            v.put(cat + "_share", null);
        }
        v.put("reliability_source", "alpha");
        v.put("chosen", true);
        v.put("reliably_improved_share", 26 / 74.0);
        List<Row> rows = List.of(row(SparkSchemas.of(ChangeTables.CHANGE_SENSITIVITY), v));
        Row chosen = SensitivityDisclosure.protect(rows, outcome, K).published().get(0);
        assertNull(chosen.getAs("recovered_share"), chosen.toString());
        assertNull(chosen.getAs("reliably_improved_share"), chosen.toString());
        assertNotNull(chosen.getAs("improved_share"), "what region_outcomes shows stays shown");
    }

    @Test
    void theReliabilitiesOrderBindsCountsTheChangeStageLeftBlank() {
        // The demo's region 12, ORS, youth, project, whole period (re-attack, 2026-12-01): 79 assessed; the chosen alpha
        // (threshold 7.7) 10 / 4 / 60 / 5 / 0, region_outcomes hides improved (4) and deteriorated (5). Under clinical
        // alpha (threshold 5.6) the change stage left recovered and deteriorated blank: 19 improved and 45 unchanged
        // shown, so recovered + deteriorated = 15. With a lower threshold no client leaves a changed category, so
        // clinical recovered >= the chosen 10, clinical deteriorated <= 5, and the chosen deteriorated <= 5: [1, 5],
        // narrower than k. The old rule added the order only where both counts existed at source and missed this.
        Map<String, Object> o = counts(10, 4, 60, 5, 0);
        o.put("n_assessed", 79L);
        for (String cat : List.of("improved", "deteriorated")) {
            o.put(cat + "_n", null);
            o.put(cat + "_share", null);
        }
        Row outcome = row(SparkSchemas.of(OutcomeTables.REGION_OUTCOMES), o);
        Map<String, Object> chosen = counts(10, 4, 60, 5, 0);
        chosen.put("n_assessed", 79L);
        for (String cat : List.of("improved", "deteriorated")) {
            chosen.put(cat + "_n", null);
            chosen.put(cat + "_share", null);
        }
        chosen.put("reliability_source", "alpha");
        chosen.put("chosen", true);
        chosen.put("threshold_points", 7.7);
        Map<String, Object> clinical = counts(10, 19, 45, 5, 0);
        clinical.put("n_assessed", 79L);
        for (String cat : List.of("recovered", "deteriorated")) {
            clinical.put(cat + "_n", null);
            clinical.put(cat + "_share", null);
        }
        clinical.put("reliability_source", "alpha_clinical");
        clinical.put("chosen", false);
        clinical.put("threshold_points", 5.6);
        StructType schema = SparkSchemas.of(ChangeTables.CHANGE_SENSITIVITY);
        List<Row> rows = List.of(row(schema, chosen), row(schema, clinical));
        // What the old rule published (the clinical row as the change stage left it) pins the chosen deteriorated:
        var shownAsBefore = SensitivityDisclosure.audit(rows, outcome, (r, column) -> r == outcome
                ? outcome.getAs(column.equals("n_assessed") ? "n_assessed" : column + "_n") == null : r.getAs(column + "_n") == null, K);
        var before = shownAsBefore.intervals().get("chosen/deteriorated");
        assertEquals(1, before.lower(), 1e-9);
        assertEquals(5, before.upper(), 1e-9);
        SensitivityDisclosure d = SensitivityDisclosure.protect(rows, outcome, K);
        Row published = d.published().get(1);
        assertTrue(published.getAs("improved_share") == null || published.getAs("unchanged_share") == null, published.toString());
        assertNotNull(published.getAs("harmed_share"), "a zero stays shown beside the shown n");
        var after = SensitivityDisclosure.audit(rows, outcome, (r, column) -> r == outcome
                ? outcome.getAs(column.equals("n_assessed") ? "n_assessed" : column + "_n") == null
                : d.blanked().get(rows.indexOf(r)).contains(column + "_n"), K);
        assertTrue(after.passed(), after.failures().toString());
    }
}
