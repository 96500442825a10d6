package fi.polku.change;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one series' scores moved: meetings, measured sessions, skipped share, dates, intake and latest score,
 * change, and ordinary least-squares slopes per session and per 30 days over the measured sessions.
 *
 * <p>A series with one measured session keeps its intake and has no change or slope (null); one with none
 * measured has no scores at all. Slopes need two distinct session numbers (or dates).
 */
public record Trajectory(
        int meetings,
        int measured,
        double skippedShare,
        LocalDate firstDate,
        LocalDate lastDate,
        long daysInService,
        Double intake,
        Double latest,
        Integer latestSessionNo,
        Double change,
        Double slopePerSession,
        Double slopePer30Days) {

    /** The trajectory of a series' meetings, in any order. */
    public static Trajectory of(List<SeriesPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a trajectory needs at least one meeting");
        }
        List<SeriesPoint> ordered = new ArrayList<>(points);
        ordered.sort(Comparator.comparingInt(SeriesPoint::sessionNo).thenComparing(SeriesPoint::date));
        List<SeriesPoint> scored = ordered.stream().filter(SeriesPoint::measured).toList();
        LocalDate first = ordered.stream().map(SeriesPoint::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = ordered.stream().map(SeriesPoint::date).max(LocalDate::compareTo).orElseThrow();
        Double intake = scored.isEmpty() ? null : scored.get(0).total();
        SeriesPoint lastScored = scored.isEmpty() ? null : scored.get(scored.size() - 1);
        Double change = scored.size() < 2 ? null : round(lastScored.total() - intake);
        double[] x = new double[scored.size()];
        double[] days = new double[scored.size()];
        double[] y = new double[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            x[i] = scored.get(i).sessionNo();
            days[i] = ChronoUnit.DAYS.between(first, scored.get(i).date());
            y[i] = scored.get(i).total();
        }
        Double perSession = slope(x, y);
        Double perDay = slope(days, y);
        return new Trajectory(ordered.size(), scored.size(), (ordered.size() - scored.size()) / (double) ordered.size(),
                first, last, ChronoUnit.DAYS.between(first, last), intake,
                lastScored == null ? null : lastScored.total(), lastScored == null ? null : lastScored.sessionNo(),
                change, perSession, perDay == null ? null : perDay * 30);
    }

    /** Whether only one session was measured: kept and marked, never dropped. */
    public boolean singleMeasurement() {
        return measured == 1;
    }

    /** OLS slope of y on x; null with fewer than two distinct x. */
    static Double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxx == 0 ? null : sxy / sxx;
    }

    /** Differences of scores recorded to 0.01 are rounded back to 0.01, so 21.3 − 18.1 is 3.2, not 3.2000000000000028. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
