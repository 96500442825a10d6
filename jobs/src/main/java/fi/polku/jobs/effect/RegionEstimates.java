package fi.polku.jobs.effect;

import fi.polku.contract.Tables;
import fi.polku.effect.Caveat;
import fi.polku.effect.CostOffset;
import fi.polku.effect.EvidenceGrade;
import fi.polku.effect.InterruptedTimeSeries;
import fi.polku.effect.MinimumDetectableEffect;
import fi.polku.effect.ProjectEffects;
import fi.polku.effect.RegionDid;
import fi.polku.effect.RegionSynth;
import fi.polku.jobs.config.EffectSettings;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The estimates for one project region, indicator and age group from the yearly rates of all regions: ITS on
 * the region's own counts and populations, DiD on rates per 1 000 against the comparison regions, and the
 * TWFE figure as a diagnostic, and a synthetic control of the region's rates from the comparison regions. A project that started after 1 January leaves its start year only partly
 * exposed: that year is a transition, left out of both methods and named in the output.
 */
final class RegionEstimates {
    static final StructType SCHEMA = SparkSchemas.of(Tables.REGION_EFFECTS);
    static final StructType COSTS = SparkSchemas.of(Tables.COST_OFFSET);
    static final StructType WEIGHTS = SparkSchemas.of(Tables.SYNTHETIC_WEIGHTS);
    static final StructType PATHS = SparkSchemas.of(Tables.SYNTHETIC_PATHS);

    /**
     * The estimate rows, the synthetic control's weights and paths, the cost-offset rows when the indicator has a
     * unit cost, and the project-level rows.
     */
    record Output(List<Row> effects, List<Row> weights, List<Row> paths, List<Row> costs, List<Row> project) {
        static Output empty() {
            return new Output(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void addAll(Output other) {
            project.addAll(other.project());
            effects.addAll(other.effects());
            weights.addAll(other.weights());
            paths.addAll(other.paths());
            costs.addAll(other.costs());
        }
    }

    /** Yearly rate points of one region: year → (count, population, rate). */
    record Point(long count, long population, double rate, boolean synthetic) {
    }

    /** A detectable effect: per 1 000, in % of the pre-period level, and how it was found. */
    private record Mde(Double per1000, Double percent, String method) {
        static final Mde NONE = new Mde(null, null, null);
    }

    private RegionEstimates() {
    }

    /**
     * The transition rule: a start on 1 January makes that year the first post period; a later start leaves its
     * year partly exposed, a transition left out, and the next year is the first post period.
     */
    static ProjectEffects.Start start(RunConfig.TreatedRegion treated) {
        LocalDate start = treated.start();
        boolean fullYear = MonthDay.from(start).equals(MonthDay.of(1, 1));
        return new ProjectEffects.Start(fullYear ? start.getYear() : start.getYear() + 1, fullYear ? null : start.getYear());
    }

    static Output of(RunConfig.TreatedRegion treated, String indicator, String ageGroup,
                     Map<String, TreeMap<Integer, Point>> byRegion, List<String> comparison, List<RunConfig.Break> breaks,
                     RunConfig.UnitCost cost, EffectSettings settings) {
        TreeMap<Integer, Point> own = byRegion.get(treated.region());
        int firstPost = start(treated).firstPost();
        Integer transition = start(treated).transition();
        TreeMap<Integer, Point> series = new TreeMap<>(own);
        if (transition != null) {
            series.remove(transition);
        }
        boolean synthetic = own.values().stream().anyMatch(Point::synthetic);
        String crossed = breaks.stream()
                .filter(b -> !series.isEmpty() && b.date().getYear() > series.firstKey() && b.date().getYear() <= series.lastKey())
                .map(b -> b.date() + " " + b.label().text()).collect(Collectors.joining("; "));
        List<Row> rows = new ArrayList<>();

        List<InterruptedTimeSeries.Observation> its = new ArrayList<>();
        int first = series.isEmpty() ? 0 : series.firstKey();
        series.forEach((year, p) -> its.add(new InterruptedTimeSeries.Observation(year - first, year >= firstPost, null,
                p.count(), p.population())));
        InterruptedTimeSeries.Result r = InterruptedTimeSeries.fit(its, settings.dispersionFloor());
        List<String> itsWarnings = new ArrayList<>(r.warnings());
        double preLevel = series.headMap(firstPost).values().stream().mapToDouble(Point::rate).average().orElse(Double.NaN);
        Mde itsMde = Mde.NONE;
        if (r.logSe() != null && Double.isFinite(preLevel)) {
            double log = MinimumDetectableEffect.analytic(r.logSe(), r.residualDf(), MinimumDetectableEffect.ALPHA,
                    MinimumDetectableEffect.POWER);
            double share = 1 - Math.exp(-log);
            itsMde = new Mde(share * preLevel, 100 * share, "analytic: rate ratio exp(−(t(0.975, df) + t(0.80, df)) · SE)"
                    + " below 1, × the pre-period mean rate");
        }
        rows.add(row(treated, indicator, ageGroup, "its", r.rateRatio(), "rate ratio (level change at the start)", r.logSe(),
                r.lower(), r.upper(), r.pValue(), r.inference(),
                r.prePeriods(), r.postPeriods(), firstPost, transition, 0,
                r.dispersion() == null ? null : String.format(Locale.ROOT, "dispersion %.2f; deviance %.1f on %d df%s",
                        r.dispersion(), r.deviance(), r.residualDf(),
                        r.slopeRatio() == null ? "" : String.format(Locale.ROOT, "; slope change ×%.3f a year", r.slopeRatio())),
                crossed, itsWarnings, synthetic, settings.dispersionFloor(), preLevel, itsMde,
                grade(new EvidenceGrade.Evidence(r.rateRatio(), 1, r.lower(), r.upper(), r.pValue(), null, r.postPeriods(),
                        false, null, synthetic))));

        Map<String, Map<Integer, Double>> outcomes = new HashMap<>();
        List<String> usable = new ArrayList<>();
        for (String c : comparison) {
            TreeMap<Integer, Point> other = byRegion.get(c);
            if (other != null && other.keySet().containsAll(series.keySet())) {
                Map<Integer, Double> y = new TreeMap<>();
                series.keySet().forEach(year -> y.put(year, other.get(year).rate()));
                outcomes.put(c, y);
                usable.add(c);
            }
        }
        Map<Integer, Double> ownRates = new TreeMap<>();
        series.forEach((year, p) -> ownRates.put(year, p.rate()));
        outcomes.put(treated.region(), ownRates);
        RegionDid.Result d = RegionDid.estimate(treated.region(), firstPost, outcomes, usable);
        List<String> didWarnings = new ArrayList<>(d.warnings());
        if (usable.size() < comparison.size()) {
            didWarnings.add(Caveat.REGIONS_LEFT_OUT.with(comparison.size() - usable.size()));
        }
        rows.add(row(treated, indicator, ageGroup, "did", d.att(), "difference in rate per 1 000 (group-time ATT, simple aggregate)",
                d.se(), d.lower(), d.upper(), d.pValue(), d.inference(),
                d.prePeriods(), d.postPeriods(), firstPost, transition, d.comparisonUnits(), null, crossed, didWarnings, synthetic,
                null, preLevel, rankMde(d.placebos(), preLevel, "rank test on the m placebo ATTs (as p)"),
                grade(new EvidenceGrade.Evidence(d.att(), 0, d.lower(), d.upper(), d.pValue(), 1.0 / (d.comparisonUnits() + 1),
                        d.postPeriods(), false, null, synthetic))));
        rows.add(row(treated, indicator, ageGroup, "twfe", d.twfe(), "difference in rate per 1 000 (two-way fixed effects)",
                null, null, null, null, "diagnostic only: no inference (TWFE is biased under staggered adoption)",
                d.prePeriods(), d.postPeriods(), firstPost, transition, d.comparisonUnits(), null, crossed,
                List.of(Caveat.TWFE_DIAGNOSTIC.code()), synthetic, null, preLevel, Mde.NONE,
                EvidenceGrade.NOT_ASSESSABLE.code()));
        RegionSynth.Result sc = RegionSynth.estimate(treated.region(), firstPost, outcomes, usable);
        List<String> scWarnings = new ArrayList<>(sc.warnings());
        if (usable.size() < comparison.size()) {
            scWarnings.add(Caveat.REGIONS_LEFT_OUT.with(comparison.size() - usable.size()));
        }
        rows.add(row(treated, indicator, ageGroup, "synthetic_control", sc.estimate(),
                "difference in rate per 1 000 (mean post-period gap to the synthetic control)", sc.se(), sc.lower(), sc.upper(),
                sc.pValue(), sc.inference(),
                sc.prePeriods(), sc.postPeriods(), firstPost, transition, sc.donors(), synthDiagnostics(sc), crossed, scWarnings,
                synthetic, null, preLevel, rankMde(sc.placeboGaps(), preLevel,
                        "rank test on the m placebo mean gaps (p itself ranks RMSPE ratios)"),
                grade(new EvidenceGrade.Evidence(sc.estimate(), 0, sc.lower(), sc.upper(), sc.pValue(), 1.0 / (sc.donors() + 1),
                        sc.postPeriods(), sc.poorFit(), null, synthetic))));
        List<Row> weights = new ArrayList<>();
        sc.weights().forEach((donor, w) -> weights.add(new RowBuilder(WEIGHTS).set("region", treated.region())
                .set("indicator", indicator).set("age_group", ageGroup).set("donor", donor).set("weight", w)
                .set("pre_rmspe", sc.preRmspe()).set("synthetic", synthetic).build()));
        List<Row> paths = new ArrayList<>();
        sc.gaps().forEach((year, gap) -> paths.add(new RowBuilder(PATHS).set("region", treated.region())
                .set("indicator", indicator).set("age_group", ageGroup).set("period", year.toString())
                .set("observed", sc.observed().get(year)).set("counterfactual", sc.synthetic().get(year)).set("gap", gap)
                .set("post_period", year >= firstPost).set("synthetic", synthetic).build()));
        List<Row> costs = new ArrayList<>();
        if (cost != null) {
            series.tailMap(firstPost).forEach((year, p) -> {
                if (r.rateRatio() != null) {
                    costs.add(cost(treated, indicator, ageGroup, "its", year, CostOffset.fromRateRatio(r.rateRatio(), r.lower(),
                            r.upper(), p.count(), cost.euros()), cost, "observed count " + p.count() + " × (1/RR − 1)",
                            itsWarnings, synthetic));
                }
                if (d.att() != null) {
                    costs.add(cost(treated, indicator, ageGroup, "did", year, CostOffset.fromRateDifference(d.att(), d.lower(),
                            d.upper(), p.population(), cost.euros()), cost, "−ATT per 1 000 × population " + p.population()
                            + " / 1 000", didWarnings, synthetic));
                }
                if (sc.estimate() != null) {
                    costs.add(cost(treated, indicator, ageGroup, "synthetic_control", year, CostOffset.fromRateDifference(
                            sc.estimate(), sc.lower(), sc.upper(), p.population(), cost.euros()), cost,
                            "−mean gap per 1 000 × population " + p.population() + " / 1 000", scWarnings, synthetic));
                }
            });
        }
        return new Output(rows, weights, paths, costs, new ArrayList<>());
    }

    /** The MDE of a reduction from placebo values, or none with fewer than 19 of them (p could not reach 0.05). */
    private static Mde rankMde(List<Double> placebos, double preLevel, String method) {
        if (placebos.isEmpty()) {
            return Mde.NONE;
        }
        OptionalDouble d = MinimumDetectableEffect.ofReduction(placebos.stream().mapToDouble(Double::doubleValue).toArray(),
                MinimumDetectableEffect.ALPHA, MinimumDetectableEffect.POWER);
        if (d.isEmpty()) {
            return new Mde(null, null, method + ": none, " + placebos.size() + " placebos cannot give p <= 0.05");
        }
        return new Mde(d.getAsDouble(), Double.isFinite(preLevel) && preLevel > 0 ? 100 * d.getAsDouble() / preLevel : null, method);
    }

    /** The TWFE row is a diagnostic only ({@code not_assessable}); the others by {@link EvidenceGrade}'s rules. */
    private static String grade(EvidenceGrade.Evidence e) {
        return EvidenceGrade.of(e).code();
    }

    private static String synthDiagnostics(RegionSynth.Result sc) {
        if (sc.estimate() == null) {
            return null;
        }
        String donors = sc.weights().entrySet().stream().limit(3)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "pre-period RMSPE %.3g, post-period RMSPE %.3g; largest donor weights: %s",
                sc.preRmspe(), sc.postRmspe(), donors);
    }

    private static Row cost(RunConfig.TreatedRegion treated, String indicator, String ageGroup, String method, int year,
                            CostOffset c, RunConfig.UnitCost cost, String basis, List<String> warnings, boolean synthetic) {
        List<String> all = new ArrayList<>(warnings);
        all.add(Caveat.COST_INTERVAL.code());
        return new RowBuilder(COSTS).set("region", treated.region()).set("indicator", indicator).set("age_group", ageGroup)
                .set("method", method).set("period", Integer.toString(year)).set("events_avoided", c.avoided())
                .set("events_avoided_lower", c.avoidedLower()).set("events_avoided_upper", c.avoidedUpper())
                .set("unit_cost_eur", cost.euros()).set("unit_cost_source", cost.source().text())
                .set("cost_offset_eur", c.costEuros()).set("cost_offset_lower_eur", c.costLowerEuros())
                .set("cost_offset_upper_eur", c.costUpperEuros()).set("basis", basis)
                .set("warnings", String.join("; ", all)).set("synthetic", synthetic).build();
    }

    private static Row row(RunConfig.TreatedRegion treated, String indicator, String ageGroup, String method, Double estimate,
                           String scale, Double se, Double lower, Double upper, Double p, String inference, int pre, int post,
                           int firstPost, Integer transition, int comparisons, String diagnostics, String crossed,
                           List<String> warnings, boolean synthetic, Double floor, double preLevel, Mde mde, String grade) {
        List<String> all = new ArrayList<>(warnings);
        // The code carries the dates only (labels are user text, in breaks_crossed): "2023-01-01 label; …" → 2023-01-01/….
        String breakDates = java.util.regex.Pattern.compile("(?:^|; )(\\d{4}-\\d{2}-\\d{2}) ").matcher(crossed).results()
                .map(match -> match.group(1)).collect(Collectors.joining("/"));
        if (!breakDates.isEmpty()) {
            all.add(Caveat.STRUCTURAL_BREAK.with(breakDates));
        }
        return new RowBuilder(SCHEMA).set("region", treated.region()).set("indicator", indicator).set("age_group", ageGroup)
                .set("method", method).set("estimate", estimate).set("scale", scale).set("se", se).set("ci_lower", lower)
                .set("ci_upper", upper).set("p_value", p).set("evidence_grade", grade).set("inference", inference)
                .set("project_start", treated.start())
                .set("pre_periods", pre).set("post_periods", post).set("first_post_period", Integer.toString(firstPost))
                .set("transition_period", transition == null ? null : transition.toString()).set("comparison_regions", comparisons)
                .set("diagnostics", diagnostics).set("breaks_crossed", crossed.isEmpty() ? null : crossed)
                .set("dispersion_floor", floor).set("pre_level", Double.isFinite(preLevel) ? preLevel : null)
                .set("mde_per_1000", mde.per1000()).set("mde_percent", mde.percent()).set("mde_method", mde.method())
                .set("warnings", String.join("; ", all)).set("synthetic", synthetic).build();
    }
}
