package fi.polku.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * Plausibility rules of one statistic, a count over its population (issue 17): a count needs a population above 0;
 * an indicator that counts persons cannot count more than the population; and a rate per 1 000 above the
 * indicator's documented maximum ({@code datasets/indicators.csv}, column {@code max_per_1000}) is quarantined, not
 * published. Indicators the catalog does not know get the first rule only. The population is either the row's own
 * column or, for a row without one, the {@code populations} row of the same region, year and age group (joined at
 * the end of ingest, the same join {@code region_rates} uses); a row with neither is kept and gets no rate.
 */
public final class StatisticPlausibility {
    private StatisticPlausibility() {
    }

    /** Adds a problem to {@code r} when the row is implausible; nothing when any value is missing. */
    static void check(RowReader r, IndicatorCatalog catalog, String indicator, String ageGroup, Long count, Long population) {
        if (count == null || population == null || indicator == null || ageGroup == null) {
            return;
        }
        problem(catalog, indicator, ageGroup, count, population, null)
                .ifPresent(p -> r.problem(p.column(), p.reason(), p.message()));
    }

    /**
     * The broken rule of a count over a population, if any.
     *
     * @param joinedFrom where the population came from when it is not the row's own column, e.g.
     *                   {@code populations.csv line 7}, or null for the row's own column
     * @return the problem (column {@code population} for a 0 population, else {@code count}), or empty when
     *         plausible
     */
    public static Optional<Problem> problem(IndicatorCatalog catalog, String indicator, String ageGroup, long count,
                                            long population, String joinedFrom) {
        String of = joinedFrom == null ? "" : " (" + joinedFrom + ", joined by region, year and age group)";
        if (population == 0) {
            return Optional.of(new Problem("population", ReasonCode.ZERO_POPULATION, "count " + count
                    + " with a population of 0" + of + ": a rate needs a population above 0"
                    + (joinedFrom == null ? " (is the population column shifted or blanked as 0?)" : "")));
        }
        IndicatorCatalog.Indicator known = catalog.indicator(indicator, ageGroup).orElse(null);
        if (known == null) {
            return Optional.empty();
        }
        if (known.counts() == IndicatorCatalog.Counts.PERSONS && count > population) {
            return Optional.of(new Problem("count", ReasonCode.COUNT_ABOVE_POPULATION, "count " + count
                    + " is above the population " + population + of + ": " + indicator + " " + ageGroup
                    + " counts persons (datasets/indicators.csv), and no more can be counted than live in the region"));
        }
        double rate = 1000.0 * count / population;
        if (known.maxPer1000() != null && rate > known.maxPer1000()) {
            return Optional.of(new Problem("count", ReasonCode.IMPLAUSIBLE_RATE, String.format(Locale.ROOT,
                    "count %d of population %d%s is %.1f per 1 000, above the plausible maximum %s per 1 000 for %s %s"
                            + " (datasets/indicators.csv, max_per_1000)",
                    count, population, of, rate, fmt(known.maxPer1000()), indicator, ageGroup)));
        }
        return Optional.empty();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
