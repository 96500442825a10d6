package fi.polku.change;

import fi.polku.change.ChangeNorms.SdSource;
import java.util.Objects;

/**
 * How change is judged: the RCI method, which reliability to use (the choice moves the ORS threshold from
 * about 4 to 13 points, so it is always reported), what to use where the instrument has no such reliability,
 * where S1 comes from, what a score at the cutoff counts as, and how many complete cases a sample SD (and a
 * sample α) needs.
 *
 * @param reliability     the reliability source
 * @param fallback        the source used where {@code reliability} has no value for an instrument (e.g. CORS
 *                        has no published α), or null to leave such series not assessed
 * @param minSampleCases  complete cases an intake SD, and intakes a sample α, must rest on before it is used
 */
public record ChangeSettings(RciMethod method, ReliabilitySource reliability, ReliabilitySource fallback, SdSource sdSource,
                             ClinicalRange.AtCutoff atCutoff, int minSampleCases) implements java.io.Serializable {
    public ChangeSettings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(sdSource, "sdSource");
        Objects.requireNonNull(atCutoff, "atCutoff");
        if (minSampleCases < 2) {
            throw new IllegalArgumentException("minSampleCases must be >= 2, was " + minSampleCases);
        }
    }

    /**
     * JT with the published Cronbach's α (the sample's own α where none is published), the sample's intake SD
     * (as in the 1991 paper), a score at the cutoff functional.
     */
    public static ChangeSettings defaults() {
        return new ChangeSettings(RciMethod.JT, ReliabilitySource.ALPHA, ReliabilitySource.SAMPLE_ALPHA,
                SdSource.SAMPLE_INTAKE, ClinicalRange.AtCutoff.FUNCTIONAL, 10);
    }

    /** The same settings with {@code source} alone, no fallback: one column of the sensitivity table. */
    public ChangeSettings withOnly(ReliabilitySource source) {
        return new ChangeSettings(method, source, null, sdSource, atCutoff, minSampleCases);
    }
}
