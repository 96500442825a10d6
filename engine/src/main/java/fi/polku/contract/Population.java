package fi.polku.contract;

import java.util.Objects;

/** A region's population of one age group on 31 December of a year: the denominator of rates. */
public record Population(RowSource source, String region, int year, String ageGroup, long population,
                         String sourceName) {
    public Population {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(ageGroup, "ageGroup");
        if (population < 0) {
            throw new IllegalArgumentException("population must be >= 0, was " + population);
        }
    }
}
