package fi.polku.effect;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Segmented quasi-Poisson regression around a project start, with the log population as offset:
 * log E[count] = log(pop) + β0 + β1·time + β2·post + β3·(time since start)·post (+ seasonal harmonics for
 * monthly series). β2 is the level change, reported as a rate ratio exp(β2) with a quasi-Poisson Wald
 * interval; β3 the slope change. With fewer than two post-periods the slope change cannot be separated from
 * the level change: the term is dropped and a warning says so. With no post-period there is no estimate.
 */
public final class InterruptedTimeSeries {
    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    /** One period: its running index (0, 1, …), whether it is after the start, its month (null if yearly). */
    public record Observation(int time, boolean post, Integer month, long count, long population) {
    }

    /**
     * The estimate, or why there is none.
     *
     * @param rateRatio    exp(level change), null when not estimable
     * @param slopeRatio   exp(slope change) per period, null when not estimable or dropped
     */
    public record Result(Double rateRatio, Double lower, Double upper, Double pValue, Double logSe, Double slopeRatio,
                         int prePeriods, int postPeriods, Double dispersion, Double deviance, int residualDf,
                         List<String> warnings) {
    }

    private InterruptedTimeSeries() {
    }

    /** Fits the model to a series in time order. */
    public static Result fit(List<Observation> series) {
        int pre = (int) series.stream().filter(o -> !o.post()).count();
        int post = series.size() - pre;
        List<String> warnings = new ArrayList<>();
        if (post == 0) {
            warnings.add("no post-period yet: no estimate");
            return new Result(null, null, null, null, null, null, pre, 0, null, null, 0, warnings);
        }
        if (pre < 3) {
            warnings.add("only " + pre + " pre-period(s): the pre-trend cannot be estimated reliably; no estimate");
            return new Result(null, null, null, null, null, null, pre, post, null, null, 0, warnings);
        }
        boolean slope = post >= 2;
        if (!slope) {
            warnings.add("only 1 post-period: it cannot support a slope change, so only a level change is estimated");
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
            warnings.add("too few periods (" + series.size() + ") for " + x[0].length + " coefficients: no estimate");
            return new Result(null, null, null, null, null, null, pre, post, null, null, 0, warnings);
        }
        PoissonRegression.Fit fit = PoissonRegression.fit(x, y, offset);
        double dispersion = Math.max(1, fit.dispersion());
        double b = fit.coefficients()[2];
        double se = fit.standardError(2) * Math.sqrt(dispersion);
        double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(b / se)));
        if (fit.dispersion() > 5) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "strong over-dispersion (%.1f): the intervals are widened accordingly, but check the pre-period fit",
                    fit.dispersion()));
        }
        return new Result(Math.exp(b), Math.exp(b - Z * se), Math.exp(b + Z * se), p, se,
                slope ? Math.exp(fit.coefficients()[3]) : null, pre, post, fit.dispersion(), fit.deviance(),
                fit.residualDf(), warnings);
    }
}
