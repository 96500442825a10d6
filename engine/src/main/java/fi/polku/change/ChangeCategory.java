package fi.polku.change;

import java.util.Locale;

/**
 * Jacobson–Truax change categories: recovered = reliably improved and crossed from the clinical to the
 * functional range; improved = reliably improved otherwise; deteriorated = reliably worse; harmed = reliably
 * worse and crossed into the clinical range; unchanged = no reliable change.
 */
public enum ChangeCategory {
    RECOVERED,
    IMPROVED,
    UNCHANGED,
    DETERIORATED,
    HARMED;

    /** The code written to tables. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The category of a change.
     *
     * @return the category, or null when the change was not assessed
     */
    public static ChangeCategory of(ReliableChange.Verdict verdict, boolean clinicalPre, boolean clinicalPost) {
        switch (verdict) {
            case RELIABLY_IMPROVED:
                return clinicalPre && !clinicalPost ? RECOVERED : IMPROVED;
            case RELIABLY_DETERIORATED:
                return !clinicalPre && clinicalPost ? HARMED : DETERIORATED;
            case NO_RELIABLE_CHANGE:
                return UNCHANGED;
            default:
                return null;
        }
    }
}
