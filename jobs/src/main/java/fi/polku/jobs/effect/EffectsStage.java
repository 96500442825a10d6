package fi.polku.jobs.effect;

import static org.apache.spark.sql.functions.col;

import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.contract.VariationTables;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.region.AreaLevel;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.spark.Concurrently;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The effects stage: {@code region_statistics} (+ {@code populations}) → {@code region_rates} for every row,
 * {@code region_effects} for every configured project region × indicator × age group (from county rows, or
 * county sums of municipal rows), {@code project_effects} for the project regions together per indicator ×
 * age group, and the regional-variation tables (funnel points, outliers and limits, variation by year and its
 * trend) at the configured levels. Rates are computed
 * on Spark; the estimates need every region's yearly series at once and are small, so they run on the driver
 * from the collected yearly rates.
 */
public final class EffectsStage implements Stage {
    @Override
    public String name() {
        return "effects";
    }

    @Override
    public String description() {
        return "Regional rates with exact intervals; per project region ITS, DiD and synthetic-control estimates with their caveats; the project regions together with randomisation inference and the detectable effect; and the cost offset.";
    }

    @Override
    public List<String> produces() {
        return Tables.effectsOutputs().stream().map(TableSchema::name).collect(Collectors.toList());
    }

    @Override
    public void run(StageRun run) {
        Dataset<Row> statistics = run.read(Tables.REGION_STATISTICS);
        Dataset<Row> populations = run.read(Tables.POPULATIONS)
                .select(col("region"), col("year"), col("age_group"), col("population").as("joined_population"));
        Dataset<Row> rates = statistics.join(populations,
                        statistics.col("region").equalTo(populations.col("region"))
                                .and(statistics.col("year").equalTo(populations.col("year")))
                                .and(statistics.col("age_group").equalTo(populations.col("age_group"))), "left")
                .select(statistics.col("*"), populations.col("joined_population"))
                .map((MapFunction<Row, Row>) RateRows::of, Encoders.row(RateRows.SCHEMA));
        long statisticsRows = statistics.count();
        run.write(Tables.REGION_RATES, rates, statisticsRows, List.of("region", "indicator", "age_group", "period"));

        RunConfig config = run.config();
        List<AreaObservation> observations = observations(run);
        try (Concurrently pieces = new Concurrently()) {
            // The funnels and variation series need only the observations (one core's work): computed on a second
            // driver thread beside the effect estimates.
            Supplier<VariationEstimates.Output> variationOf = pieces.submit(() -> VariationEstimates.of(observations,
                    config.variation(), config.outcomes().seed(), config.breaks(), ReferenceData.bundled().municipalities()));
            estimateAndWrite(run, config, observations, variationOf, statisticsRows);
        }
    }

    private static void estimateAndWrite(StageRun run, RunConfig config, List<AreaObservation> observations,
                                         Supplier<VariationEstimates.Output> variationOf, long statisticsRows) {
        RegionEstimates.Output out = RegionEstimates.Output.empty();
        if (config.regions().isEmpty()) {
            run.warn("no project regions in the config (key regions): no region effects estimated");
        } else {
            out = estimate(config, observations.stream().filter(o -> o.level() == AreaLevel.COUNTY).toList());
        }
        if (!config.regions().isEmpty() && config.unitCosts().isEmpty()) {
            run.warn("no unit costs in the config (key unit_costs): no cost offset computed");
        }
        List<Row> effects = out.effects();
        run.write(List.of(
                new StageRun.Output(Tables.REGION_EFFECTS, run.spark().createDataFrame(effects, RegionEstimates.SCHEMA),
                        effects.size(), List.of("region", "indicator", "age_group", "method")),
                new StageRun.Output(Tables.PROJECT_EFFECTS, run.spark().createDataFrame(out.project(), ProjectEstimates.SCHEMA),
                        out.project().size(), List.of("indicator", "age_group", "method", "relative_period")),
                new StageRun.Output(Tables.SYNTHETIC_WEIGHTS, run.spark().createDataFrame(out.weights(), RegionEstimates.WEIGHTS),
                        out.weights().size(), List.of("region", "indicator", "age_group", "donor")),
                new StageRun.Output(Tables.SYNTHETIC_PATHS, run.spark().createDataFrame(out.paths(), RegionEstimates.PATHS),
                        out.paths().size(), List.of("region", "indicator", "age_group", "period")),
                new StageRun.Output(Tables.COST_OFFSET, run.spark().createDataFrame(out.costs(), RegionEstimates.COSTS),
                        out.costs().size(), List.of("region", "indicator", "age_group", "method", "period"))));
        VariationEstimates.Output variation = variationOf.get();
        List<String> key = List.of("level", "scope", "parent_region", "indicator", "age_group");
        run.write(List.of(
                output(run, VariationTables.FUNNEL_POINTS, variation.points(), VariationEstimates.POINTS, key, "year", "region"),
                output(run, VariationTables.FUNNEL_OUTLIERS, variation.outliers(), VariationEstimates.POINTS, key, "year", "region"),
                output(run, VariationTables.FUNNEL_LIMITS, variation.limits(), VariationEstimates.LIMITS, key, "year", "population"),
                output(run, VariationTables.VARIATION_BY_YEAR, variation.years(), VariationEstimates.BY_YEAR, key, "year", "measure"),
                output(run, VariationTables.VARIATION_TREND, variation.trends(), VariationEstimates.TREND, key, "measure")));
        run.detail(String.format(Locale.ROOT, "%,d rates; %,d estimates for %d project region(s); %,d project-level rows;"
                + " %,d funnel points (%,d outside 95 %%), %,d variation trends", statisticsRows, effects.size(),
                config.regions().size(), out.project().size(), variation.points().size(), variation.outliers().size(),
                variation.trends().size()));
        run.summarise(statisticsRows, statisticsRows + effects.size(), 0);
    }

    private static StageRun.Output output(StageRun run, fi.polku.contract.TableSchema table, List<Row> rows,
                                          org.apache.spark.sql.types.StructType schema, List<String> key, String... more) {
        List<String> order = new ArrayList<>(key);
        order.addAll(List.of(more));
        return new StageRun.Output(table, run.spark().createDataFrame(rows, schema), rows.size(), order);
    }

    /**
     * Yearly rows with a rate, and, for indicator × age group panels that came only at municipality level, the county
     * figures summed from their municipalities (a warning names what could not be placed).
     */
    private static List<AreaObservation> observations(StageRun run) {
        List<AreaObservation> all = new ArrayList<>();
        for (Row r : run.read(Tables.REGION_RATES).filter(col("month").isNull().and(col("rate_per_1000").isNotNull()))
                .collectAsList()) {
            all.add(new AreaObservation(r.getAs("region"), r.getAs("indicator"), r.getAs("age_group"), r.<Integer>getAs("year"),
                    r.<Long>getAs("count"), r.<Long>getAs("population"), r.<Double>getAs("rate_per_1000"), r.<Boolean>getAs("synthetic")));
        }
        Map<String, Long> skipped = new TreeMap<>();
        List<AreaObservation> counties = AreaObservation.countiesFromMunicipalities(all, ReferenceData.bundled().municipalities(),
                skipped);
        if (!counties.isEmpty()) {
            run.warn(String.format(Locale.ROOT, "%,d county-year figures summed from municipal rows (no county rows for"
                    + " those indicators): a municipality without a published count is missing from its county's sum", counties.size()));
        }
        skipped.forEach((why, n) -> run.warn(n + " municipal row(s) not summed into a county: " + why));
        all.addAll(counties);
        return all;
    }

    private static RegionEstimates.Output estimate(RunConfig config, List<AreaObservation> counties) {
        // indicator × age group → region → year → point, from yearly rows with a rate.
        Map<String, Map<String, TreeMap<Integer, RegionEstimates.Point>>> panels = new TreeMap<>();
        for (AreaObservation o : counties) {
            String key = o.indicator() + "\u0000" + o.ageGroup();
            panels.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(o.region(), k -> new TreeMap<>())
                    .put(o.year(), new RegionEstimates.Point(o.count(), o.population(), o.ratePer1000(), o.synthetic()));
        }
        Set<String> treated = config.regions().stream().map(RunConfig.TreatedRegion::region).collect(Collectors.toSet());
        Map<String, RunConfig.UnitCost> costs = new HashMap<>();
        config.unitCosts().forEach(c -> costs.put(c.indicator(), c));
        RegionEstimates.Output all = RegionEstimates.Output.empty();
        List<Callable<List<Row>>> projects = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeMap<Integer, RegionEstimates.Point>>> panel : panels.entrySet()) {
            String[] key = panel.getKey().split("\u0000");
            List<String> comparison = new ArrayList<>(config.comparison().isEmpty()
                    ? new LinkedHashSet<>(new TreeMap<>(panel.getValue()).keySet()) : config.comparison());
            comparison.removeAll(treated);
            List<Row> regionRows = new ArrayList<>();
            for (RunConfig.TreatedRegion region : config.regions()) {
                if (panel.getValue().containsKey(region.region())) {
                    RegionEstimates.Output one = RegionEstimates.of(region, key[0], key[1], panel.getValue(), comparison,
                            config.breaks(), costs.get(key[0]), config.effects());
                    all.addAll(one);
                    regionRows.addAll(one.effects());
                }
            }
            // The randomisation refits thousands of assignments per panel: panels run on a few driver threads.
            projects.add(() -> ProjectEstimates.of(key[0], key[1], panel.getValue(), config.regions(), comparison,
                    config.effects(), config.outcomes().seed(), regionRows));
        }
        Concurrently.run(projects).forEach(all.project()::addAll);
        return all;
    }
}
