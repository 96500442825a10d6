package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Tables;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.SchemaRows;
import fi.polku.privacy.Protection;
import fi.polku.region.MunicipalityTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * region_rates under the linked-tables rule, on constructed rows (emergency placements, 13–17, 2024; k = 5). County
 * 04 (Vantaa and Kerava) is the sum of its two municipalities of {@code datasets/municipalities.csv}, 092 Vantaa and
 * 245 Kerava: 20 = 17 + 3, so the primary rule alone gives Kerava's hidden 3 back as 20 − 17. The nation (THL
 * publishes it: 3 + 40 + 20 = 63) is the sum of the counties, so county 01's hidden 3 comes back as 63 − 40 − 20.
 */
class RateDisclosureTest {
    private static final int K = 5;
    private static final MunicipalityTable MUNICIPALITIES = ReferenceData.bundled().municipalities();

    private static Row row(String region, long count, long population) {
        Map<String, Object> v = new HashMap<>();
        v.put("region", region);
        v.put("indicator", "emergency_placements");
        v.put("age_group", "13-17");
        v.put("period", "2024");
        v.put("year", 2024);
        v.put("count", count);
        v.put("population", population);
        v.put("rate_per_1000", 1000.0 * count / population);
        v.put("rate_status", "ok");
        v.put("synthetic", true);
        return SchemaRows.of(Tables.REGION_RATES, v);
    }

    private static final List<Row> ROWS = List.of(
            row("01", 3, 6000),
            row("02", 40, 12000),
            row("04", 20, 14000),
            row("092", 17, 11000),
            row("245", 3, 3000));

    @Test
    void thePrimaryRuleAloneGaveBackTheHiddenCountsFromTheSums() {
        Protection p = Protection.of(K);
        RateDisclosure sums = RateDisclosure.protect(ROWS, K, MUNICIPALITIES);
        var audit = sums.audit(ROWS, (r, column) -> p.primary(r.<Long>getAs("count")), K, MUNICIPALITIES);
        assertFalse(audit.passed());
        assertEquals(0, audit.intervals().get("245|emergency_placements|13-17|2024|null/count").width(), 1e-9,
                "Kerava = county 04 − Vantaa");
        assertEquals(0, audit.intervals().get("01|emergency_placements|13-17|2024|null/count").width(), 1e-9,
                "county 01 = nation − the other counties");
    }

    @Test
    void linkedSuppressionLeavesEveryHiddenCountItsProtection() {
        RateDisclosure d = RateDisclosure.protect(ROWS, K, MUNICIPALITIES);
        var audit = d.audit(d.published(), (r, column) -> d.hidden(r), K, MUNICIPALITIES);
        assertTrue(audit.passed(), audit.failures().toString());
        assertTrue(d.result().count(fi.polku.privacy.CellSuppression.Reason.SECONDARY) >= 2, d.result().hidden().toString());
        Row kerava = d.published().get(4);
        assertNull(kerava.getAs("count"));
        assertNull(kerava.getAs("rate_per_1000"), "the rate gives the count back with the population");
        assertEquals(3000L, kerava.<Long>getAs("population"), "populations stay published");
        assertTrue(d.hidden(ROWS.get(3)) || d.hidden(ROWS.get(2)), "Vantaa or county 04 hidden beside Kerava");
        for (Row r : d.published()) {
            Long n = r.getAs("count");
            assertTrue(n == null || n == 0 || n >= K, r.getAs("region") + " = " + n);
        }
    }

    @Test
    void countiesOnlyTheExportAuditsWithTheNationalSum() {
        RateDisclosure d = RateDisclosure.protect(ROWS, K, MUNICIPALITIES);
        List<Row> counties = d.published().subList(0, 3);
        assertTrue(d.audit(counties, (r, column) -> d.hidden(r), K, MUNICIPALITIES).passed());
        Protection p = Protection.of(K);
        assertFalse(d.audit(ROWS.subList(0, 3), (r, column) -> p.primary(r.<Long>getAs("count")), K, MUNICIPALITIES).passed(),
                "counties alone: 63 − 40 − 20 = 3");
    }
}
