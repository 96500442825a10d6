package fi.polku.ingest;

import java.util.Locale;

/**
 * Plausibility rules of one statistics row with its own population (issue 17): a count needs a population above
 * 0 beside it; an indicator that counts persons cannot count more than the population; and a rate per 1 000 above
 * the indicator's documented maximum ({@code datasets/indicators.csv}, column {@code max_per_1000}) is quarantined,
 * not published. Indicators the catalog does not know get the first rule only. Rows without a population column
 * are joined with {@code populations} later; a 0 population there gives no rate (see {@code region_rates}).
 */
final class StatisticPlausibility {
    private StatisticPlausibility() {
    }

    /** Adds a problem to {@code r} when the row is implausible; nothing when any value is missing. */
    static void check(RowReader r, IndicatorCatalog catalog, String indicator, String ageGroup, Long count, Long population) {
        if (count == null || population == null || indicator == null || ageGroup == null) {
            return;
        }
        if (population == 0) {
            r.problem("population", ReasonCode.ZERO_POPULATION, "count " + count + " with a population of 0: a rate needs a"
                    + " population above 0 (is the population column shifted or blanked as 0?)");
            return;
        }
        IndicatorCatalog.Indicator known = catalog.indicator(indicator, ageGroup).orElse(null);
        if (known == null) {
            return;
        }
        if (known.counts() == IndicatorCatalog.Counts.PERSONS && count > population) {
            r.problem("count", ReasonCode.COUNT_ABOVE_POPULATION, "count " + count + " is above the population " + population
                    + ": " + indicator + " " + ageGroup + " counts persons (datasets/indicators.csv), and no more can be"
                    + " counted than live in the region");
            return;
        }
        double rate = 1000.0 * count / population;
        if (known.maxPer1000() != null && rate > known.maxPer1000()) {
            r.problem("count", ReasonCode.IMPLAUSIBLE_RATE, String.format(Locale.ROOT, "count %d of population %d is %.1f per"
                    + " 1 000, above the plausible maximum %s per 1 000 for %s %s (datasets/indicators.csv, max_per_1000)",
                    count, population, rate, fmt(known.maxPer1000()), indicator, ageGroup));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
