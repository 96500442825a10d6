package fi.polku.jobs.effect;

import fi.polku.contract.Tables;
import fi.polku.effect.MinimumDetectableEffect;
import fi.polku.effect.ProjectEffects;
import fi.polku.jobs.config.EffectSettings;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.RandomEffectsPooling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code project_effects} rows of one indicator and age group: {@link ProjectEffects} on the yearly rates of
 * the project regions (each with its own start and transition year) and the comparison regions, and, as a
 * cross-check, the per-region DiD estimates pooled by random effects (DerSimonian–Laird and REML).
 */
final class ProjectEstimates {
    static final StructType SCHEMA = SparkSchemas.of(Tables.PROJECT_EFFECTS);
    private static final String SCALE = "difference in rate per 1 000";

    private ProjectEstimates() {
    }

    /**
     * The rows.
     *
     * @param regionRows this indicator and age group's {@code region_effects} rows (for the pooling cross-check)
     */
    static List<Row> of(String indicator, String ageGroup, Map<String, TreeMap<Integer, RegionEstimates.Point>> byRegion,
                        List<RunConfig.TreatedRegion> regions, List<String> comparison, EffectSettings settings, long seed,
                        List<Row> regionRows) {
        List<RunConfig.TreatedRegion> present = regions.stream().filter(r -> byRegion.containsKey(r.region())).toList();
        boolean synthetic = byRegion.values().stream().flatMap(m -> m.values().stream()).anyMatch(RegionEstimates.Point::synthetic);
        Map<String, ProjectEffects.Start> starts = new TreeMap<>();
        present.forEach(r -> starts.put(r.region(), RegionEstimates.start(r)));
        String codes = String.join(",", starts.keySet());
        String firstPosts = starts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().firstPost()
                + (e.getValue().transition() == null ? "" : " (" + e.getValue().transition() + " transition)"))
                .collect(Collectors.joining(", "));
        Context c = new Context(indicator, ageGroup, codes, firstPosts, synthetic);
        List<Row> rows = new ArrayList<>();
        if (starts.isEmpty()) {
            return rows;
        }
        // The years every project region has; comparison regions must have all of them.
        TreeSet<Integer> years = null;
        for (String t : starts.keySet()) {
            if (years == null) {
                years = new TreeSet<>(byRegion.get(t).keySet());
            } else {
                years.retainAll(byRegion.get(t).keySet());
            }
        }
        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        List<String> usable = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String u : byRegion.keySet()) {
            if (!starts.containsKey(u) && !comparison.contains(u)) {
                continue;
            }
            if (!byRegion.get(u).keySet().containsAll(years)) {
                warnings.add("region " + u + " left out for missing years");
                continue;
            }
            Map<Integer, Double> y = new TreeMap<>();
            years.forEach(year -> y.put(year, byRegion.get(u).get(year).rate()));
            outcomes.put(u, y);
            if (!starts.containsKey(u)) {
                usable.add(u);
            }
        }
        if (usable.size() < 2) {
            warnings.add("fewer than 2 comparison regions: no project-level estimate");
            rows.add(c.row("cs_simple", null, null, null, null, null, null, "no estimate", null, null, null,
                    usable.size(), null, null, null, warnings));
            return rows;
        }
        ProjectEffects.Result r = ProjectEffects.estimate(outcomes, starts, usable, settings.project(seed));
        warnings.addAll(r.warnings());
        double preLevel = r.preLevel();
        for (ProjectEffects.Estimate e : r.estimates()) {
            boolean synth = e.method().equals("synthetic_control_pooled");
            List<String> w = new ArrayList<>(warnings);
            if (e.estimate() == null) {
                w.add("not estimable (too few pre- or post-periods)");
            }
            if (synth) {
                w.add("the mean post-period gap carries any pre-period misfit of a region's synthetic control: read it with"
                        + " the regions' synthetic_control rows and their pre-period RMSPE");
            }
            if (e.method().equals("event_study") && e.relativePeriod() < 0) {
                w.add("pre-period placebo: should be near 0 if the project regions followed the others before the start");
            }
            String diagnostics = e.method().startsWith("cs_") || e.method().equals("pre_trend") ? r.preTrend() : null;
            Double mdePercent = e.mde() != null && preLevel > 0 ? 100 * e.mde() / preLevel : null;
            String scale = e.method().equals("pre_trend") ? "mean square of the pre-period placebos (rate per 1 000)²"
                    : e.method().equals("synthetic_control_pooled") ? SCALE + " (mean over project regions of the mean post-period gap)"
                    : SCALE + " (group-time ATT, " + e.method().substring(3) + " aggregation)";
            if (e.method().equals("event_study")) {
                scale = SCALE + " (group-time ATT at this period relative to the start)";
            }
            rows.add(c.row(e.method(), e.relativePeriod(), e.estimate(), e.se(), e.lower(), e.upper(), e.pValue(),
                    r.method(e.method()) + (e.method().equals("pre_trend") ? "" : "; SE = SD of the statistic over the other"
                            + " assignments; 95 % interval estimate ± 1.96 SE"),
                    (long) (synth ? r.synthAssignments() : r.assignments()), r.totalAssignments(),
                    r.exhaustive() && (!synth || r.synthAssignments() == r.assignments()) ? null : r.seed(),
                    usable.size(), preLevel, e.mde(), mdePercent, scale, diagnostics, w, mdeMethod(e)));
        }
        rows.addAll(pooled(c, regionRows, usable.size(), preLevel, warnings));
        return rows;
    }

    private static String mdeMethod(ProjectEffects.Estimate e) {
        if (e.method().equals("pre_trend") || e.relativePeriod() != null && e.relativePeriod() < 0) {
            return "not applicable: a pre-period placebo test, no effect to detect";
        }
        if (e.mde() == null) {
            return e.estimate() == null ? null : "none: too few assignments for p <= 0.05";
        }
        return "rank test over the other assignments' statistics (as p), α = 0.05, power 0.80";
    }

    /** The per-region DiD estimates pooled by random effects, DerSimonian–Laird and REML. */
    private static List<Row> pooled(Context c, List<Row> regionRows, int comparisons, double preLevel, List<String> warnings) {
        List<Double> y = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        // Rows from RowBuilder carry no schema: read them by the region_effects schema's field indices.
        int estimate = RegionEstimates.SCHEMA.fieldIndex("estimate");
        int error = RegionEstimates.SCHEMA.fieldIndex("se");
        int method = RegionEstimates.SCHEMA.fieldIndex("method");
        for (Row row : regionRows) {
            Double est = (Double) row.get(estimate);
            Double se = (Double) row.get(error);
            if ("did".equals(row.get(method)) && est != null && se != null && se > 0) {
                y.add(est);
                v.add(se * se);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RandomEffectsPooling.Method m : RandomEffectsPooling.Method.values()) {
            String name = m == RandomEffectsPooling.Method.REML ? "re_did_reml" : "re_did_dl";
            List<String> w = new ArrayList<>(warnings);
            w.add("cross-check: the regions' placebo SEs share their comparison regions, so the estimates are not"
                    + " independent as pooling assumes");
            if (y.size() < 2) {
                w.add("fewer than 2 regional DiD estimates with an SE: nothing to pool");
                rows.add(c.row(name, null, null, null, null, null, null, "random-effects pooling: not possible", null, null,
                        null, comparisons, preLevel, null, null, w));
                continue;
            }
            RandomEffectsPooling.Result p = RandomEffectsPooling.pool(y.stream().mapToDouble(Double::doubleValue).toArray(),
                    v.stream().mapToDouble(Double::doubleValue).toArray(), m);
            double mde = MinimumDetectableEffect.analytic(p.pooled().se(), null, MinimumDetectableEffect.ALPHA,
                    MinimumDetectableEffect.POWER);
            String inference = String.format(Locale.ROOT, "random-effects pooling (%s) of %d regional DiD estimates with"
                    + " variances SE²: Wald z-test and 95 %% interval", m == RandomEffectsPooling.Method.REML ? "REML"
                    : "DerSimonian–Laird", p.k());
            rows.add(new RowBuilder(SCHEMA).set("indicator", c.indicator()).set("age_group", c.ageGroup()).set("method", name)
                    .set("estimate", p.pooled().estimate()).set("scale", SCALE + " (pooled regional DiD)")
                    .set("se", p.pooled().se()).set("ci_lower", p.pooled().lower()).set("ci_upper", p.pooled().upper())
                    .set("p_value", p.pValue()).set("inference", inference).set("project_regions", c.codes())
                    .set("first_post_periods", c.firstPosts()).set("comparison_regions", comparisons)
                    .set("pre_level", Double.isFinite(preLevel) ? preLevel : null).set("tau2", p.tau2()).set("i2", p.i2())
                    .set("mde_per_1000", mde).set("mde_percent", preLevel > 0 ? 100 * mde / preLevel : null)
                    .set("mde_method", "analytic: (z(0.975) + z(0.80)) × the pooled SE, α = 0.05, power 0.80")
                    .set("diagnostics", String.format(Locale.ROOT, "Q %.3g on %d df (p %.3g)", p.q(), p.k() - 1, p.qP()))
                    .set("warnings", c.warnings(w)).set("synthetic", c.synthetic()).build());
        }
        return rows;
    }

    /** What every row of one indicator and age group shares. */
    private record Context(String indicator, String ageGroup, String codes, String firstPosts, boolean synthetic) {
        String warnings(List<String> w) {
            List<String> all = new ArrayList<>(w);
            if (synthetic) {
                all.add("SYNTHETIC data: not a real estimate");
            }
            return String.join("; ", all);
        }

        Row row(String method, Integer e, Double estimate, Double se, Double lower, Double upper, Double p, String inference,
                Long assignments, Long total, Long seed, int comparisons, Double preLevel, Double mde, Double mdePercent,
                List<String> warnings) {
            return row(method, e, estimate, se, lower, upper, p, inference, assignments, total, seed, comparisons, preLevel,
                    mde, mdePercent, SCALE, null, warnings, null);
        }

        Row row(String method, Integer e, Double estimate, Double se, Double lower, Double upper, Double p, String inference,
                Long assignments, Long total, Long seed, int comparisons, Double preLevel, Double mde, Double mdePercent,
                String scale, String diagnostics, List<String> warnings, String mdeMethod) {
            return new RowBuilder(SCHEMA).set("indicator", indicator).set("age_group", ageGroup).set("method", method)
                    .set("relative_period", e).set("estimate", estimate).set("scale", scale).set("se", se)
                    .set("ci_lower", lower).set("ci_upper", upper).set("p_value", p).set("inference", inference)
                    .set("assignments", assignments).set("assignments_total", total).set("assignment_seed", seed)
                    .set("project_regions", codes).set("first_post_periods", firstPosts).set("comparison_regions", comparisons)
                    .set("pre_level", preLevel != null && Double.isFinite(preLevel) ? preLevel : null)
                    .set("mde_per_1000", mde).set("mde_percent", mdePercent).set("mde_method", mdeMethod)
                    .set("diagnostics", diagnostics).set("warnings", warnings(warnings)).set("synthetic", synthetic).build();
        }
    }
}
