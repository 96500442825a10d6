package fi.polku.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The indicators Polku knows, from {@code datasets/indicators.csv}: which Polku indicator and age group a Sotkanet
 * indicator id stands for (Sotkanet serves a figure by id only; without this mapping a figure cannot be placed),
 * and per indicator and age group whether it counts persons or events and the highest rate per 1 000 that is
 * plausible, for the ingest's plausibility rules.
 */
public final class IndicatorCatalog {
    /**
     * One Sotkanet indicator.
     *
     * @param indicator Polku's indicator name, e.g. {@code emergency_placements}
     * @param ageGroup  the age group the Sotkanet series covers, e.g. {@code 0-17}
     */
    public record SotkanetIndicator(int sotkanetId, String indicator, String ageGroup) {
        public SotkanetIndicator {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(ageGroup, "ageGroup");
        }
    }

    /** What an indicator counts: persons (at most the population) or events (a person can have several). */
    public enum Counts {
        PERSONS,
        EVENTS
    }

    /**
     * One indicator for one age group.
     *
     * @param counts      persons or events
     * @param maxPer1000  the highest plausible rate per 1 000 of the population, or null when none is documented
     *                    (then only count ≤ population for persons applies)
     */
    public record Indicator(String indicator, String ageGroup, Counts counts, Double maxPer1000) {
        public Indicator {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(ageGroup, "ageGroup");
            Objects.requireNonNull(counts, "counts");
            if (maxPer1000 != null && !(maxPer1000 > 0 && (counts == Counts.EVENTS || maxPer1000 <= 1000))) {
                throw new IllegalArgumentException("maxPer1000 of " + indicator + " " + ageGroup + " must be > 0"
                        + " (and ≤ 1000 for persons), was " + maxPer1000);
            }
        }
    }

    private final Map<Integer, SotkanetIndicator> byId;
    private final Map<String, Indicator> byName;

    private IndicatorCatalog(Map<Integer, SotkanetIndicator> byId, Map<String, Indicator> byName) {
        this.byId = byId;
        this.byName = byName;
    }

    /** A catalog of these Sotkanet indicators (ids must be unique), without plausibility bounds. */
    public static IndicatorCatalog of(Collection<SotkanetIndicator> indicators) {
        return of(indicators, List.of());
    }

    /** A catalog of these Sotkanet indicators and indicators; ids, and indicator × age group, must be unique. */
    public static IndicatorCatalog of(Collection<SotkanetIndicator> sotkanet, Collection<Indicator> indicators) {
        Map<Integer, SotkanetIndicator> byId = new HashMap<>();
        for (SotkanetIndicator i : sotkanet) {
            if (byId.put(i.sotkanetId(), i) != null) {
                throw new IllegalArgumentException("Sotkanet indicator " + i.sotkanetId() + " appears twice");
            }
        }
        Map<String, Indicator> byName = new HashMap<>();
        for (Indicator i : indicators) {
            if (byName.put(key(i.indicator(), i.ageGroup()), i) != null) {
                throw new IllegalArgumentException("indicator " + i.indicator() + " " + i.ageGroup() + " appears twice");
            }
        }
        return new IndicatorCatalog(byId, byName);
    }

    /** The indicator of this name and age group, if the catalog knows it. */
    public Optional<Indicator> indicator(String indicator, String ageGroup) {
        return Optional.ofNullable(byName.get(key(indicator, ageGroup)));
    }

    private static String key(String indicator, String ageGroup) {
        return indicator + "\u0000" + ageGroup;
    }

    /** The indicator with this Sotkanet id. */
    public Optional<SotkanetIndicator> bySotkanetId(int id) {
        return Optional.ofNullable(byId.get(id));
    }
}
