package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.RegionStatistic;
import fi.polku.contract.RowSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plausibility of a statistics row with its own population (issue 17, point 8): the two rows of the issue (count
 * 12 with population 0; count 500 with population 100, 5 000 per 1 000) are quarantined with their reasons; the
 * bounds are those of datasets/indicators.csv (max_per_1000).
 */
class StatisticPlausibilityTest {
    private static final List<String> HEADER = List.of("region", "period", "indicator", "age_group", "count", "population");

    private static Parsed<RegionStatistic> parse(String line) {
        IngestContext context = ReferenceTables.context();
        FieldLayout layout = FieldLayout.resolve(HEADER, RegionStatisticRules.CONTRACT, context.aliases());
        return new RegionStatisticRules(layout, NumberStyle.DECIMAL_POINT, context, ReferenceTables.indicators())
                .parse(RawRecord.of(new RowSource("s.csv", 5), line.split(",", -1), line));
    }

    private static Problem rejected(String line) {
        Parsed<RegionStatistic> p = parse(line);
        Parsed.Rejected<RegionStatistic> r = assertInstanceOf(Parsed.Rejected.class, p, line);
        assertEquals(1, r.problems().size(), r.reason());
        return r.problems().get(0);
    }

    @Test
    void aCountWithAPopulationOfZeroIsQuarantined() {
        Problem p = rejected("Kainuu,2024,emergency_placements,0-17,12,0");
        assertEquals(ReasonCode.ZERO_POPULATION, p.reason());
        assertEquals("population", p.column());
        assertEquals("count 12 with a population of 0: a rate needs a population above 0"
                + " (is the population column shifted or blanked as 0?)", p.message());
        assertEquals(ReasonCode.ZERO_POPULATION, rejected("Kainuu,2024,some_local_indicator,0-17,0,0").reason(),
                "also for an indicator the catalog does not know, and a count of 0");
    }

    @Test
    void morePersonsThanThePopulationIsQuarantined() {
        // emergency_placements 0-17 counts children (indicators.csv): 500 of 100 is impossible.
        Problem p = rejected("Kainuu,2024,emergency_placements,0-17,500,100");
        assertEquals(ReasonCode.COUNT_ABOVE_POPULATION, p.reason());
        assertEquals("count 500 is above the population 100: emergency_placements 0-17 counts persons"
                + " (datasets/indicators.csv), and no more can be counted than live in the region", p.message());
    }

    @Test
    void aRateAboveTheIndicatorsBoundIsQuarantined() {
        // 2 600 of 13 000 = 200.0 per 1 000 > emergency_placements 0-17 max 50 (indicators.csv).
        Problem p = rejected("Kainuu,2024,emergency_placements,0-17,2600,13000");
        assertEquals(ReasonCode.IMPLAUSIBLE_RATE, p.reason());
        assertEquals("count 2600 of population 13000 is 200.0 per 1 000, above the plausible maximum 50 per 1 000"
                + " for emergency_placements 0-17 (datasets/indicators.csv, max_per_1000)", p.message());
        // Events may outnumber the population: 1 200 notifications of 1 000 children is 1 200 per 1 000 > 1 000.
        assertEquals(ReasonCode.IMPLAUSIBLE_RATE, rejected("Kainuu,2024,notifications,0-17,1200,1000").reason());
    }

    /** The same rules over a population joined from the populations dataset: the message says where it came from. */
    @Test
    void aJoinedPopulationGetsTheSameRulesAndIsNamed() {
        Problem zero = StatisticPlausibility.problem(ReferenceTables.indicators(), "emergency_placements", "0-17", 12, 0,
                "populations.csv line 2").orElseThrow();
        assertEquals(ReasonCode.ZERO_POPULATION, zero.reason());
        assertEquals("count 12 with a population of 0 (populations.csv line 2, joined by region, year and age group): a rate"
                + " needs a population above 0", zero.message());
        // 500 of 100 children = 5 000 per 1 000: emergency_placements 0-17 counts persons (indicators.csv).
        assertEquals(ReasonCode.COUNT_ABOVE_POPULATION, StatisticPlausibility.problem(ReferenceTables.indicators(),
                "emergency_placements", "0-17", 500, 100, "populations.csv line 3").orElseThrow().reason());
        assertTrue(StatisticPlausibility.problem(ReferenceTables.indicators(), "emergency_placements", "0-17", 65, 13000,
                "populations.csv line 4").isEmpty(), "5.0 per 1 000 ≤ max 50");
    }

    @ParameterizedTest
    @CsvSource({
        // each at most its bound: count / population * 1 000 (indicators.csv max_per_1000, or 1 000 for persons)
        "'Kainuu,2024,emergency_placements,0-17,650,13000'", // 50.0 per 1 000 = the bound
        "'Kainuu,2024,notifications,0-17,900,1000'",          // events: 900 per 1 000 < 1 000
        "'Kainuu,2024,open_care_placements,0-17,100,100'",    // persons, no documented rate bound: count = population
        "'Kainuu,2024,some_local_indicator,0-17,5000,100'",   // unknown indicator: only population > 0 applies
        "'Kainuu,2024,emergency_placements,0-17,12,'",        // no population in the row: joined later
    })
    void plausibleRowsPass(String line) {
        assertInstanceOf(Parsed.Accepted.class, parse(line), line);
    }
}
