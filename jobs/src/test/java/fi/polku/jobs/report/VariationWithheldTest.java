package fi.polku.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Tables;
import fi.polku.contract.VariationTables;
import fi.polku.jobs.disclosure.RateDisclosure;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.SchemaRows;
import fi.polku.variation.AreaCount;
import fi.polku.variation.VariationStatistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The coefficient of variation between municipalities is computed over every municipality, hidden ones too. Constructed
 * (emergency placements, 13–17, k = 5): Helsinki 60 / 20 000, Vantaa 17 / 11 000, Espoo 30 / 15 000 and Kerava 3 /
 * 3 000 in 2024 (Kerava hidden as under k); in 2023 Kerava has 8 and nothing is hidden. With the three shown rates and
 * Kerava's published population, CV = sd/mean (sd with k − 1) is one quadratic in Kerava's rate, and one of its two
 * roots is 3 / 3 000 exactly: the published CV gave the hidden count back.
 */
class VariationWithheldTest {
    private static final String[] AREAS = {"091", "092", "049", "245"};
    private static final long[] POPULATION = {20_000, 11_000, 15_000, 3_000};

    private static Map<String, Object> key(int year) {
        Map<String, Object> v = new HashMap<>();
        v.put("indicator", VariationSection.INDICATOR);
        v.put("age_group", VariationSection.AGE);
        v.put("year", year);
        v.put("synthetic", true);
        return v;
    }

    private static Row rate(String region, int year, long count, long population) {
        Map<String, Object> v = key(year);
        v.put("region", region);
        v.put("period", Integer.toString(year));
        v.put("count", count);
        v.put("population", population);
        v.put("rate_per_1000", 1000.0 * count / population);
        v.put("rate_status", "ok");
        return SchemaRows.of(Tables.REGION_RATES, v);
    }

    private static Row cv(int year, long[] counts) {
        List<AreaCount> areas = new ArrayList<>();
        for (int i = 0; i < AREAS.length; i++) {
            areas.add(new AreaCount(AREAS[i], counts[i], POPULATION[i]));
        }
        Map<String, Object> v = key(year);
        v.put("level", "municipality");
        v.put("scope", "national");
        v.put("measure", "cv");
        v.put("value", VariationStatistics.of(areas).cv());
        return SchemaRows.of(VariationTables.VARIATION_BY_YEAR, v);
    }

    @Test
    void theCvOfAYearWithAHiddenMunicipalityIsNotPublished() {
        long[] counts2024 = {60, 17, 30, 3};
        long[] counts2023 = {60, 17, 30, 8};
        List<Row> rates = new ArrayList<>();
        for (int i = 0; i < AREAS.length; i++) {
            rates.add(rate(AREAS[i], 2024, counts2024[i], POPULATION[i]));
            rates.add(rate(AREAS[i], 2023, counts2023[i], POPULATION[i]));
        }
        RateDisclosure control = RateDisclosure.protect(rates, 5, ReferenceData.bundled().municipalities());
        assertTrue(control.hidden("245", VariationSection.INDICATOR, VariationSection.AGE, 2024), "Kerava's 3");
        Map<String, Object> t = key(2023);
        t.put("level", "municipality");
        t.put("scope", "national");
        t.put("measure", "cv");
        t.put("first_year", 2023);
        t.put("last_year", 2024);
        Row trend = SchemaRows.of(VariationTables.VARIATION_TREND, t);
        VariationSection.Data data = new VariationSection.Data(List.of(), List.of(), List.of(cv(2023, counts2023), cv(2024, counts2024)),
                List.of(trend), List.of(), List.of()).without(control);
        for (Row published : data.years()) {
            int year = ((Number) published.getAs("year")).intValue();
            if (year == 2024) {
                // The attacker's quadratic: with a = 4 + 3·CV², (16 − a)x² − 2a·S1·x + 16·S2 − a·S1² = 0 for the hidden rate x.
                double c = published.<Double>getAs("value");
                double s1 = 0;
                double s2 = 0;
                for (int i = 0; i < 3; i++) {
                    double r = (double) counts2024[i] / POPULATION[i];
                    s1 += r;
                    s2 += r * r;
                }
                double a = 4 + 3 * c * c;
                double qa = 16 - a;
                double qb = -2 * a * s1;
                double qc = 16 * s2 - a * s1 * s1;
                double root = Math.sqrt(qb * qb - 4 * qa * qc);
                for (double x : new double[] {(-qb + root) / (2 * qa), (-qb - root) / (2 * qa)}) {
                    assertTrue(Math.abs(x * POPULATION[3] - 3) > 1e-6, "the published CV gives Kerava's hidden 3 back: " + x * POPULATION[3]);
                }
            }
        }
        assertEquals(List.of(2023), data.years().stream().map(r -> ((Number) r.getAs("year")).intValue()).toList(),
                "2023 hides no municipality: its CV stays");
        assertTrue(data.trends().isEmpty(), "the trend's slope over 2023–2024 with 2023 shown would give 2024's CV back");
        assertEquals(1, data.withheld().size());
    }

    private static Row funnelPoint(String region, int year, double rate, String adjustment) {
        Map<String, Object> v = key(year);
        v.put("level", "municipality");
        v.put("scope", "national");
        v.put("region", region);
        v.put("rate_per_1000", rate);
        // Overdispersed (additive, tau2) limits 1.0-5.0 and 0.5-6.0; the Poisson ones 2.0-4.0 and 1.5-4.5.
        v.put("lower95", 1.0);
        v.put("upper95", 5.0);
        v.put("lower998", 0.5);
        v.put("upper998", 6.0);
        v.put("poisson_lower95", 2.0);
        v.put("poisson_upper95", 4.0);
        v.put("poisson_lower998", 1.5);
        v.put("poisson_upper998", 4.5);
        v.put("band", "within");
        v.put("outside_95", false);
        v.put("outside_998", false);
        v.put("overdispersion", "additive");
        v.put("adjustment", adjustment);
        v.put("phi", 2.07);
        v.put("tau2", 0.0026);
        v.put("method", "additive random effects, tau2 0.0026; reference all areas of the level (national) 3.0000 per 1 000");
        return SchemaRows.of(VariationTables.FUNNEL_POINTS, v);
    }

    @Test
    void aFunnelOfAYearWithAHiddenMunicipalityShowsPoissonLimitsAndNoOverdispersion() {
        long[] counts2024 = {60, 17, 30, 3};
        long[] counts2023 = {60, 17, 30, 8};
        List<Row> rates = new ArrayList<>();
        for (int i = 0; i < AREAS.length; i++) {
            rates.add(rate(AREAS[i], 2024, counts2024[i], POPULATION[i]));
            rates.add(rate(AREAS[i], 2023, counts2023[i], POPULATION[i]));
        }
        RateDisclosure control = RateDisclosure.protect(rates, 5, ReferenceData.bundled().municipalities());
        // phi and tau2 are computed over every area, Kerava's hidden 3 too: printed, and drawn as the limits' width, they
        // are one more equation in Kerava's rate (as the CV is). Helsinki's 3.0 per 1 000 lies within both sets of limits;
        // Espoo's 4.2 within the overdispersed 95 % limits but above the Poisson ones.
        // A funnel with no adjustment (phi under 1) draws the Poisson limits already, but its method line still states phi
        // and the number of areas (the region 10 page of the demo, re-attack 2026-12-01): replaced all the same.
        List<Row> points = List.of(funnelPoint("091", 2024, 3.0, "additive"), funnelPoint("049", 2024, 4.2, "additive"),
                funnelPoint("049", 2023, 4.2, "additive"), funnelPoint("092", 2024, 3.0, "none"));
        VariationSection.Data data = new VariationSection.Data(List.of(), List.of(), List.of(), List.of(), points, List.of())
                .without(control);
        for (Row r : data.municipalPoints()) {
            int year = ((Number) r.getAs("year")).intValue();
            if (year == 2024) {
                assertNull(r.getAs("phi"), r.toString());
                assertNull(r.getAs("tau2"), r.toString());
                assertEquals("none", r.getAs("adjustment"));
                assertEquals(2.0, r.<Double>getAs("lower95"), 1e-12);
                assertEquals(4.5, r.<Double>getAs("upper998"), 1e-12);
                assertTrue(r.<String>getAs("method").startsWith(VariationSection.POISSON_ONLY), r.<String>getAs("method"));
                assertTrue(r.<String>getAs("method").endsWith("3.0000 per 1 000"), "the reference stays");
                assertEquals("049".equals(r.getAs("region")) ? "above_95" : "within", r.getAs("band"));
                assertEquals("049".equals(r.getAs("region")), r.getAs("outside_95"));
            } else {
                assertEquals(2.07, r.<Double>getAs("phi"), 1e-12, "2023 hides no municipality: its funnel stays as made");
                assertEquals("within", r.getAs("band"));
            }
        }
        assertEquals(4, data.municipalPoints().size());
    }
}
