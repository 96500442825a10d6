package fi.polku.outcome;

import org.apache.commons.math3.special.Gamma;

/**
 * Hedges' small-sample correction factor J(df) = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)) (Hedges 1981), exact, by
 * log-gamma; {@link #approximate} is the common 1 − 3/(4df − 1).
 */
public final class HedgesCorrection {
    private HedgesCorrection() {
    }

    /**
     * The exact factor.
     *
     * @throws IllegalArgumentException if {@code df <= 1}
     */
    public static double exact(double df) {
        if (!(df > 1)) {
            throw new IllegalArgumentException("df must exceed 1, was " + df);
        }
        return Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
    }

    /** The approximation 1 − 3/(4df − 1). */
    public static double approximate(double df) {
        if (!(df > 1)) {
            throw new IllegalArgumentException("df must exceed 1, was " + df);
        }
        return 1 - 3 / (4 * df - 1);
    }
}
