package fi.polku.outcome;

/**
 * A point estimate with its two-sided interval and the standard error it rests on (null where the interval is
 * not built from one, e.g. Wilson or bootstrap).
 *
 * @param estimate the point estimate
 * @param se       standard error, or null
 * @param lower    lower limit
 * @param upper    upper limit
 */
public record Interval(double estimate, Double se, double lower, double upper) {
    static final double Z95 = 1.959963984540054;

    /** estimate ± z·se, the 95 % Wald interval. */
    static Interval wald(double estimate, double se) {
        return new Interval(estimate, se, estimate - Z95 * se, estimate + Z95 * se);
    }
}
