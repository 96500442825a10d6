package fi.polku.jobs.effect;

import fi.polku.contract.Tables;
import fi.polku.effect.Caveat;
import fi.polku.effect.EvidenceGrade;
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
 * cross-check, the per-region DiD estimates pooled by random effects (DerSimonian–Laird and REML), whose Cochran's
 * Q, p and I² also travel on the cs_* rows: a pooled figure can hide regional results of opposite sign.
 * Caveats travel as {@link Caveat} codes; each row has an {@link EvidenceGrade}.
 */
final class ProjectEstimates {
    static final StructType SCHEMA = SparkSchemas.of(Tables.PROJECT_EFFECTS);
    private static final String SCALE = "difference in rate per 1 000";
    private static final String NORMAL = "; SE = SD of the statistic over the other assignments; 95 % interval estimate"
            + " ± 1.96 SE, a normal approximation to the randomisation distribution";

    private ProjectEstimates() {
    }

    /** The regional DiD estimates pooled, DerSimonian–Laird first; empty with fewer than 2. */
    private record Pooling(List<RandomEffectsPooling.Result> results) {
        RandomEffectsPooling.Result dl() {
            return results.isEmpty() ? null : results.get(0);
        }
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
        String firstPosts = starts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().firstPost()
                + (e.getValue().transition() == null ? "" : " (" + e.getValue().transition() + " transition)"))
                .collect(Collectors.joining(", "));
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
        int leftOut = 0;
        for (String u : byRegion.keySet()) {
            if (!starts.containsKey(u) && !comparison.contains(u)) {
                continue;
            }
            if (!byRegion.get(u).keySet().containsAll(years)) {
                leftOut++;
                continue;
            }
            Map<Integer, Double> y = new TreeMap<>();
            years.forEach(year -> y.put(year, byRegion.get(u).get(year).rate()));
            outcomes.put(u, y);
            if (!starts.containsKey(u)) {
                usable.add(u);
            }
        }
        List<String> shared = new ArrayList<>();
        if (leftOut > 0) {
            shared.add(Caveat.REGIONS_LEFT_OUT.with(leftOut));
        }
        Context c = new Context(indicator, ageGroup, String.join(",", starts.keySet()), firstPosts, synthetic, usable.size());
        if (usable.size() < 2) {
            shared.add(Caveat.FEW_COMPARISONS.code());
            rows.add(c.start("cs_simple", Double.NaN).set("inference", "no estimate")
                    .set("evidence_grade", EvidenceGrade.NOT_ASSESSABLE.code()).set("warnings", String.join("; ", shared)).build());
            return rows;
        }
        ProjectEffects.Result r = ProjectEffects.estimate(outcomes, starts, usable, settings.project(seed));
        shared.addAll(r.warnings());
        Pooling pooling = pool(regionRows);
        rows.addAll(ProjectRows.of(c, r, pooling.dl(), shared));
        rows.addAll(pooled(c, pooling, r.preLevel(), shared));
        return rows;
    }

    private static Pooling pool(List<Row> regionRows) {
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
        List<RandomEffectsPooling.Result> results = new ArrayList<>();
        if (y.size() >= 2) {
            for (RandomEffectsPooling.Method m : List.of(RandomEffectsPooling.Method.DERSIMONIAN_LAIRD, RandomEffectsPooling.Method.REML)) {
                results.add(RandomEffectsPooling.pool(y.stream().mapToDouble(Double::doubleValue).toArray(),
                        v.stream().mapToDouble(Double::doubleValue).toArray(), m));
            }
        }
        return new Pooling(results);
    }

    /** The per-region DiD estimates pooled by random effects, DerSimonian–Laird and REML: a cross-check. */
    private static List<Row> pooled(Context c, Pooling pooling, double preLevel, List<String> shared) {
        List<Row> rows = new ArrayList<>();
        List<String> w = new ArrayList<>(shared);
        w.add(Caveat.POOLING_CROSS_CHECK.code());
        if (pooling.results().isEmpty()) {
            w.add(Caveat.NOTHING_TO_POOL.code());
            for (String name : List.of("re_did_dl", "re_did_reml")) {
                rows.add(c.start(name, preLevel).set("inference", "random-effects pooling: not possible")
                        .set("evidence_grade", EvidenceGrade.NOT_ASSESSABLE.code()).set("warnings", String.join("; ", w)).build());
            }
            return rows;
        }
        for (RandomEffectsPooling.Result p : pooling.results()) {
            boolean reml = p.method() == RandomEffectsPooling.Method.REML;
            double mde = MinimumDetectableEffect.analytic(p.pooled().se(), null, MinimumDetectableEffect.ALPHA,
                    MinimumDetectableEffect.POWER);
            String inference = String.format(Locale.ROOT, "random-effects pooling (%s) of %d regional DiD estimates with"
                    + " variances SE²: Wald z-test and 95 %% interval (normal approximation)", reml ? "REML" : "DerSimonian–Laird", p.k());
            String grade = EvidenceGrade.of(new EvidenceGrade.Evidence(p.pooled().estimate(), 0, p.pooled().lower(),
                    p.pooled().upper(), p.pValue(), null, 2, false, null, c.synthetic())).code();
            rows.add(c.start(reml ? "re_did_reml" : "re_did_dl", preLevel).set("estimate", p.pooled().estimate())
                    .set("scale", SCALE + " (pooled regional DiD)").set("se", p.pooled().se())
                    .set("ci_lower", p.pooled().lower()).set("ci_upper", p.pooled().upper()).set("p_value", p.pValue())
                    .set("evidence_grade", grade).set("inference", inference).set("tau2", p.tau2()).set("i2", p.i2())
                    .set("heterogeneity_q", p.q()).set("heterogeneity_p", p.qP())
                    .set("mde_per_1000", mde).set("mde_percent", preLevel > 0 ? 100 * mde / preLevel : null)
                    .set("mde_method", "analytic: (z(0.975) + z(0.80)) × the pooled SE, α = 0.05, power 0.80")
                    .set("diagnostics", heterogeneity(p)).set("warnings", String.join("; ", w)).build());
        }
        return rows;
    }

    /** Cochran's Q of the regional DiD estimates in words. */
    static String heterogeneity(RandomEffectsPooling.Result p) {
        return String.format(Locale.ROOT, "regional DiD estimates: Q %.3g on %d df (p %.3g), I² %.0f %%", p.q(), p.k() - 1,
                p.qP(), p.i2());
    }

    /** What every row of one indicator and age group shares. */
    record Context(String indicator, String ageGroup, String codes, String firstPosts, boolean synthetic, int comparisons) {
        /** A row builder with the shared columns set, the scale the default one. */
        RowBuilder start(String method, double preLevel) {
            return new RowBuilder(SCHEMA).set("indicator", indicator).set("age_group", ageGroup).set("method", method)
                    .set("scale", SCALE).set("project_regions", codes).set("first_post_periods", firstPosts)
                    .set("comparison_regions", comparisons).set("pre_level", Double.isFinite(preLevel) ? preLevel : null)
                    .set("synthetic", synthetic);
        }

        static String normalInterval() {
            return NORMAL;
        }

        static String scale() {
            return SCALE;
        }
    }
}
