package fi.polku.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Polku indicator and age group a Sotkanet indicator id stands for, from {@code datasets/indicators.csv}.
 * Sotkanet serves a figure by id only; without this mapping a figure cannot be placed.
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

    private final Map<Integer, SotkanetIndicator> byId;

    private IndicatorCatalog(Map<Integer, SotkanetIndicator> byId) {
        this.byId = byId;
    }

    /** A catalog of these indicators; ids must be unique. */
    public static IndicatorCatalog of(Collection<SotkanetIndicator> indicators) {
        Map<Integer, SotkanetIndicator> byId = new HashMap<>();
        for (SotkanetIndicator i : indicators) {
            if (byId.put(i.sotkanetId(), i) != null) {
                throw new IllegalArgumentException("Sotkanet indicator " + i.sotkanetId() + " appears twice");
            }
        }
        return new IndicatorCatalog(byId);
    }

    /** The indicator with this Sotkanet id. */
    public Optional<SotkanetIndicator> bySotkanetId(int id) {
        return Optional.ofNullable(byId.get(id));
    }
}
