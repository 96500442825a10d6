package fi.polku.change;

import fi.polku.change.ChangeNorms.SdSource;
import java.util.Objects;

/**
 * How change is judged: the RCI method, which reliability of the parameter table to use (the choice moves
 * the ORS threshold from about 4 to 11 points, so it is always reported), where S1 comes from, what a
 * score at the cutoff counts as, and how many complete cases a sample SD needs.
 *
 * @param reliability     a reliability parameter of the table, e.g. {@code reliability_alpha}
 * @param minSampleCases  complete cases an intake SD must rest on before it is used
 */
public record ChangeSettings(RciMethod method, String reliability, SdSource sdSource, ClinicalRange.AtCutoff atCutoff,
                             int minSampleCases) implements java.io.Serializable {
    public ChangeSettings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(sdSource, "sdSource");
        Objects.requireNonNull(atCutoff, "atCutoff");
        if (minSampleCases < 2) {
            throw new IllegalArgumentException("minSampleCases must be >= 2, was " + minSampleCases);
        }
    }

    /** JT with Cronbach's alpha, the sample's intake SD (as in the 1991 paper), a score at the cutoff functional. */
    public static ChangeSettings defaults() {
        return new ChangeSettings(RciMethod.JT, "reliability_alpha", SdSource.SAMPLE_INTAKE,
                ClinicalRange.AtCutoff.FUNCTIONAL, 10);
    }
}
