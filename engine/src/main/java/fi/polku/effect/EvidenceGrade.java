package fi.polku.effect;

/**
 * One plain grade per estimate, from fixed rules applied in this order (documented in DATA_DICTIONARY.md):
 * <ol>
 *   <li>{@link #NOT_ASSESSABLE} when there is no estimate, neither a p nor an interval, no post-period, the
 *       estimate failed its own validity check (e.g. a synthetic control that does not follow the region before
 *       the start), or the design cannot reach even p &lt; 0.10 (its smallest possible p, 1/(m + 1) for m
 *       placebos or 1/assignments, is 0.10 or more: too few regions). A design whose smallest p is between
 *       0.05 and 0.10 (e.g. 18 placebos, 1/19) can at most be suggestive, as the next rule implies.</li>
 *   <li>"Significant" means p &lt; 0.05 and, when there is an interval, it excludes no change (0, or 1 for a ratio).
 *       {@link #CLEAR_CHANGE} when significant with at least 2 post-periods, no sign of differing pre-trends
 *       (pre-trend p, where tested, at least 0.10) and real (not synthetic) input.</li>
 *   <li>{@link #SUGGESTIVE} when significant but one of those fails (a single post year, a weak or clear pre-trend
 *       sign, synthetic demo input: a demonstration never shows a clear change), or when p &lt; 0.10, or when the
 *       interval excludes 0 while p is 0.05 or more (interval and p disagree).</li>
 *   <li>{@link #NO_EVIDENCE} otherwise.</li>
 * </ol>
 */
public enum EvidenceGrade {
    /** ei arvioitavissa: the estimate cannot be judged. */
    NOT_ASSESSABLE("not_assessable"),
    /** ei näyttöä muutoksesta: no evidence of a change (not evidence of no change). */
    NO_EVIDENCE("no_evidence"),
    /** viitteellinen: suggestive. */
    SUGGESTIVE("suggestive"),
    /** selvä muutos: a clear change. */
    CLEAR_CHANGE("clear_change");

    /** The level a p must be below for a significant result. */
    public static final double ALPHA = 0.05;
    /** The level a p must be below for a suggestive result. */
    public static final double SUGGESTIVE_P = 0.10;

    /**
     * What a grade rests on.
     *
     * @param estimate       the estimate, or null
     * @param noEffect       the value meaning no change: 0 for a difference, 1 for a ratio
     * @param lower          the interval's lower end, or null when there is no interval
     * @param upper          the interval's upper end, or null
     * @param p              the p-value, or null
     * @param smallestP      the smallest p the design can give (1/(m + 1), 1/assignments), or null when continuous
     * @param postPeriods    post-periods the estimate rests on
     * @param validityFailed the estimate failed its own validity check (poor pre-period fit)
     * @param preTrendP      the joint pre-trend p where tested, or null
     * @param synthetic      from synthetic (demo) data
     */
    public record Evidence(Double estimate, double noEffect, Double lower, Double upper, Double p, Double smallestP, int postPeriods,
                           boolean validityFailed, Double preTrendP, boolean synthetic) {
    }

    private final String code;

    EvidenceGrade(String code) {
        this.code = code;
    }

    /** The code written in the tables' {@code evidence_grade} column. */
    public String code() {
        return code;
    }

    /** The grade by the rules above. */
    public static EvidenceGrade of(Evidence e) {
        boolean interval = e.lower() != null && e.upper() != null;
        if (e.estimate() == null || e.p() == null && !interval || e.postPeriods() < 1 || e.validityFailed()
                || e.smallestP() != null && e.smallestP() >= SUGGESTIVE_P) {
            return NOT_ASSESSABLE;
        }
        boolean excludesZero = interval && (e.lower() > e.noEffect() || e.upper() < e.noEffect());
        boolean significant = e.p() != null ? e.p() < ALPHA && (!interval || excludesZero) : excludesZero;
        if (significant) {
            boolean parallel = e.preTrendP() == null || e.preTrendP() >= SUGGESTIVE_P;
            return e.postPeriods() >= 2 && parallel && !e.synthetic() ? CLEAR_CHANGE : SUGGESTIVE;
        }
        if (e.p() != null && e.p() < SUGGESTIVE_P || excludesZero) {
            return SUGGESTIVE;
        }
        return NO_EVIDENCE;
    }
}
