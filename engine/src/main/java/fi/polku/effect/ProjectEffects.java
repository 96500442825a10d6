package fi.polku.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's regions together: Callaway–Sant'Anna group-time ATTs over all project regions with their own
 * (staggered) starts, aggregated "simple", "group" and "dynamic" (the event study by period relative to the
 * start, pre-period placebos included; Callaway &amp; Sant'Anna 2021, J. Econometrics 225:200, section 3.1, parameters
 * θ_W^O, θ_sel^O and θ_es(e) / θ_es^O, the did package's {@code aggte(type = "simple" | "group" | "dynamic")}), and
 * the pooled synthetic-control gap ({@link PooledSynth}: the mean over project regions of the mean post-period gap
 * minus the mean pre-period gap to each region's synthetic control from the non-project regions).
 *
 * <p>Inference is by randomisation over regions (Fisher's exact test under the sharp null of no effect in any
 * region): every statistic is recomputed for each assignment of the same number of "project" regions among all
 * regions ({@link Assignments}: all of them, or the real one and a seeded sample), the i-th chosen region (in
 * code order) taking the i-th real project region's start and transition period. p = #{assignments whose
 * |statistic| ≥ the real one's} / #{assignments}, the real one included, in steps of 1 / #{assignments}; the SE
 * is the SD of the statistic over the other assignments and the interval ±1.96 SE, a normal approximation to the
 * randomisation distribution. The joint pre-trend statistic is the mean square of the pre-period event-study
 * placebos θ_es(e), e &lt; 0, tested the same way. The minimum detectable reduction comes from the same
 * distribution ({@link MinimumDetectableEffect#ofReduction}).
 *
 * <p>A cohort's base period is its last own period before its first post period: with a transition year left
 * out that is two years before (g − 2). {@link BaseSensitivity} gives the simple aggregation with the base a
 * period earlier and, where a transition year exists, with the transition year as base.
 */
public final class ProjectEffects {
    private static final double Z95 = 1.959963984540054;

    /**
     * The pooled synthetic control's pre-period fit is called poor when its pre-period RMSPE exceeds this share of the
     * project regions' pre-period level (the rule {@link RegionSynth#POOR_FIT_SHARE} applies to each region).
     */
    public static final double POOR_FIT_SHARE = RegionSynth.POOR_FIT_SHARE;
    /** ... or when the mean pre-period gap, in absolute value, exceeds this share of the pre-period level. */
    public static final double PRE_GAP_SHARE = 0.05;

    /** A project region's start: its first fully exposed period and its left-out transition period (or null). */
    public record Start(int firstPost, Integer transition) {
    }

    /**
     * How many assignments at most, and the seed for sampling them.
     *
     * @param maxAssignments      for the group-time ATT statistics (cheap): all assignments up to this many
     * @param synthAssignments    for the pooled synthetic-control gap (a fit per region per assignment): at most this many
     * @param seed                for sampling assignments
     */
    public record Settings(int maxAssignments, int synthAssignments, long seed) {
        /** The defaults: 10 000 assignments, 500 for the synthetic control, seed 20240801. */
        public static Settings defaults() {
            return new Settings(10_000, 500, 20240801L);
        }

        public Settings {
            if (maxAssignments < 2 || synthAssignments < 2) {
                throw new IllegalArgumentException("maxAssignments and synthAssignments must be >= 2, were " + maxAssignments
                        + " and " + synthAssignments);
            }
        }
    }

    /**
     * One project-level estimate.
     *
     * @param method         cs_simple, cs_group, cs_dynamic, event_study, pre_trend or synthetic_control_pooled
     * @param relativePeriod for event_study: e = period − first post period; otherwise null
     * @param mde            the minimum detectable reduction at α = 0.05 and 80 % power, or null
     */
    public record Estimate(String method, Integer relativePeriod, Double estimate, Double se, Double lower, Double upper,
                           Double pValue, Double mde) {
    }

    /**
     * The pooled synthetic control's diagnostics for the observed assignment.
     *
     * @param preRmspe root mean square over project regions of the pre-period RMSPE (per 1 000)
     * @param preGap   mean over project regions of the mean pre-period gap
     * @param rawGap   mean over project regions of the mean post-period gap, not adjusted for the pre gap
     * @param ratio    mean over project regions of the post/pre RMSPE ratio (Abadie et al. 2010)
     * @param ratioP   its randomisation p, one-sided: #{assignments with a ratio ≥ the observed} / assignments
     * @param poorFit  {@code preRmspe > POOR_FIT_SHARE × pre level} or {@code |preGap| > PRE_GAP_SHARE × pre level}:
     *                 the synthetic controls do not follow the regions and the row is no evidence either way
     */
    public record SynthFit(double preRmspe, double preGap, double rawGap, double ratio, double ratioP, boolean poorFit) {
    }

    /**
     * The simple aggregation with other base periods, for the observed assignment only (no inference).
     *
     * @param bases   each cohort's base period as used, e.g. "2023" or "2024: 2023, 2025: 2023"
     * @param earlier the estimate with every cohort's base one own pre-period earlier, or null
     * @param later   the estimate with the transition year as base (cohorts without one unchanged), or null when no
     *                cohort has a transition year
     */
    public record BaseSensitivity(String bases, String earlierBases, Double earlier, String laterBases, Double later) {
    }

    /**
     * The result.
     *
     * @param preLevel the mean over project regions of their mean pre-period outcome (for the MDE in %)
     * @param preTrend the joint pre-trend statement in words
     * @param synthAssignments the assignments behind the synthetic_control_pooled row (the observed one first)
     * @param preTrendCaveat {@link Caveat#PRE_TREND_CLEAR} or {@link Caveat#PRE_TREND_WEAK}, or null
     * @param warnings   caveat codes ({@link Caveat}) shared by every row
     */
    public record Result(List<Estimate> estimates, int assignments, long totalAssignments, boolean exhaustive, long seed,
                         int synthAssignments, int treatedRegions, int units, double preLevel, String preTrend,
                         String preTrendCaveat, SynthFit synthFit, BaseSensitivity base, List<String> warnings) {
        public Result {
            estimates = List.copyOf(estimates);
            warnings = List.copyOf(warnings);
        }

        /** The caveat code saying how the row's p was found: exact over all assignments, or a seeded sample. */
        public String pCaveat(String estimateMethod) {
            if (estimateMethod.equals("synthetic_control_pooled") && synthAssignments < assignments) {
                return Caveat.P_SAMPLED.with(synthAssignments, totalAssignments, seed);
            }
            return exhaustive ? Caveat.P_EXACT.with(assignments) : Caveat.P_SAMPLED.with(assignments, totalAssignments, seed);
        }

        /** The randomisation of a row in words: how many assignments of how many regions, exhaustive or sampled. */
        public String method(String estimateMethod) {
            int k = treatedRegions;
            if (estimateMethod.equals("synthetic_control_pooled") && synthAssignments < assignments) {
                return String.format(Locale.ROOT, "randomisation inference: the observed and %d of the %d assignments of the"
                        + " project's start dates to %d of the %d regions, drawn with seed %d (a synthetic control per region"
                        + " per assignment); p = (1 + #{sampled with |statistic| >= observed}) / %d", synthAssignments - 1,
                        totalAssignments, k, units, seed, synthAssignments);
            }
            return exhaustive
                    ? String.format(Locale.ROOT, "randomisation inference: all %d assignments of the project's start dates to %d"
                    + " of the %d regions; p = #{assignments with |statistic| >= observed} / %d (observed included)",
                    assignments, k, units, assignments)
                    : String.format(Locale.ROOT, "randomisation inference: the observed and %d of the %d assignments of the"
                    + " project's start dates to %d of the %d regions, drawn with seed %d; p = (1 + #{sampled with"
                    + " |statistic| >= observed}) / %d", assignments - 1, totalAssignments, k, units, seed, assignments);
        }
    }

    private record Stats(double simple, double group, double dynamic, Map<Integer, Double> events, double preTrend) {
    }

    private final Map<String, Map<Integer, Double>> outcomes;
    private final List<String> units;
    private final List<Start> labels;
    private final Map<String, Start> treated;
    private final CohortPanel panel;

    private ProjectEffects(Map<String, Map<Integer, Double>> outcomes, List<String> units, List<Start> labels,
                           Map<String, Start> treated, int[] periods) {
        this.outcomes = outcomes;
        this.units = units;
        this.labels = labels;
        this.treated = treated;
        double[][] y = new double[units.size()][periods.length];
        for (int u = 0; u < units.size(); u++) {
            for (int t = 0; t < periods.length; t++) {
                y[u][t] = outcomes.get(units.get(u)).get(periods[t]);
            }
        }
        this.panel = new CohortPanel(periods, y);
    }

    /**
     * Estimates the project-level effects. A cohort (first post period) leaves out its start year for all its
     * regions if it does for any, so that its regions share their base period.
     *
     * @param outcomes   region → period → outcome for every project and comparison region, each with every period
     *                   any project region has (any region may be re-assigned a start in the randomisation)
     * @param treated    project region → its start
     * @param comparison the comparison regions
     * @throws IllegalArgumentException when a region has no series or misses a period, a region is both project and
     *                                  comparison, there is no project region, or there are more than 62 regions
     */
    public static Result estimate(Map<String, Map<Integer, Double>> outcomes, Map<String, Start> treated,
                                  List<String> comparison, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        if (treated.isEmpty()) {
            throw new IllegalArgumentException("no project region");
        }
        TreeSet<String> all = new TreeSet<>(comparison);
        for (String t : treated.keySet()) {
            if (!all.add(t)) {
                throw new IllegalArgumentException("region " + t + " is both a project and a comparison region");
            }
        }
        TreeSet<Integer> periods = new TreeSet<>();
        for (String u : all) {
            if (outcomes.get(u) == null || outcomes.get(u).isEmpty()) {
                throw new IllegalArgumentException("region " + u + " has no series");
            }
        }
        treated.keySet().forEach(t -> periods.addAll(outcomes.get(t).keySet()));
        for (String u : all) {
            if (!outcomes.get(u).keySet().containsAll(periods)) {
                TreeSet<Integer> missing = new TreeSet<>(periods);
                missing.removeAll(outcomes.get(u).keySet());
                throw new IllegalArgumentException((treated.containsKey(u) ? "project" : "comparison") + " region " + u
                        + " misses period(s) " + missing + " of the project regions");
            }
        }
        Map<Integer, Integer> transitionOf = new HashMap<>();
        treated.values().forEach(s -> {
            if (s.transition() != null) {
                transitionOf.put(s.firstPost(), s.transition());
            }
        });
        Map<String, Start> normalised = new TreeMap<>();
        treated.forEach((t, s) -> normalised.put(t, new Start(s.firstPost(), transitionOf.get(s.firstPost()))));
        List<String> units = new ArrayList<>(all);
        List<Start> labels = new ArrayList<>(normalised.values());
        long real = 0;
        for (String t : normalised.keySet()) {
            real |= 1L << units.indexOf(t);
        }
        ProjectEffects p = new ProjectEffects(outcomes, units, labels, normalised,
                periods.stream().mapToInt(Integer::intValue).toArray());
        Assignments assignments = Assignments.of(units.size(), real, settings.maxAssignments(), settings.seed());
        List<Stats> stats = new ArrayList<>();
        for (long mask : assignments.sets()) {
            stats.add(p.statistics(mask));
        }
        Assignments synth = Assignments.of(units.size(), real, Math.min(settings.synthAssignments(), settings.maxAssignments()),
                settings.seed());
        List<PooledSynth.Stats> gaps = new ArrayList<>();
        for (long mask : synth.sets()) {
            gaps.add(PooledSynth.of(outcomes, units, p.assigned(mask)));
        }
        return p.summarise(stats, gaps, assignments, synth.sets().size(), settings.seed());
    }

    private Result summarise(List<Stats> stats, List<PooledSynth.Stats> gaps, Assignments assignments, int synthAssignments,
                             long seed) {
        int k = labels.size();
        Stats real = stats.get(0);
        List<Estimate> rows = new ArrayList<>();
        rows.add(row("cs_simple", null, values(stats, Stats::simple), true));
        rows.add(row("cs_group", null, values(stats, Stats::group), true));
        rows.add(row("cs_dynamic", null, values(stats, Stats::dynamic), true));
        for (int e : real.events().keySet()) {
            rows.add(row("event_study", e, values(stats, s -> s.events().getOrDefault(e, Double.NaN)), e >= 0));
        }
        Estimate preTrend = row("pre_trend", null, values(stats, Stats::preTrend), false);
        rows.add(preTrend);
        rows.add(row("synthetic_control_pooled", null, gaps.stream().map(PooledSynth.Stats::adjusted).toList(), true));
        List<String> warnings = new ArrayList<>();
        TreeSet<Integer> cohorts = new TreeSet<>(labels.stream().map(Start::firstPost).toList());
        if (cohorts.size() > 1) {
            warnings.add(Caveat.STAGGERED.with(cohorts.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("/"))));
        }
        long pre = real.events().keySet().stream().filter(e -> e < 0).count();
        if (real.events().keySet().stream().filter(e -> e >= 0).count() < 2) {
            warnings.add(Caveat.SINGLE_POST.code());
        }
        String preTrendCaveat = null;
        String statement;
        if (preTrend.estimate() == null) {
            statement = "no pre-period placebo could be estimated: the pre-trend cannot be checked";
        } else {
            PreTrend sign = PreTrend.of(preTrend.pValue());
            preTrendCaveat = sign == PreTrend.CLEAR_SIGN ? Caveat.PRE_TREND_CLEAR.code()
                    : sign == PreTrend.WEAK_SIGN ? Caveat.PRE_TREND_WEAK.code() : null;
            statement = String.format(Locale.ROOT, "pre-period placebos (%d event times): root mean square %.3g; permutation"
                    + " p = %.3g for their joint size: %s", pre, Math.sqrt(preTrend.estimate()), preTrend.pValue(), sign.words());
        }
        double level = preLevel();
        return new Result(rows, assignments.sets().size(), assignments.total(), assignments.exhaustive(), seed, synthAssignments,
                k, units.size(), level, statement, preTrendCaveat, synthFit(gaps, level), BaseYears.of(panel, units, treated), warnings);
    }

    private static SynthFit synthFit(List<PooledSynth.Stats> gaps, double preLevel) {
        PooledSynth.Stats real = gaps.get(0);
        if (!Double.isFinite(real.adjusted())) {
            return null;
        }
        int asLarge = 0;
        int counted = 0;
        for (PooledSynth.Stats g : gaps) {
            if (!Double.isNaN(g.ratio())) {
                counted++;
                asLarge += g.ratio() >= real.ratio() - 1e-12 * Math.max(1, Math.abs(real.ratio())) ? 1 : 0;
            }
        }
        boolean poor = real.preRmspe() > POOR_FIT_SHARE * preLevel || Math.abs(real.preGap()) > PRE_GAP_SHARE * preLevel;
        return new SynthFit(real.preRmspe(), real.preGap(), real.raw(), real.ratio(), asLarge / (double) counted, poor);
    }

    private static List<Double> values(List<Stats> stats, java.util.function.ToDoubleFunction<Stats> of) {
        return stats.stream().map(of::applyAsDouble).toList();
    }

    private Estimate row(String method, Integer e, List<Double> values, boolean mde) {
        double observed = values.get(0);
        if (!Double.isFinite(observed)) {
            return new Estimate(method, e, null, null, null, null, null, null);
        }
        List<Double> others = new ArrayList<>();
        int asLarge = 0;
        int counted = 0;
        double edge = Math.abs(observed) - 1e-12 * Math.max(1, Math.abs(observed));
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            counted++;
            if (Math.abs(v) >= edge) {
                asLarge++;
            }
            if (i > 0) {
                others.add(v);
            }
        }
        double p = asLarge / (double) counted;
        if (others.size() < 2) {
            return new Estimate(method, e, observed, null, null, null, p, null);
        }
        double mean = others.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double se = Math.sqrt(others.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (others.size() - 1));
        Double detectable = null;
        if (mde) {
            OptionalDouble d = MinimumDetectableEffect.ofReduction(others.stream().mapToDouble(Double::doubleValue).toArray(),
                    MinimumDetectableEffect.ALPHA, MinimumDetectableEffect.POWER);
            detectable = d.isPresent() ? d.getAsDouble() : null;
        }
        boolean interval = !method.equals("pre_trend");
        return new Estimate(method, e, observed, se, interval ? observed - Z95 * se : null, interval ? observed + Z95 * se : null,
                p, detectable);
    }

    /** The units of {@code mask} with the start each is given. */
    private Map<String, Start> assigned(long mask) {
        Map<String, Start> assigned = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < units.size(); i++) {
            if ((mask >>> i & 1) == 1) {
                assigned.put(units.get(i), labels.get(next++));
            }
        }
        return assigned;
    }

    /** The group-time ATT statistics with the start dates given to the units of {@code mask}. */
    private Stats statistics(long mask) {
        int k = Long.bitCount(mask);
        int[] index = new int[k];
        int[] firstPost = new int[k];
        int[] transition = new int[k];
        int next = 0;
        for (int i = 0; i < units.size(); i++) {
            if ((mask >>> i & 1) == 1) {
                Start s = labels.get(next);
                index[next] = i;
                firstPost[next] = s.firstPost();
                transition[next] = s.transition() == null ? Integer.MIN_VALUE : s.transition();
                next++;
            }
        }
        CohortPanel.Aggregates a = panel.aggregates(index, firstPost, transition);
        double preTrend = a.events().entrySet().stream().filter(x -> x.getKey() < 0)
                .mapToDouble(x -> x.getValue() * x.getValue()).average().orElse(Double.NaN);
        return new Stats(a.simple(), a.group(), a.dynamic(), a.events(), preTrend);
    }

    /** The mean over project regions (the real ones) of their mean outcome before their own start. */
    private double preLevel() {
        double sum = 0;
        for (Map.Entry<String, Start> t : treated.entrySet()) {
            TreeMap<Integer, Double> own = new TreeMap<>(outcomes.get(t.getKey()));
            if (t.getValue().transition() != null) {
                own.remove(t.getValue().transition());
            }
            sum += own.headMap(t.getValue().firstPost()).values().stream().mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
        }
        return sum / treated.size();
    }
}
