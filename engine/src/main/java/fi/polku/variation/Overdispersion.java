package fi.polku.variation;

/**
 * How funnel limits allow for variation between areas beyond Poisson chance (Spiegelhalter 2005, Qual Saf
 * Health Care 14:347). All three work on the square-root scale of the ratio O/E, where an area's standard
 * error is s = 1/(2√E), from z-scores z = 2(√O − √E) winsorised at the set fraction in each tail.
 */
public enum Overdispersion {
    /** Exact Poisson limits only; φ and τ² are still estimated and reported. */
    NONE,
    /** Limits 1 ± z·√φ·s, squared back, when φ &gt; 1 (φ = mean of the squared winsorised z-scores). */
    MULTIPLICATIVE,
    /**
     * Random-effects limits 1 ± z·√(s² + τ²), squared back, with the DerSimonian–Laird-type
     * τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)), w = 1/s², when Iφ &gt; I − 1.
     */
    ADDITIVE;

    /** The setting's name in configs and outputs. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The setting that {@code text} names (case-insensitive). */
    public static Overdispersion parse(String text) {
        for (Overdispersion o : values()) {
            if (o.key().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("overdispersion must be none, multiplicative or additive, was '" + text + "'");
    }
}
