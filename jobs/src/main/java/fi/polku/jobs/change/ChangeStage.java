package fi.polku.jobs.change;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import fi.polku.change.ChangeHistogram;
import fi.polku.change.ChangeSettings;
import fi.polku.change.CronbachAlpha;
import fi.polku.change.SampleAlphas;
import fi.polku.contract.ChangeTables;
import fi.polku.contract.Instrument;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.change.ExpectedResponse;
import fi.polku.change.PrePostMoments;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.Columns;
import fi.polku.jobs.spark.Concurrently;
import fi.polku.jobs.spark.KeyedRuns;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The change stage: {@code sessions} → {@code trajectories} and {@code etr_curves}; {@code life_situation} →
 * {@code domain_change}. Per-episode work is engine code called from Spark groups; the sample norms and the
 * curves are engine accumulators merged by Spark, exact whatever the partitioning or row order.
 */
public final class ChangeStage implements Stage {
    @Override
    public String name() {
        return "change";
    }

    @Override
    public String description() {
        return "Trajectories with reliable and clinically significant change, the local expected response, 3X10D domain change, the growth models' per-episode sums.";
    }

    @Override
    public List<String> produces() {
        return Tables.changeOutputs().stream().map(TableSchema::name).collect(Collectors.toList());
    }

    @Override
    public void run(StageRun run) {
        ChangeSettings settings = run.config().change();
        ReferenceData reference = ReferenceData.bundled();
        Dataset<Row> sessions = run.read(Tables.SESSIONS);
        Dataset<Row> bases = KeyedRuns.flatMap(sessions.select(Columns.named(SeriesRows.INPUT)), SeriesRows.GROUP,
                        group -> SeriesRows.of(group.iterator(), reference.parameters()), Encoders.row(SeriesRows.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());

        try (Concurrently pieces = new Concurrently()) {
            Supplier<Map<String, PrePostMoments>> normsOf = pieces.submit(() -> norms(bases));
            Supplier<Map<String, CronbachAlpha.Estimate>> alphasOf = pieces.submit(() -> alphas(outcomeBases(bases)));
            Supplier<List<Tuple2<String, ChangeHistogram>>> histograms = pieces.submit(() -> histograms(bases));
            Supplier<Boolean> synthetic = pieces.submit(() -> !sessions.filter(col("synthetic")).isEmpty());
            Supplier<Long> trajectoryCount = pieces.submit(bases::count);
            Dataset<Row> growth = growthMoments(bases);
            Supplier<Long> growthCount = pieces.submit(growth::count);
            Supplier<Long> sessionCount = pieces.submit(sessions::count);
            Supplier<Domains> domains = pieces.submit(() -> domains(run, reference, settings));

            Map<String, PrePostMoments> norms = normsOf.get();
            Map<String, CronbachAlpha.Estimate> alphaByKey = alphasOf.get();
            SampleAlphas alphas = SampleAlphas.of(alphaByKey);
            Map<String, ExpectedResponse.Point> curve = new HashMap<>();
            List<Row> curveRows = new ArrayList<>();
            RowBuilder cb = new RowBuilder(SparkSchemas.of(Tables.ETR_CURVES));
            for (Tuple2<String, ChangeHistogram> t : histograms.get()) {
                String[] key = t._1().split("\u0000");
                ExpectedResponse.Point p = ExpectedResponse.Point.of(key[2], Integer.parseInt(key[3]), t._2());
                curve.put(t._1(), p);
                curveRows.add(cb.clear().set("instrument", key[0]).set("rater", key[1]).set("intake_band", p.band())
                        .set("session_no", p.sessionNo()).set("n", p.n()).set("p10", p.p10()).set("p25", p.p25())
                        .set("p50", p.p50()).set("p75", p.p75()).set("p90", p.p90())
                        .set("enough_data", p.n() >= ExpectedResponse.MIN_N)
                        .set("method", "local: percentiles (type 7) of change since intake, by intake band and session; "
                                + "sessions past " + ExpectedResponse.LAST_SESSION + " pooled; curve points under n "
                                + ExpectedResponse.MIN_N + " are not used")
                        .set("label", "local").set("fitted_on", run.config().asOf()).set("synthetic", synthetic.get()).build());
            }
            Dataset<Row> trajectories = bases.select(Columns.named(List.of(Assessed.SCHEMA.fieldNames()))).mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                return assessEach(rows, new Assessed(reference.parameters(), settings, norms, alphas, curve));
            }, Encoders.row(Assessed.SCHEMA));
            List<Row> reliabilityRows = ReliabilityRows.of(alphaByKey.keySet(), reference.parameters(), settings, norms,
                    alphas, synthetic.get());
            ReportingPeriod periods = run.config().outcomes().periods();
            List<Row> sensitivityRows = SensitivityRows.rows(outcomeBases(bases).select(Columns.named(SensitivityRows.INPUT))
                    .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> SensitivityRows.count(rows, reference.parameters(),
                            settings, norms, alphas, periods), Encoders.row(SensitivityRows.PARTIAL))
                    .groupBy("key").agg(sum("episodes").as("episodes"), sum("assessed").as("assessed"), sum("c0").as("c0"),
                            sum("c1").as("c1"), sum("c2").as("c2"), sum("c3").as("c3"), sum("c4").as("c4"),
                            max("synthetic").as("synthetic"))
                    .collectAsList(), reliabilityRows, settings, run.config().outcomes().minCell());
            for (Row r : reliabilityRows) {
                if (ReliabilityRows.get(r, "warning") != null && "sample_alpha".equals(ReliabilityRows.get(r, "reliability_source"))) {
                    run.warn("sample_alpha of " + ReliabilityRows.get(r, "instrument") + " " + ReliabilityRows.get(r, "age_band")
                            + ": " + ReliabilityRows.get(r, "warning"));
                }
            }
            Domains domain = domains.get();
            run.write(List.of(
                    new StageRun.Output(Tables.TRAJECTORIES, trajectories, trajectoryCount.get(),
                            List.of("case_id", "episode_id", "respondent", "instrument")),
                    new StageRun.Output(Tables.ETR_CURVES, run.spark().createDataFrame(curveRows, SparkSchemas.of(Tables.ETR_CURVES)),
                            curveRows.size(), List.of("instrument", "rater", "intake_band", "session_no")),
                    new StageRun.Output(Tables.DOMAIN_CHANGE, domain.rows(), domain.count(),
                            List.of("case_id", "episode_id", "respondent", "domain")),
                    new StageRun.Output(ChangeTables.CHANGE_RELIABILITY,
                            run.spark().createDataFrame(reliabilityRows, ReliabilityRows.SCHEMA), reliabilityRows.size(),
                            List.of("instrument", "age_band", "reliability_source")),
                    new StageRun.Output(ChangeTables.CHANGE_SENSITIVITY,
                            run.spark().createDataFrame(sensitivityRows, SensitivityRows.SCHEMA), sensitivityRows.size(),
                            List.of("region", "instrument", "respondent", "arm", "period", "reliability_source")),
                    new StageRun.Output(ChangeTables.GROWTH_MOMENTS, growth, growthCount.get(),
                            List.of("case_id", "episode_id", "respondent", "instrument"))));
            run.detail(String.format(java.util.Locale.ROOT, "%,d trajectories (%,d outcome series with two or more measured sessions),"
                    + " %,d expected-response points, %,d domain rows; RCI %s with %s, SD from %s",
                    trajectoryCount.get(), norms.values().stream().mapToLong(PrePostMoments::count).sum(), curveRows.size(),
                    domain.count(), settings.method(), settings.reliability().code()
                    + (settings.fallback() == null ? "" : " (fallback " + settings.fallback().code() + ")"),
                    settings.sdSource().code()));
            run.summarise(sessionCount.get(), trajectoryCount.get() + curveRows.size() + domain.count(), 0);
            domain.persisted().unpersist();
        }
        bases.unpersist();
    }

    /**
     * The assessed rows, one per row in, made as they are read: a partition of a big run holds millions of
     * trajectories (listing them ran the 100 M run out of heap). Static, so the task does not capture the stage.
     */
    private static Iterator<Row> assessEach(Iterator<Row> rows, Assessed assessed) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return assessed.assess(rows.next());
            }
        };
    }

    /**
     * The growth models' per-series sums ({@link ChangeTables#GROWTH_MOMENTS}) of the outcome series with a
     * measured session, as {@link SeriesRows} took them in its pass over each series' sorted sessions.
     */
    private static Dataset<Row> growthMoments(Dataset<Row> bases) {
        List<Column> columns = new ArrayList<>();
        for (fi.polku.contract.Column c : ChangeTables.GROWTH_MOMENTS.columns()) {
            columns.add(SeriesRows.GROWTH_COLUMNS.contains(c) ? col(SeriesRows.GROWTH + c.name()).as(c.name()) : col(c.name()));
        }
        return bases.filter(col(SeriesRows.GROWTH + "observations").isNotNull())
                .select(columns.toArray(new Column[0]));
    }

    /** Sample norms of the complete outcome series, by instrument and age band. */
    private static Map<String, PrePostMoments> norms(Dataset<Row> bases) {
        Map<String, PrePostMoments> norms = new HashMap<>();
        for (Tuple2<String, PrePostMoments> t : bases.filter(col("change").isNotNull())
                .select("instrument", "age_band", "intake_score", "latest_score")
                .groupByKey((MapFunction<Row, String>) r -> Assessed.normKey(r.getAs("instrument"), r.getAs("age_band")), Encoders.STRING())
                .agg(moments("intake_score", "latest_score").toColumn()).collectAsList()) {
            norms.put(t._1(), t._2());
        }
        return norms;
    }

    /** The outcome instruments' trajectory rows (alliance series have no reliable change). */
    private static Dataset<Row> outcomeBases(Dataset<Row> bases) {
        return bases.filter(col("instrument").isin(Instrument.codes(Instrument.Kind.OUTCOME).toArray()));
    }

    /**
     * The sample's Cronbach's α (95 % Feldt interval) of the intake items, by instrument and age band: every
     * outcome instrument and age band of the run has an entry, n = 0 when no intake had all four items.
     */
    private static Map<String, CronbachAlpha.Estimate> alphas(Dataset<Row> outcomeBases) {
        Map<String, CronbachAlpha.Estimate> alphas = new java.util.TreeMap<>();
        List<String> read = new ArrayList<>(List.of("instrument", "age_band"));
        for (int i = 1; i <= SeriesRows.ITEMS; i++) {
            read.add(SeriesRows.INTAKE_ITEM + i);
        }
        for (Tuple2<String, CronbachAlpha> t : outcomeBases.select(Columns.named(read))
                .groupByKey((MapFunction<Row, String>) r -> SampleAlphas.key(r.getAs("instrument"), r.getAs("age_band")),
                        Encoders.STRING())
                .agg(new EngineAggregator<>(CronbachAlpha.class, () -> CronbachAlpha.create(SeriesRows.ITEMS), (a, r) -> {
                    if (r.isNullAt(r.fieldIndex(SeriesRows.INTAKE_ITEM + 1))) {
                        return a;
                    }
                    double[] items = new double[SeriesRows.ITEMS];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = r.<Double>getAs(SeriesRows.INTAKE_ITEM + (i + 1));
                    }
                    return a.accept(items);
                }, CronbachAlpha::combine).toColumn()).collectAsList()) {
            alphas.put(t._1(), t._2().estimate(0.95));
        }
        return alphas;
    }

    /**
     * Change since intake by instrument, rater, intake band and session: the expected-response curve's data, one
     * row per element of the trajectories' observation arrays.
     */
    private static List<Tuple2<String, ChangeHistogram>> histograms(Dataset<Row> bases) {
        return bases.filter(col(SeriesRows.OBS_SESSIONS).isNotNull())
                .select(col("instrument"), col("respondent"), col("intake_band"),
                        explode(arrays_zip(col(SeriesRows.OBS_SESSIONS), col(SeriesRows.OBS_CHANGES))).as("obs"))
                .select(col("instrument"), col("respondent"), col("intake_band"),
                        col("obs." + SeriesRows.OBS_SESSIONS).as("obs_session"), col("obs." + SeriesRows.OBS_CHANGES).as("obs_change"))
                .groupByKey((MapFunction<Row, String>) r -> Assessed.curveKey(r.getAs("instrument"),
                        SeriesRows.rater(r.getAs("respondent")), r.getAs("intake_band"), r.<Integer>getAs("obs_session")),
                        Encoders.STRING())
                .agg(new EngineAggregator<>(ChangeHistogram.class, ChangeHistogram::create,
                        (h, r) -> h.accept(r.<Double>getAs("obs_change")), ChangeHistogram::combine).toColumn()).collectAsList();
    }

    /** The 3X10D domain rows to write, their count, and the persisted frame to release after writing. */
    private record Domains(Dataset<Row> rows, long count, Dataset<Row> persisted) {
    }

    private static Domains domains(StageRun run, ReferenceData reference, ChangeSettings settings) {
        Dataset<Row> domains = KeyedRuns.flatMap(run.read(Tables.LIFE_SITUATION).select(Columns.named(DomainRows.INPUT)),
                        SeriesRows.GROUP, group -> DomainRows.of(group.iterator(), reference.parameters()),
                        Encoders.row(DomainRows.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Double reliability = run.config().lifeSituationReliability();
        Dataset<Row> assessed = domains;
        if (reliability != null) {
            Map<Integer, PrePostMoments> norms = new HashMap<>();
            for (Tuple2<Integer, PrePostMoments> t : domains.filter(col("change").isNotNull())
                    .groupByKey((MapFunction<Row, Integer>) r -> r.<Integer>getAs("domain"), Encoders.INT())
                    .agg(moments("first_rating", "last_rating").toColumn()).collectAsList()) {
                norms.put(t._1(), t._2());
            }
            int minCases = settings.minSampleCases();
            var direction = reference.parameters().direction("3X10D");
            assessed = domains.map((MapFunction<Row, Row>) r -> DomainRows.assess(r, reliability, norms, minCases, direction),
                    Encoders.row(DomainRows.SCHEMA));
        }
        return new Domains(assessed, domains.count(), domains);
    }

    /** Sample norms of complete cases from two numeric columns. */
    private static EngineAggregator<PrePostMoments> moments(String pre, String post) {
        return new EngineAggregator<>(PrePostMoments.class, PrePostMoments::create,
                (m, r) -> m.accept(((Number) r.getAs(pre)).doubleValue(), ((Number) r.getAs(post)).doubleValue()),
                PrePostMoments::combine);
    }
}
