package fi.polku.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Difference-in-differences for one treated region against comparison regions: the {@link GroupTimeAtt}
 * simple aggregate with the region as its own cohort, and the two-way fixed-effects figure beside it as a
 * diagnostic. With a single treated unit there is no sampling distribution to bootstrap, so inference is by
 * placebo in space (randomisation over regions): each comparison region in turn is treated as if it had
 * started at the same time, against the others; p = (1 + #{placebos with |ATT| ≥ |the region's ATT|}) / (m + 1)
 * for m comparison regions, and the SE is the placebo effects' SD. Its resolution is
 * 1/(m + 1) for m comparison regions, and the output says so.
 */
public final class RegionDid {
    /**
     * The estimate with its placebo inference.
     *
     * @param placebos the m placebo ATTs, one per comparison region, in the comparison order (empty without an estimate)
     */
    public record Result(Double att, Double twfe, Double se, Double lower, Double upper, Double pValue, int prePeriods,
                         int postPeriods, int comparisonUnits, List<Double> placebos, List<String> warnings) {
        public Result {
            placebos = List.copyOf(placebos);
        }

        /** What the SE, interval and p are, in words. */
        public String inference() {
            return "placebo in space: p = (1 + #{comparison regions whose placebo |ATT| >= |ATT|}) / (m + 1), m = "
                    + comparisonUnits + " comparison regions; SE = SD of the m placebo ATTs; 95 % interval ATT ± 1.96 SE";
        }
    }

    private RegionDid() {
    }

    /**
     * Estimates the effect on {@code treated}, first treated in {@code firstPost}.
     *
     * @param outcomes   unit → period → outcome (e.g. rate per 1 000), for the treated and comparison units
     * @param comparison the comparison units (never treated)
     */
    public static Result estimate(String treated, int firstPost, Map<String, Map<Integer, Double>> outcomes,
                                  List<String> comparison) {
        List<String> warnings = new ArrayList<>();
        Map<Integer, Double> own = outcomes.get(treated);
        int pre = (int) own.keySet().stream().filter(p -> p < firstPost).count();
        int post = (int) own.keySet().stream().filter(p -> p >= firstPost).count();
        if (post == 0 || pre == 0 || comparison.size() < 2) {
            warnings.add(post == 0 ? Caveat.NO_POST.code() : pre == 0 ? Caveat.NOT_ESTIMABLE.code() : Caveat.FEW_COMPARISONS.code());
            return new Result(null, null, null, null, null, null, pre, post, comparison.size(), List.of(), warnings);
        }
        double att = simple(treated, firstPost, outcomes, comparison);
        if (!Double.isFinite(att)) {
            warnings.add(Caveat.NOT_ESTIMABLE.code());
            return new Result(null, null, null, null, null, null, pre, post, comparison.size(), List.of(), warnings);
        }
        double twfe = GroupTimeAtt.of(panel(treated, firstPost, outcomes, comparison), GroupTimeAtt.Control.NEVER_TREATED)
                .twoWayFixedEffects();
        List<Double> placebos = new ArrayList<>();
        for (String fake : comparison) {
            List<String> others = new ArrayList<>(comparison);
            others.remove(fake);
            placebos.add(simple(fake, firstPost, outcomes, others));
        }
        double mean = placebos.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(placebos.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (placebos.size() - 1));
        long asLarge = placebos.stream().filter(v -> Math.abs(v) >= Math.abs(att)).count();
        double p = (asLarge + 1.0) / (placebos.size() + 1);
        warnings.add(Caveat.PLACEBO_IN_SPACE.with(comparison.size(), comparison.size() + 1));
        if (post < 2) {
            warnings.add(Caveat.SINGLE_POST.code());
        }
        double ownNoise = preNoise(own, firstPost);
        List<Double> noise = new ArrayList<>();
        comparison.forEach(c -> noise.add(preNoise(outcomes.get(c), firstPost)));
        noise.sort(Double::compare);
        double median = noise.get(noise.size() / 2);
        if (ownNoise > 2 * median) {
            warnings.add(Caveat.NOISY_SERIES.code());
        }
        return new Result(att, twfe, sd, att - 1.959963984540054 * sd, att + 1.959963984540054 * sd, p, pre, post,
                comparison.size(), placebos, warnings);
    }

    /** SD of year-to-year changes before the start: how noisy a series is on its own. */
    private static double preNoise(Map<Integer, Double> series, int firstPost) {
        List<Double> changes = new ArrayList<>();
        Double previous = null;
        for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(series).entrySet()) {
            if (e.getKey() >= firstPost) {
                break;
            }
            if (previous != null) {
                changes.add(e.getValue() - previous);
            }
            previous = e.getValue();
        }
        double m = changes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return Math.sqrt(changes.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / Math.max(1, changes.size() - 1));
    }

    private static double simple(String treated, int firstPost, Map<String, Map<Integer, Double>> outcomes,
                                 List<String> comparison) {
        GroupTimeAtt did = GroupTimeAtt.of(panel(treated, firstPost, outcomes, comparison), GroupTimeAtt.Control.NEVER_TREATED);
        return did.simple(did.cells());
    }

    private static List<PanelObservation> panel(String treated, int firstPost, Map<String, Map<Integer, Double>> outcomes,
                                                List<String> comparison) {
        List<PanelObservation> panel = new ArrayList<>();
        outcomes.get(treated).forEach((p, y) -> panel.add(new PanelObservation(treated, p, y, firstPost, 1)));
        for (String c : comparison) {
            outcomes.get(c).forEach((p, y) -> panel.add(new PanelObservation(c, p, y, 0, 1)));
        }
        return panel;
    }
}
