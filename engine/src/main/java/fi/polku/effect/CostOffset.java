package fi.polku.effect;

/**
 * Events avoided (e.g. emergency placements) in one post-period and what they would have cost, from an effect
 * estimate and its interval: the interval is carried through unchanged in rank, so the cost interval is the
 * estimate's interval in euros. A positive number means fewer events than expected.
 *
 * <ul>
 *   <li>from a rate ratio RR (ITS) and the observed count y: avoided = y · (1/RR − 1), the count expected
 *       without the project minus the observed one;</li>
 *   <li>from a rate difference d per 1 000 (DiD) and the population n: avoided = −d · n / 1 000.</li>
 * </ul>
 */
public record CostOffset(double avoided, double avoidedLower, double avoidedUpper, double costEuros, double costLowerEuros,
                         double costUpperEuros) {

    /** From an ITS rate ratio with interval [lower, upper] and the observed count of the period. */
    public static CostOffset fromRateRatio(double ratio, double lower, double upper, long observed, double unitCost) {
        check(unitCost);
        // A smaller rate ratio means more avoided: the interval's ends swap.
        return of(observed * (1 / ratio - 1), observed * (1 / upper - 1), observed * (1 / lower - 1), unitCost);
    }

    /** From a DiD rate difference per 1 000 with interval [lower, upper] and the period's population. */
    public static CostOffset fromRateDifference(double difference, double lower, double upper, long population, double unitCost) {
        check(unitCost);
        double k = population / 1000.0;
        return of(-difference * k, -upper * k, -lower * k, unitCost);
    }

    private static CostOffset of(double avoided, double lo, double hi, double unitCost) {
        return new CostOffset(avoided, lo, hi, avoided * unitCost, lo * unitCost, hi * unitCost);
    }

    private static void check(double unitCost) {
        if (!(unitCost >= 0) || !Double.isFinite(unitCost)) {
            throw new IllegalArgumentException("unit cost must be finite and >= 0, was " + unitCost);
        }
    }
}
