package fi.polku.change;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sample's own Cronbach's α at intake per instrument × age band ({@link CronbachAlpha.Estimate}), as the
 * change stage aggregated them: the values behind {@link ReliabilitySource#SAMPLE_ALPHA}.
 */
public final class SampleAlphas implements Serializable {
    private static final long serialVersionUID = 1L;
    private final TreeMap<String, CronbachAlpha.Estimate> byKey;

    private SampleAlphas(Map<String, CronbachAlpha.Estimate> byKey) {
        this.byKey = new TreeMap<>(byKey);
    }

    /** No sample α at all (e.g. no items recorded). */
    public static SampleAlphas none() {
        return new SampleAlphas(Map.of());
    }

    /** The estimates keyed by {@link #key}. */
    public static SampleAlphas of(Map<String, CronbachAlpha.Estimate> byKey) {
        return new SampleAlphas(Objects.requireNonNull(byKey, "byKey"));
    }

    /** The key of an instrument and age band. */
    public static String key(String instrument, String ageBand) {
        return instrument + "\u0000" + (ageBand == null ? "" : ageBand);
    }

    /** The estimate for an instrument and age band, if any intake had all items. */
    public Optional<CronbachAlpha.Estimate> get(String instrument, String ageBand) {
        return Optional.ofNullable(byKey.get(key(instrument, ageBand)));
    }

    /** All estimates, keyed by {@link #key}, in key order. */
    public Map<String, CronbachAlpha.Estimate> all() {
        return java.util.Collections.unmodifiableMap(byKey);
    }
}
