package fi.polku.effect;

/**
 * What a joint pre-trend test says, by a fixed rule on its p: below 0.05 a clear sign that the project regions'
 * trends differed from the others' before the start, below 0.10 a weak sign, otherwise no clear sign. A p of
 * 0.077 is therefore "a weak sign", never "no sign": a test this small has little power, so absence of a clear
 * sign is not evidence of parallel trends.
 */
public enum PreTrend {
    /** p &lt; 0.05. */
    CLEAR_SIGN("a clear sign that the project regions' trends differed from the others' before the start: read the"
            + " estimates with care"),
    /** 0.05 ≤ p &lt; 0.10. */
    WEAK_SIGN("a weak sign that the project regions' trends differed from the others' before the start"),
    /** p ≥ 0.10. */
    NO_CLEAR_SIGN("no clear sign that the project regions' trends differed from the others' before the start (a test"
            + " with few regions has little power)");

    /** The p below which the sign is clear. */
    public static final double CLEAR = 0.05;
    /** The p below which there is a weak sign. */
    public static final double WEAK = 0.10;

    private final String words;

    PreTrend(String words) {
        this.words = words;
    }

    /**
     * The statement for a pre-trend p.
     *
     * @throws IllegalArgumentException when p is NaN or outside [0, 1]
     */
    public static PreTrend of(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("pre-trend p must be in [0, 1], was " + p);
        }
        return p < CLEAR ? CLEAR_SIGN : p < WEAK ? WEAK_SIGN : NO_CLEAR_SIGN;
    }

    /** The statement in English words (the tables' diagnostics). */
    public String words() {
        return words;
    }
}
