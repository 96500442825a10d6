package fi.polku.outcome;

/**
 * A share k/n with its 95 % Wilson score interval (Wilson 1927), which stays inside [0, 1] and keeps its
 * coverage near 0 and 1 where the Wald interval fails.
 *
 * @param count number with the property
 * @param n     number of cases
 * @param share count / n
 * @param lower Wilson lower limit
 * @param upper Wilson upper limit
 */
public record Share(long count, long n, double share, double lower, double upper) {
    /**
     * The share and its interval.
     *
     * @throws IllegalArgumentException if {@code n <= 0} or {@code count} is outside 0..n
     */
    public static Share of(long count, long n) {
        if (n <= 0 || count < 0 || count > n) {
            throw new IllegalArgumentException("need 0 <= count <= n and n > 0, had count " + count + ", n " + n);
        }
        double z = Interval.Z95;
        double p = (double) count / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        // At 0 and n the limit is exactly 0 or 1 (centre and half-width coincide); rounding would leave 1e-17.
        return new Share(count, n, p, count == 0 ? 0 : centre - half, count == n ? 1 : centre + half);
    }
}
