package fi.polku.jobs.outcome;

import static org.apache.spark.sql.functions.col;

import fi.polku.contract.ChangeTables;
import fi.polku.contract.Instrument;
import fi.polku.contract.OutcomeTables;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.config.OutcomeSettings;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.spark.Concurrently;
import fi.polku.jobs.spark.KeyedRuns;
import fi.polku.outcome.ReportingPeriod;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The outcomes stage: {@code trajectories} (+ {@code growth_moments}) → {@code region_outcomes},
 * {@code growth_models}, {@code pooled_effects} and {@code project_indicators}. Cells are Spark groups whose
 * work is engine code; pooling runs on the driver over the few published whole-period cells.
 */
public final class OutcomesStage implements Stage {
    @Override
    public String name() {
        return "outcomes";
    }

    @Override
    public String description() {
        return "Region outcomes: change, effect sizes and shares with intervals, arm contrast, growth models, pooling, project indicators.";
    }

    @Override
    public List<String> produces() {
        return OutcomeTables.all().stream().map(TableSchema::name).collect(Collectors.toList());
    }

    @Override
    public void run(StageRun run) {
        RunConfig config = run.config();
        OutcomeSettings settings = config.outcomes();
        List<String> outcomeInstruments = Instrument.codes(Instrument.Kind.OUTCOME);
        Dataset<Row> trajectories = run.read(Tables.TRAJECTORIES).filter(col("instrument").isin(outcomeInstruments.toArray()));
        ReportingPeriod periods = settings.periods();
        // Per-cell work fed by Spark SQL's own aggregation: no trajectory travels as a Java object, and a cell's
        // task gets its arms' sums and complete (intake, latest) pairs, not its raw rows.
        Dataset<Row> outcomes = KeyedRuns.flatMap(OutcomeCells.partials(trajectories, periods), OutcomeCells.CELL,
                arms -> OutcomeCells.of(arms, settings), Encoders.row(OutcomeCells.SCHEMA));
        int minCell = settings.minCell();
        // One model per region × instrument × respondent × arm: few rows, collected once. Two levels: the change
        // stage took each episode's sums in its pass over the episode's sessions; a model's task merges those.
        Dataset<Row> growth = GrowthRows.models(run.read(ChangeTables.GROWTH_MOMENTS), minCell);
        List<Row> outcomeRows;
        List<Row> growthRows;
        List<Row> indicators;
        long trajectoryCount;
        try (Concurrently pieces = new Concurrently()) {
            Supplier<List<Row>> cells = pieces.submit(outcomes::collectAsList);
            Supplier<List<Row>> models = pieces.submit(growth::collectAsList);
            Supplier<List<Row>> indicatorRows = pieces.submit(() -> IndicatorRows.of(
                    IndicatorRows.aggregate(trajectories, settings, config.asOf()), settings,
                    !trajectories.filter(col("synthetic")).isEmpty()));
            Supplier<Long> count = pieces.submit(trajectories::count);
            outcomeRows = cells.get();
            growthRows = models.get();
            indicators = indicatorRows.get();
            trajectoryCount = count.get();
        }
        Set<String> projectRegions = config.regions().stream().map(RunConfig.TreatedRegion::region).collect(Collectors.toSet());
        if (projectRegions.isEmpty()) {
            run.warn("no project regions in the config (key regions): nothing pooled");
        }
        List<Row> pooled = PooledRows.of(outcomeRows, projectRegions);
        long growthCount = growthRows.size();
        run.write(List.of(
                new StageRun.Output(OutcomeTables.REGION_OUTCOMES, run.spark().createDataFrame(outcomeRows, OutcomeCells.SCHEMA),
                        outcomeRows.size(), List.of("region", "instrument", "respondent", "arm", "period")),
                new StageRun.Output(OutcomeTables.GROWTH_MODELS, run.spark().createDataFrame(growthRows, GrowthRows.SCHEMA),
                        growthCount, List.of("region", "instrument", "respondent", "arm")),
                new StageRun.Output(OutcomeTables.POOLED_EFFECTS, run.spark().createDataFrame(pooled, PooledRows.SCHEMA),
                        pooled.size(), List.of("instrument", "respondent", "arm", "method")),
                new StageRun.Output(OutcomeTables.PROJECT_INDICATORS, run.spark().createDataFrame(indicators, IndicatorRows.SCHEMA),
                        indicators.size(), List.of("region", "period"))));
        if (settings.targets().isEmpty()) {
            run.warn("no targets in the config (key targets): project indicators are shown without targets");
        }
        long published = outcomeRows.stream().filter(r -> OutcomeCells.OK.equals(r.getAs("status"))).count();
        run.detail(String.format(Locale.ROOT, "%,d outcome cells (%,d with estimates; the rest under min_cell %d or too few"
                + " complete cases), %,d growth models, %,d pooled rows, %,d indicator rows; bootstrap seed %d",
                outcomeRows.size(), published, minCell, growthCount, pooled.size(), indicators.size(), settings.seed()));
        run.summarise(trajectoryCount, outcomeRows.size() + growthCount + pooled.size() + indicators.size(), 0);
    }
}
