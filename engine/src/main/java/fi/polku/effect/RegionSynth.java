package fi.polku.effect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Synthetic control for one treated region from the comparison regions' series: donor weights fitted on the
 * pre-period outcomes ({@link SyntheticControl#ofOutcomes}), the gap series, and as the estimate the mean
 * post-period gap. Inference is placebo in space (Abadie, Diamond &amp; Hainmueller 2010): every donor in turn
 * is fitted from the others; p = (1 + #{donors whose post/pre RMSPE ratio ≥ the treated region's}) / (m + 1)
 * for m donors, in steps of 1/(m + 1). The SE is the SD of the placebo mean gaps, and the interval
 * ±1.96 SE around the estimate, the same convention as {@link RegionDid}.
 */
public final class RegionSynth {
    /** A fit whose pre-period RMSPE exceeds this share of the treated series' pre-period mean is called poor. */
    public static final double POOR_FIT_SHARE = 0.10;
    private static final double Z95 = 1.959963984540054;

    /**
     * The result.
     *
     * @param weights     donor → weight, only donors with a weight above 1e-6, largest first
     * @param gaps        period → observed − synthetic, every period of the treated series
     * @param placeboGaps the donors' own mean post-period gaps when each is fitted from the others
     * @param poorFit     the pre-period RMSPE exceeds {@link #POOR_FIT_SHARE} of the pre-period mean: not an effect
     */
    public record Result(Double estimate, Double se, Double lower, Double upper, Double pValue, Double preRmspe,
                         Double postRmspe, Map<String, Double> weights, Map<Integer, Double> observed,
                         Map<Integer, Double> synthetic, Map<Integer, Double> gaps, int prePeriods, int postPeriods,
                         int donors, List<Double> placeboGaps, List<String> warnings, boolean poorFit) {
        public Result {
            placeboGaps = List.copyOf(placeboGaps);
        }

        /** What the SE, interval and p are, in words. */
        public String inference() {
            return "placebo in space: p = (1 + #{donor regions whose post/pre RMSPE ratio >= the region's}) / (m + 1), m = "
                    + donors + " donor regions; SE = SD of the m placebo mean gaps; 95 % interval gap ± 1.96 SE";
        }
    }

    private record Fitted(SyntheticControl.Fit fit, Map<Integer, Double> synthetic, Map<Integer, Double> gaps,
                          double preRmspe, double postRmspe, double meanPostGap) {
        double ratio() {
            return preRmspe == 0 ? Double.POSITIVE_INFINITY : postRmspe / preRmspe;
        }
    }

    private RegionSynth() {
    }

    /**
     * Estimates the effect on {@code treated}, first exposed in {@code firstPost}.
     *
     * @param outcomes   unit → period → outcome, for the treated region and the donors; donors must cover every
     *                   period of the treated series
     * @param comparison the donor regions (never treated)
     */
    public static Result estimate(String treated, int firstPost, Map<String, Map<Integer, Double>> outcomes,
                                  List<String> comparison) {
        List<String> warnings = new ArrayList<>();
        TreeMap<Integer, Double> own = new TreeMap<>(outcomes.get(treated));
        int pre = own.headMap(firstPost).size();
        int post = own.tailMap(firstPost).size();
        if (post == 0 || pre < 2 || comparison.size() < 2) {
            warnings.add(post == 0 ? Caveat.NO_POST.code() : pre < 2 ? Caveat.NOT_ESTIMABLE.code() : Caveat.FEW_COMPARISONS.code());
            return new Result(null, null, null, null, null, null, null, Map.of(), own, Map.of(), Map.of(), pre, post,
                    comparison.size(), List.of(), warnings, false);
        }
        Fitted real = fit(treated, firstPost, own, outcomes, comparison);
        List<Double> placeboGaps = new ArrayList<>();
        int asLarge = 1;
        for (String placebo : comparison) {
            List<String> others = new ArrayList<>(comparison);
            others.remove(placebo);
            Fitted f = fit(placebo, firstPost, new TreeMap<>(outcomes.get(placebo)), outcomes, others);
            placeboGaps.add(f.meanPostGap());
            if (f.ratio() >= real.ratio()) {
                asLarge++;
            }
        }
        double mean = placeboGaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double se = Math.sqrt(placeboGaps.stream().mapToDouble(g -> (g - mean) * (g - mean)).sum() / (placeboGaps.size() - 1));
        double p = asLarge / (comparison.size() + 1.0);
        warnings.add(Caveat.PLACEBO_IN_SPACE.with(comparison.size(), comparison.size() + 1));
        if (post < 2) {
            warnings.add(Caveat.SINGLE_POST.code());
        }
        double preMean = own.headMap(firstPost).values().stream().mapToDouble(Math::abs).average().orElseThrow();
        boolean poorFit = real.preRmspe() > POOR_FIT_SHARE * preMean;
        if (poorFit) {
            warnings.add(Caveat.POOR_FIT.code());
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double[] w = real.fit().weights();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            if (w[j] > 1e-6) {
                order.add(j);
            }
        }
        order.sort((x, y) -> Double.compare(w[y], w[x]));
        order.forEach(j -> weights.put(comparison.get(j), w[j]));
        return new Result(real.meanPostGap(), se, real.meanPostGap() - Z95 * se, real.meanPostGap() + Z95 * se, p,
                real.preRmspe(), real.postRmspe(), weights, own, real.synthetic(), real.gaps(), pre, post, comparison.size(),
                placeboGaps, warnings, poorFit);
    }

    private static Fitted fit(String unit, int firstPost, TreeMap<Integer, Double> series,
                              Map<String, Map<Integer, Double>> outcomes, List<String> donors) {
        List<Integer> prePeriods = new ArrayList<>(series.headMap(firstPost).keySet());
        double[] treated = prePeriods.stream().mapToDouble(series::get).toArray();
        double[][] donorPre = new double[prePeriods.size()][];
        for (int t = 0; t < prePeriods.size(); t++) {
            donorPre[t] = donorValues(outcomes, donors, prePeriods.get(t), unit);
        }
        SyntheticControl.Fit fit = SyntheticControl.ofOutcomes(treated, donorPre);
        Map<Integer, Double> synthetic = new TreeMap<>();
        Map<Integer, Double> gaps = new TreeMap<>();
        double preSs = 0;
        double postSs = 0;
        double postSum = 0;
        for (Map.Entry<Integer, Double> e : series.entrySet()) {
            double s = fit.synthetic(donorValues(outcomes, donors, e.getKey(), unit));
            double gap = e.getValue() - s;
            synthetic.put(e.getKey(), s);
            gaps.put(e.getKey(), gap);
            if (e.getKey() < firstPost) {
                preSs += gap * gap;
            } else {
                postSs += gap * gap;
                postSum += gap;
            }
        }
        int post = series.size() - prePeriods.size();
        return new Fitted(fit, synthetic, gaps, Math.sqrt(preSs / prePeriods.size()), Math.sqrt(postSs / post), postSum / post);
    }

    private static double[] donorValues(Map<String, Map<Integer, Double>> outcomes, List<String> donors, int period, String unit) {
        double[] v = new double[donors.size()];
        for (int j = 0; j < donors.size(); j++) {
            Double value = outcomes.get(donors.get(j)).get(period);
            if (value == null) {
                throw new IllegalArgumentException("donor " + donors.get(j) + " has no value for period " + period
                        + " (needed to follow " + unit + ")");
            }
            v[j] = value;
        }
        return v;
    }
}
