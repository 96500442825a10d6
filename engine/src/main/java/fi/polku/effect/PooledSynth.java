package fi.polku.effect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pooled synthetic-control statistics of one assignment of start dates: each assigned region gets a synthetic
 * control from the unassigned regions, fitted on its own pre-periods ({@link SyntheticControl#ofOutcomes}); the
 * statistics are means over the assigned regions. The pre-period-adjusted gap (mean post gap − mean pre gap) is the
 * estimate because a region outside the donors' range keeps a level gap after the fit that the raw post gap would
 * carry as an "effect"; the post/pre RMSPE ratio is Abadie, Diamond &amp; Hainmueller's (2010, JASA 105:493,
 * section 2.4) inferential statistic, pooled by its mean.
 */
final class PooledSynth {
    /**
     * The statistics of one assignment; all NaN when some assigned region has fewer than 2 pre- or no post-periods.
     *
     * @param adjusted mean over regions of (mean post gap − mean pre gap)
     * @param raw      mean over regions of the mean post gap
     * @param preRmspe root of the mean over regions of their squared pre-period RMSPE
     * @param preGap   mean over regions of their mean pre-period gap
     * @param ratio    mean over regions of post RMSPE / pre RMSPE
     */
    record Stats(double adjusted, double raw, double preRmspe, double preGap, double ratio) {
        static final Stats NONE = new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private PooledSynth() {
    }

    /** The statistics when the regions of {@code assigned} have the given starts and the other {@code units} are donors. */
    static Stats of(Map<String, Map<Integer, Double>> outcomes, List<String> units, Map<String, ProjectEffects.Start> assigned) {
        List<String> donors = units.stream().filter(u -> !assigned.containsKey(u)).toList();
        if (donors.size() < 2) {
            return Stats.NONE;
        }
        double adjusted = 0;
        double raw = 0;
        double preSquares = 0;
        double preGap = 0;
        double ratio = 0;
        for (Map.Entry<String, ProjectEffects.Start> a : assigned.entrySet()) {
            TreeMap<Integer, Double> own = new TreeMap<>(outcomes.get(a.getKey()));
            if (a.getValue().transition() != null) {
                own.remove(a.getValue().transition());
            }
            List<Integer> pre = new ArrayList<>(own.headMap(a.getValue().firstPost()).keySet());
            List<Integer> post = new ArrayList<>(own.tailMap(a.getValue().firstPost()).keySet());
            if (pre.size() < 2 || post.isEmpty()) {
                return Stats.NONE;
            }
            double[][] donorPre = new double[pre.size()][];
            for (int t = 0; t < pre.size(); t++) {
                donorPre[t] = donorValues(outcomes, donors, pre.get(t));
            }
            SyntheticControl.Fit fit = SyntheticControl.ofOutcomes(pre.stream().mapToDouble(own::get).toArray(), donorPre);
            double[] preGaps = gaps(own, pre, fit, outcomes, donors);
            double[] postGaps = gaps(own, post, fit, outcomes, donors);
            double preMean = mean(preGaps);
            double postMean = mean(postGaps);
            double preMs = meanSquare(preGaps);
            adjusted += postMean - preMean;
            raw += postMean;
            preSquares += preMs;
            preGap += preMean;
            ratio += preMs == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(meanSquare(postGaps) / preMs);
        }
        int k = assigned.size();
        return new Stats(adjusted / k, raw / k, Math.sqrt(preSquares / k), preGap / k, ratio / k);
    }

    private static double[] gaps(Map<Integer, Double> own, List<Integer> periods, SyntheticControl.Fit fit,
                                 Map<String, Map<Integer, Double>> outcomes, List<String> donors) {
        return periods.stream().mapToDouble(t -> own.get(t) - fit.synthetic(donorValues(outcomes, donors, t))).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double meanSquare(double[] v) {
        return Arrays.stream(v).map(x -> x * x).average().orElseThrow();
    }

    private static double[] donorValues(Map<String, Map<Integer, Double>> outcomes, List<String> donors, int period) {
        double[] v = new double[donors.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = outcomes.get(donors.get(j)).get(period);
        }
        return v;
    }
}
