package fi.polku.contract;

import java.util.Objects;

/**
 * One published figure of a region's child-welfare statistics: a count for an indicator, age group and
 * period, with the same-age population where the source gives it. Indicators overlap (one child can be
 * both emergency-placed and in care in a year), so they are never summed.
 *
 * @param population the denominator (population on 31 December), or null when the source has none
 * @param value      the rate or share as published by the source, or null
 * @param source     where the figure comes from, free text (e.g. "THL, Sotkanet")
 */
public record RegionStatistic(
        RowSource source,
        String region,
        StatisticsPeriod period,
        String indicator,
        String ageGroup,
        long count,
        Long population,
        Double value,
        String sourceName) {

    public RegionStatistic {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(ageGroup, "ageGroup");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (population != null && population < 0) {
            throw new IllegalArgumentException("population must be >= 0, was " + population);
        }
    }
}
