package fi.polku.effect;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Synthetic control donor weights (Abadie &amp; Gardeazabal 2003; Abadie, Diamond &amp; Hainmueller 2010): the
 * convex combination of donor units that best reproduces the treated unit before the start.
 *
 * <p>{@link #ofOutcomes} matches the pre-period outcomes themselves (every period weighted equally), which is
 * what Polku runs on yearly rates. {@link #ofPredictors} matches a vector of predictors under diagonal weights
 * V chosen to minimise the mean squared pre-period outcome gap, as R's {@code Synth}: predictors are divided by
 * their SD across all units, V starts equal and Nelder–Mead is restarted from its own result with an initial
 * simplex of 5 % of the point, and after a restart that found nothing better with 25 % and then 100 %, until three
 * in a row find nothing better (the exact inner optimum makes the loss flat in V wherever the donor support does
 * not change, and a small simplex stalls on such a plateau). That loss has many local minima and V is not unique (REFERENCE.md); this procedure reproduces the
 * published Basque weights, a better local minimum may exist. Weights for a given V are exact
 * ({@link SimplexLeastSquares}).
 */
public final class SyntheticControl {
    private static final int MAX_RESTARTS = 40;
    /**
     * Initial simplex size of successive restarts that found nothing better, as a share of the point: where the
     * inner optimum sits on a face of the simplex the loss is flat in V, so a small simplex stalls there.
     */
    private static final double[] RESTART_STEPS = {0.05, 0.25, 1.0};
    private static final int MAX_EVALUATIONS = 20_000;

    /**
     * A fit.
     *
     * @param weights          donor weights, non-negative, summing to 1, in the donors' column order
     * @param predictorWeights the diagonal of V, summing to 1 (all equal for an outcome fit)
     * @param loss             mean squared gap over the fitted pre-periods
     */
    public record Fit(double[] weights, double[] predictorWeights, double loss) {
        /** Root mean squared gap over the fitted pre-periods. */
        public double rmspe() {
            return Math.sqrt(loss);
        }

        /** The synthetic unit's value for one period: Σ_j w_j y_j. */
        public double synthetic(double[] donorValues) {
            if (donorValues.length != weights.length) {
                throw new IllegalArgumentException("donorValues: " + donorValues.length + " values for " + weights.length + " donors");
            }
            double s = 0;
            for (int j = 0; j < weights.length; j++) {
                s += weights[j] * donorValues[j];
            }
            return s;
        }
    }

    private SyntheticControl() {
    }

    /**
     * Weights matching the treated unit's pre-period outcomes.
     *
     * @param treated pre-period outcomes of the treated unit (T values)
     * @param donors  T × J: the same periods for each donor (columns)
     * @throws IllegalArgumentException on empty, ragged or non-finite input
     */
    public static Fit ofOutcomes(double[] treated, double[][] donors) {
        double[] v = new double[treated.length];
        Arrays.fill(v, 1.0 / treated.length);
        double[] w = SimplexLeastSquares.solve(donors, treated, v);
        return new Fit(w, v, meanSquaredGap(treated, donors, w));
    }

    /**
     * Weights matching predictors under optimised V, judged by the pre-period outcome fit.
     *
     * @param treatedPredictors k predictor values of the treated unit
     * @param donorPredictors   k × J predictor values of the donors
     * @param treatedOutcomes   the outcomes of the periods whose fit chooses V (T values)
     * @param donorOutcomes     T × J donor outcomes of those periods
     * @throws IllegalArgumentException on empty, ragged or non-finite input, or a predictor constant across units
     */
    public static Fit ofPredictors(double[] treatedPredictors, double[][] donorPredictors, double[] treatedOutcomes,
                                   double[][] donorOutcomes) {
        int k = treatedPredictors.length;
        if (k == 0 || donorPredictors.length != k) {
            throw new IllegalArgumentException("treatedPredictors and donorPredictors must have the same, non-zero length");
        }
        double[] x1 = new double[k];
        double[][] x0 = new double[k][];
        for (int i = 0; i < k; i++) {
            double sd = sdAcrossUnits(treatedPredictors[i], donorPredictors[i]);
            if (!(sd > 0)) {
                throw new IllegalArgumentException("predictor " + i + " is constant across units (or not finite)");
            }
            x1[i] = treatedPredictors[i] / sd;
            x0[i] = new double[donorPredictors[i].length];
            for (int j = 0; j < x0[i].length; j++) {
                x0[i][j] = donorPredictors[i][j] / sd;
            }
        }
        MultivariateFunction loss = p -> meanSquaredGap(treatedOutcomes, donorOutcomes,
                SimplexLeastSquares.solve(x0, x1, normalise(p)));
        double[] start = new double[k];
        Arrays.fill(start, 1.0 / k);
        PointValuePair best = new PointValuePair(start, loss.value(start));
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-15);
        int failures = 0;
        for (int restart = 0; restart < MAX_RESTARTS && failures < RESTART_STEPS.length; restart++) {
            double share = RESTART_STEPS[failures];
            double[] steps = new double[k];
            for (int i = 0; i < k; i++) {
                steps[i] = best.getPoint()[i] == 0 ? 0.005 * share : share * Math.abs(best.getPoint()[i]);
            }
            PointValuePair next = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new MaxIter(MAX_EVALUATIONS),
                    new ObjectiveFunction(loss), GoalType.MINIMIZE, new InitialGuess(best.getPoint()),
                    new NelderMeadSimplex(steps));
            boolean improved = next.getValue() < best.getValue() - 1e-12 * Math.max(1, best.getValue());
            if (next.getValue() < best.getValue()) {
                best = next;
            }
            failures = improved ? 0 : failures + 1;
        }
        double[] v = normalise(best.getPoint());
        double[] w = SimplexLeastSquares.solve(x0, x1, v);
        return new Fit(w, v, meanSquaredGap(treatedOutcomes, donorOutcomes, w));
    }

    private static double[] normalise(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += Math.abs(v);
        }
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = sum == 0 ? 1.0 / p.length : Math.abs(p[i]) / sum;
        }
        return v;
    }

    private static double sdAcrossUnits(double treated, double[] donors) {
        double mean = treated;
        for (double d : donors) {
            mean += d;
        }
        mean /= donors.length + 1;
        double ss = (treated - mean) * (treated - mean);
        for (double d : donors) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / donors.length);
    }

    private static double meanSquaredGap(double[] treated, double[][] donors, double[] w) {
        if (treated.length == 0 || donors.length != treated.length) {
            throw new IllegalArgumentException("treated and donor outcomes must have the same, non-zero number of periods");
        }
        double ss = 0;
        for (int t = 0; t < treated.length; t++) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                s += w[j] * donors[t][j];
            }
            ss += (treated[t] - s) * (treated[t] - s);
        }
        return ss / treated.length;
    }
}
