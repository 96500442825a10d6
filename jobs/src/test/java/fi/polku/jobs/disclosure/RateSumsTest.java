package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Tables;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.SchemaRows;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.privacy.LinkedTables;
import fi.polku.privacy.Protection;
import fi.polku.region.MunicipalityTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * region_rates rows that are sums of other rows: a year of its twelve months, an age group of the groups that tile it.
 * Constructed counties 01 (Itä-Uusimaa) and 02 (Keski-Uusimaa), k = 5, no municipal rows (so no county sum), the nation
 * known per cell as the sum of the two. Each case is attacked by an outsider who holds the published rows and knows the
 * sum (the test builds that problem itself, independently of {@link RateDisclosure}'s own model) and solves it by
 * linear programming: before the months and age groups were linked, the hidden small count came back exactly.
 */
class RateSumsTest {
    private static final int K = 5;
    private static final MunicipalityTable MUNICIPALITIES = ReferenceData.bundled().municipalities();

    private static Row row(String region, String indicator, String ageGroup, Integer month, long count) {
        Map<String, Object> v = new HashMap<>();
        v.put("region", region);
        v.put("indicator", indicator);
        v.put("age_group", ageGroup);
        v.put("period", month == null ? "2024" : String.format("2024-%02d", month));
        v.put("year", 2024);
        v.put("month", month);
        v.put("count", count);
        v.put("population", 10_000L);
        v.put("rate_per_1000", count / 10.0);
        v.put("rate_status", "ok");
        v.put("synthetic", true);
        return SchemaRows.of(Tables.REGION_RATES, v);
    }

    /** A county's twelve monthly notification counts and its year, which is their sum when {@code yearExtra} is 0. */
    private static List<Row> months(String region, long[] counts, long yearExtra) {
        List<Row> rows = new ArrayList<>();
        long year = yearExtra;
        for (int m = 1; m <= 12; m++) {
            rows.add(row(region, "notifications", "0-17", m, counts[m - 1]));
            year += counts[m - 1];
        }
        rows.add(row(region, "notifications", "0-17", null, year));
        return rows;
    }

    // County 01: January 3 (small), the other months 6..16, the year 3 + 6 + … + 16 = 124 = the months' sum.
    private static final long[] MONTHS_01 = {3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final long[] MONTHS_02 = {20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

    @Test
    void aHiddenMonthDoesNotFollowFromItsYear() {
        List<Row> rows = new ArrayList<>(months("01", MONTHS_01, 0));
        rows.addAll(months("02", MONTHS_02, 0));
        RateDisclosure d = RateDisclosure.protect(rows, K, MUNICIPALITIES);
        Row january = rows.get(0);
        assertTrue(d.hidden(january), "3 is under k");
        DisclosureAudit.Result attack = attack(d, rows, yearOfMonths(rows));
        // Before: January 01 hidden, January 02 hidden beside it for the nation; the year 124 − Σ shown months = 3.
        assertTrue(attack.passed(), attack.failures().toString());
        assertTrue(attack.intervals().values().stream().allMatch(i -> i.width() >= K), attack.intervals().toString());
    }

    @Test
    void aHiddenYearDoesNotFollowFromItsMonths() {
        // County 03 has 1 in January and 2 in February, a year of 3: hidden, and under the nation's year the smallest
        // other year goes with it, county 01's 120 (30 + 30 + ten months of 6), whose January and February are larger
        // than county 02's (so the nation's months take 02's). Before, 01's year was hidden beside twelve shown months:
        // their sum gave it back, and 03's 3 followed as the nation's year − 120 − 306.
        long[] small = {1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        long[] shown = {30, 30, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6};
        List<Row> rows = new ArrayList<>(months("01", shown, 0));
        rows.addAll(months("02", MONTHS_02, 0));
        rows.addAll(months("03", small, 0));
        RateDisclosure d = RateDisclosure.protect(rows, K, MUNICIPALITIES);
        assertTrue(d.hidden(rows.get(38)), "county 03's year of 3");
        DisclosureAudit.Result attack = attack(d, rows, yearOfMonths(rows));
        assertTrue(attack.passed(), attack.failures().toString());
    }

    @Test
    void monthsThatDoNotAddUpToTheYearAreNoSum() {
        // Children during the year: a child in care in two months is one child of the year, so the year (100) is less
        // than the months' sum (124): no relation, and the control must not assert one (the builder would refuse it).
        List<Row> rows = new ArrayList<>(months("01", MONTHS_01, -24));
        rows.addAll(months("02", MONTHS_02, 0));
        RateDisclosure d = assertDoesNotThrow(() -> RateDisclosure.protect(rows, K, MUNICIPALITIES));
        assertTrue(d.hidden(rows.get(0)));
        // County 02's months do add up, so its year is a sum and the outsider knows it; county 01's is not.
        Map<String, List<String>> sums = yearOfMonths(rows);
        sums.remove(key("01", "notifications", "0-17", null));
        assertTrue(attack(d, rows, sums).passed());
    }

    // Placed outside the home, county 01: 0-17 = 30 = 0-6 3 + 7-12 12 + 13-17 15; county 02: 60 = 20 + 18 + 22.
    private static List<Row> ages() {
        List<Row> rows = new ArrayList<>();
        long[][] counts = {{30, 3, 12, 15}, {60, 20, 18, 22}};
        String[] groups = {"0-17", "0-6", "7-12", "13-17"};
        String[] regions = {"01", "02"};
        for (int c = 0; c < 2; c++) {
            for (int g = 0; g < groups.length; g++) {
                rows.add(row(regions[c], "placed_outside_home", groups[g], null, counts[c][g]));
            }
        }
        return rows;
    }

    @Test
    void aHiddenAgeGroupDoesNotFollowFromTheGroupsBesideIt() {
        List<Row> rows = ages();
        RateDisclosure d = RateDisclosure.protect(rows, K, MUNICIPALITIES);
        assertTrue(d.hidden(rows.get(1)), "0-6 of county 01 is 3");
        Map<String, List<String>> sums = new LinkedHashMap<>();
        for (String region : List.of("01", "02")) {
            sums.put(key(region, "placed_outside_home", "0-17", null), List.of(key(region, "placed_outside_home", "0-6", null),
                    key(region, "placed_outside_home", "7-12", null), key(region, "placed_outside_home", "13-17", null)));
        }
        DisclosureAudit.Result attack = attack(d, rows, sums);
        // Before: 0-6 hidden (and county 02's 0-6 for the nation), 30 − 12 − 15 = 3 given back.
        assertTrue(attack.passed(), attack.failures().toString());
        assertNull(d.published().get(1).getAs("rate_per_1000"));
    }

    @Test
    void aHiddenNarrowerGroupIsNotPinnedUnderItsWiderOne() {
        // Emergency placements, no 0-12 row: county 01 shows 0-17 = 5 beside a hidden 13-17 of 3, which cannot exceed
        // 5, so it lay in 1..5 (width 4 < k); county 02 (0-17 40, 13-17 20) with it under the nation.
        List<Row> rows = List.of(row("01", "emergency_placements", "0-17", null, 5), row("01", "emergency_placements", "13-17", null, 3),
                row("02", "emergency_placements", "0-17", null, 40), row("02", "emergency_placements", "13-17", null, 20));
        RateDisclosure d = RateDisclosure.protect(rows, K, MUNICIPALITIES);
        assertTrue(d.hidden(rows.get(1)));
        LinkedTables.Builder b = LinkedTables.builder();
        attackerView(d, rows, b);
        b.atMost(key("01", "emergency_placements", "13-17", null), key("01", "emergency_placements", "0-17", null));
        b.atMost(key("02", "emergency_placements", "13-17", null), key("02", "emergency_placements", "0-17", null));
        DisclosureAudit.Result attack = DisclosureAudit.ofUnshown(b.build(), Protection.of(K));
        assertTrue(attack.passed(), attack.failures().toString());
    }

    /** Each county of the rows: its year is the sum of its months. */
    private static Map<String, List<String>> yearOfMonths(List<Row> rows) {
        Map<String, List<String>> sums = new LinkedHashMap<>();
        for (String region : rows.stream().map(r -> r.<String>getAs("region")).distinct().toList()) {
            List<String> parts = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                parts.add(key(region, "notifications", "0-17", m));
            }
            sums.put(key(region, "notifications", "0-17", null), parts);
        }
        return sums;
    }

    private static String key(String region, String indicator, String ageGroup, Integer month) {
        return region + "|" + indicator + "|" + ageGroup + "|" + (month == null ? "2024" : String.format("2024-%02d", month)) + "|" + month;
    }

    /**
     * The outsider's problem: every published row a count (blank where hidden), the nation per cell (THL's, the sum of
     * the two counties) and the given sums between rows.
     */
    private static DisclosureAudit.Result attack(RateDisclosure d, List<Row> rows, Map<String, List<String>> sums) {
        LinkedTables.Builder b = LinkedTables.builder();
        attackerView(d, rows, b);
        sums.forEach(b::additive);
        return DisclosureAudit.ofUnshown(b.build(), Protection.of(K));
    }

    /** Every published row a count (blank where hidden), and the nation per cell as the sum of the counties. */
    private static void attackerView(RateDisclosure d, List<Row> rows, LinkedTables.Builder b) {
        Map<String, List<String>> nation = new LinkedHashMap<>();
        Map<String, Long> nationCount = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String key = key(r.getAs("region"), r.getAs("indicator"), r.getAs("age_group"), r.getAs("month"));
            b.count(key, d.published().get(i).getAs("count"));
            String cell = key.substring(key.indexOf('|'));
            nation.computeIfAbsent(cell, x -> new ArrayList<>()).add(key);
            nationCount.merge(cell, r.<Long>getAs("count"), Long::sum);
        }
        nation.forEach((cell, parts) -> {
            b.count("nation" + cell, nationCount.get(cell));
            b.additive("nation" + cell, parts);
        });
    }

    @Test
    void aHiddenEmergencyPlacementCountIsNotPinnedUnderThePlacedChildren() {
        // 0-17, county 01: 5 children placed outside the home (shown), 3 of them in an emergency (hidden): the emergency
        // placements are some of the placed children, so the 3 lay in 1..5 (width 4 < k); county 02 (40, 20) beside it
        // under the nation.
        List<Row> rows = List.of(row("01", "placed_outside_home", "0-17", null, 5), row("01", "emergency_placements", "0-17", null, 3),
                row("02", "placed_outside_home", "0-17", null, 40), row("02", "emergency_placements", "0-17", null, 20));
        RateDisclosure d = RateDisclosure.protect(rows, K, MUNICIPALITIES);
        assertTrue(d.hidden(rows.get(1)));
        LinkedTables.Builder b = LinkedTables.builder();
        attackerView(d, rows, b);
        b.atMost(key("01", "emergency_placements", "0-17", null), key("01", "placed_outside_home", "0-17", null));
        b.atMost(key("02", "emergency_placements", "0-17", null), key("02", "placed_outside_home", "0-17", null));
        DisclosureAudit.Result attack = DisclosureAudit.ofUnshown(b.build(), Protection.of(K));
        assertTrue(attack.passed(), attack.failures().toString());
    }
}
