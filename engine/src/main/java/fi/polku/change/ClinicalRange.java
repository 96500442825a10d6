package fi.polku.change;

import java.util.Locale;

/**
 * Whether a score lies in the clinical range of a cutoff. Sources differ on a score equal to the cutoff, so
 * that is a setting ({@link AtCutoff}).
 */
public record ClinicalRange(double cutoff, Direction direction, AtCutoff atCutoff) {
    /** What a score exactly at the cutoff counts as. */
    public enum AtCutoff {
        CLINICAL,
        FUNCTIONAL;

        /** Parses {@code clinical} / {@code functional}. */
        public static AtCutoff of(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** Whether {@code score} is in the clinical range. NaN is never clinical (and never functional). */
    public boolean isClinical(double score) {
        double toward = (score - cutoff) * direction.sign();
        return toward < 0 || toward == 0 && atCutoff == AtCutoff.CLINICAL;
    }
}
