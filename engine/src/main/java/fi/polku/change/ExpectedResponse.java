package fi.polku.change;

import java.util.Locale;

/**
 * Local expected treatment response: how much clients who started in the same intake band had changed by
 * the same session, fitted from the data itself (the FIT vendors' curves are proprietary). For each intake
 * band × session number the change since intake is summarised by its 10th, 25th, 50th, 75th and 90th
 * percentiles ({@link ChangeHistogram}); sessions past {@link #LAST_SESSION} share the last curve point.
 *
 * <p>A series' latest session is <em>on track</em> when its change reaches the band's 25th percentile at that
 * session, <em>at risk</em> between the 10th and 25th, <em>off track</em> below the 10th, in the scale's good
 * direction. With fewer than {@link #MIN_N} series behind a curve point, or no second measured session, the
 * answer is <em>not enough data</em>: Polku does not guess.
 */
public final class ExpectedResponse {
    /** Series a curve point needs before it is used. */
    public static final int MIN_N = 20;
    /** Sessions beyond this share its curve point. */
    public static final int LAST_SESSION = 12;
    /** Upper edges of the intake bands (exclusive); the last band is open. */
    private static final double[] EDGES = {10, 15, 20, 25, 30};
    private static final String[] BANDS = {"0-10", "10-15", "15-20", "20-25", "25-30", "30-40"};

    /** Where a series stands against the expected response. */
    public enum Status {
        ON_TRACK, AT_RISK, OFF_TRACK, NOT_ENOUGH_DATA;

        /** The code written to tables. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One point of a fitted curve: the change distribution of an intake band at a session. */
    public record Point(String band, int sessionNo, long n, double p10, double p25, double p50, double p75, double p90)
            implements java.io.Serializable {
        /** The point of a histogram of changes. */
        public static Point of(String band, int sessionNo, ChangeHistogram h) {
            return new Point(band, sessionNo, h.count(), h.percentile(0.10), h.percentile(0.25), h.percentile(0.50),
                    h.percentile(0.75), h.percentile(0.90));
        }
    }

    private ExpectedResponse() {
    }

    /** The intake band of an intake total on a 0–40 scale, e.g. {@code 15-20}. */
    public static String band(double intake) {
        for (int i = 0; i < EDGES.length; i++) {
            if (intake < EDGES[i]) {
                return BANDS[i];
            }
        }
        return BANDS[BANDS.length - 1];
    }

    /** The curve point a session number uses. */
    public static int curveSession(int sessionNo) {
        return Math.min(sessionNo, LAST_SESSION);
    }

    /**
     * The status of a series whose change since intake at its latest measured session is {@code change}.
     *
     * @param point the curve point of the series' band and latest session, or null when there is none
     */
    public static Status status(Point point, Double change, Direction direction) {
        if (change == null || point == null || point.n() < MIN_N) {
            return Status.NOT_ENOUGH_DATA;
        }
        double toward = change * direction.sign();
        double p25 = direction == Direction.HIGHER_IS_BETTER ? point.p25() : -point.p75();
        double p10 = direction == Direction.HIGHER_IS_BETTER ? point.p10() : -point.p90();
        if (toward >= p25) {
            return Status.ON_TRACK;
        }
        return toward >= p10 ? Status.AT_RISK : Status.OFF_TRACK;
    }
}
