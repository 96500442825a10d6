package fi.polku.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Segmented quasi-Poisson regression around a project start, with the log population as offset:
 * log E[count] = log(pop) + β0 + β1·time + β2·post + β3·(time since start)·post (+ seasonal harmonics for
 * monthly series). β2 is the level change, reported as a rate ratio exp(β2); β3 the slope change.
 *
 * <p>Inference is quasi-Poisson as R's {@code summary.glm} for {@code family = quasipoisson}: SE(β2) = the
 * Poisson SE × √φ with φ = max(floor, X²/(n − p)) the Pearson dispersion, t = β2/SE on the n − p residual df,
 * p = 2·P(T_{n−p} ≥ |t|) and the interval exp(β2 ± t_{0.975, n−p} SE). The floor is a setting
 * ({@code its.dispersion_floor}): 0 gives R's quasi-Poisson exactly; the default {@link #DEFAULT_DISPERSION_FLOOR}
 * = 1 never lets an interval be narrower than the Poisson one, because a dispersion below 1 estimated on a
 * handful of yearly counts is mostly noise while placements of siblings make real counts over-dispersed.
 * With fewer than two post-periods the slope change cannot be separated from the level change: the term is
 * dropped and a warning says so. With no post-period there is no estimate.
 */
public final class InterruptedTimeSeries {
    /** The default dispersion floor: quasi-Poisson never narrower than Poisson. */
    public static final double DEFAULT_DISPERSION_FLOOR = 1.0;

    /** One period: its running index (0, 1, …), whether it is after the start, its month (null if yearly). */
    public record Observation(int time, boolean post, Integer month, long count, long population) {
    }

    /**
     * The estimate, or why there is none.
     *
     * @param rateRatio       exp(level change), null when not estimable
     * @param lower           lower 95 % limit exp(β2 − t_{0.975, df} SE)
     * @param pValue          two-sided t-test of β2 on the residual df
     * @param logSe           quasi-Poisson SE of β2 (log scale), with the floored dispersion
     * @param slopeRatio      exp(slope change) per period, null when not estimable or dropped
     * @param dispersion      the Pearson dispersion X²/(n − p) as estimated (before the floor)
     * @param dispersionFloor the floor applied to it
     */
    public record Result(Double rateRatio, Double lower, Double upper, Double pValue, Double logSe, Double slopeRatio,
                         int prePeriods, int postPeriods, Double dispersion, Double deviance, int residualDf,
                         double dispersionFloor, List<String> warnings) {
        /** What the SE, interval and p are, in words, with the numbers used. */
        public String inference() {
            String head = String.format(Locale.ROOT, "quasi-Poisson: SE = Poisson SE × √max(%s, Pearson dispersion)",
                    floorText(dispersionFloor));
            if (dispersion == null) {
                return head + "; p = two-sided t-test on the residual df; interval exp(β ± t(0.975, df) SE)";
            }
            String used = dispersion < dispersionFloor ? floorText(dispersionFloor) : String.format(Locale.ROOT, "%.4g", dispersion);
            return head + String.format(Locale.ROOT, " = Poisson SE × √%s; p = two-sided t-test of the log rate ratio on"
                    + " %d residual df; 95 %% interval exp(β ± t(0.975, %d) · SE)", used, residualDf, residualDf);
        }
    }

    private static String floorText(double floor) {
        return floor == Math.rint(floor) ? Long.toString((long) floor) : Double.toString(floor);
    }

    private InterruptedTimeSeries() {
    }

    /** Fits the model to a series in time order with the default dispersion floor, 1. */
    public static Result fit(List<Observation> series) {
        return fit(series, DEFAULT_DISPERSION_FLOOR);
    }

    /**
     * Fits the model to a series in time order.
     *
     * @param dispersionFloor the smallest dispersion used for the SE (0: R's quasi-Poisson; 1: never below Poisson)
     * @throws IllegalArgumentException when the floor is negative or not finite, or a period has no population
     */
    public static Result fit(List<Observation> series, double dispersionFloor) {
        if (!(dispersionFloor >= 0) || !Double.isFinite(dispersionFloor)) {
            throw new IllegalArgumentException("dispersionFloor must be finite and >= 0, was " + dispersionFloor);
        }
        int pre = (int) series.stream().filter(o -> !o.post()).count();
        int post = series.size() - pre;
        List<String> warnings = new ArrayList<>();
        if (post == 0) {
            warnings.add(Caveat.NO_POST.code());
            return new Result(null, null, null, null, null, null, pre, 0, null, null, 0, dispersionFloor, warnings);
        }
        if (pre < 3) {
            warnings.add(Caveat.NOT_ESTIMABLE.code());
            return new Result(null, null, null, null, null, null, pre, post, null, null, 0, dispersionFloor, warnings);
        }
        boolean slope = post >= 2;
        if (!slope) {
            warnings.add(Caveat.LEVEL_ONLY.code());
        }
        boolean seasonal = series.stream().allMatch(o -> o.month() != null);
        int firstPost = series.stream().filter(Observation::post).mapToInt(Observation::time).min().orElseThrow();
        double[][] x = new double[series.size()][];
        double[] y = new double[series.size()];
        double[] offset = new double[series.size()];
        for (int i = 0; i < series.size(); i++) {
            Observation o = series.get(i);
            if (o.population() <= 0) {
                throw new IllegalArgumentException("period " + o.time() + " has no population");
            }
            List<Double> row = new ArrayList<>(List.of(1.0, (double) o.time(), o.post() ? 1.0 : 0.0));
            if (slope) {
                row.add(o.post() ? (double) (o.time() - firstPost) : 0.0);
            }
            if (seasonal) {
                for (int k = 1; k <= 2; k++) {
                    row.add(Math.sin(2 * Math.PI * k * o.month() / 12));
                    row.add(Math.cos(2 * Math.PI * k * o.month() / 12));
                }
            }
            x[i] = row.stream().mapToDouble(Double::doubleValue).toArray();
            y[i] = o.count();
            offset[i] = Math.log(o.population());
        }
        if (series.size() <= x[0].length) {
            warnings.add(Caveat.NOT_ESTIMABLE.code());
            return new Result(null, null, null, null, null, null, pre, post, null, null, 0, dispersionFloor, warnings);
        }
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, offset);
        double dispersion = Math.max(dispersionFloor, fit.dispersion());
        double b = fit.coefficients()[2];
        double se = fit.standardError(2) * Math.sqrt(dispersion);
        TDistribution t = new TDistribution(fit.residualDf());
        double p = 2 * t.cumulativeProbability(-Math.abs(b / se));
        double q = t.inverseCumulativeProbability(0.975);
        if (fit.dispersion() > 5) {
            warnings.add(Caveat.OVERDISPERSION.code());
        }
        if (fit.dispersion() < dispersionFloor) {
            warnings.add(Caveat.DISPERSION_FLOOR.with(dispersionFloor));
        }
        return new Result(Math.exp(b), Math.exp(b - q * se), Math.exp(b + q * se), p, se,
                slope ? Math.exp(fit.coefficients()[3]) : null, pre, post, fit.dispersion(), fit.deviance(),
                fit.residualDf(), dispersionFloor, warnings);
    }
}
