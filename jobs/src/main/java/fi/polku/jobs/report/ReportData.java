package fi.polku.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fi.polku.contract.ChangeTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.disclosure.PooledDisclosure;
import fi.polku.jobs.pipeline.SmallTables;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.contract.Tables;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.spark.Concurrently;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * What the report shows, gathered from the run's tables: the outcome, effect (region and project) and indicator tables as they are
 * (small), and three aggregates made on Spark — mean ORS by session, SRS alliance flags, 3X10D domain change —
 * each with its n, so the pages can refuse to show anything resting on fewer than {@code min_cell} cases; and the
 * reliabilities behind reliable change with the whole-period shares under each ({@link ReliabilitySection}); the
 * cost offset ({@link CostSection}), the input rows accepted and rejected by file, county and reason ({@link InputRows}) and the
 * episodes on and off track ({@link TrackSection}).
 */
record ReportData(List<Row> outcomes, List<Row> pooled, List<Row> indicators, List<Row> effects, List<Row> rates,
                  List<Row> paths, List<Row> etr, List<Row> sessionMeans, List<Row> alliance, List<Row> domains,
                  List<Row> meetings, List<Row> reliability, List<Row> sensitivity, List<Row> project, List<Row> costs,
                  List<Row> quality, List<Row> track) {
    /** The indicators drawn as rate charts on the region pages, 13–17-year-olds. */
    static final List<String> CHARTED = List.of("emergency_placements", "placed_outside_home");
    static final String AGE = "13-17";

    /**
     * The same data with the outcome rows replaced (by their disclosure-controlled version), and only the pooled rows
     * whose every region's effect size they show ({@code PooledDisclosure}).
     */
    ReportData withOutcomes(List<Row> protectedOutcomes) {
        return new ReportData(protectedOutcomes, PooledDisclosure.shown(pooled, protectedOutcomes), indicators, effects, rates, paths, etr, sessionMeans, alliance, domains, meetings,
                reliability, sensitivity, project, costs, quality, track);
    }

    /** The same data with the project indicators under disclosure control ({@code IndicatorDisclosure}). */
    ReportData withIndicators(List<Row> protectedIndicators) {
        return new ReportData(outcomes, pooled, protectedIndicators, effects, rates, paths, etr, sessionMeans, alliance, domains, meetings,
                reliability, sensitivity, project, costs, quality, track);
    }

    /** The same data with the county rates under disclosure control ({@code RateDisclosure}): hidden rates left out. */
    ReportData withRates(List<Row> protectedRates) {
        return new ReportData(outcomes, pooled, indicators, effects, protectedRates, paths, etr, sessionMeans, alliance, domains, meetings,
                reliability, sensitivity, project, costs, quality, track);
    }

    /**
     * The same data without the effect estimates (region and project effects, synthetic paths, cost offset) of an
     * indicator and age group with a hidden county count: they are linear in every county's rates
     * ({@link fi.polku.jobs.disclosure.RateDisclosure#withholdsEstimates}).
     */
    ReportData withoutEstimatesOver(fi.polku.jobs.disclosure.RateDisclosure control) {
        java.util.function.Function<List<Row>, List<Row>> shown = rows -> rows.stream()
                .filter(r -> !control.withholdsEstimates(r.getAs("indicator"), r.getAs("age_group"))).toList();
        return new ReportData(outcomes, pooled, indicators, shown.apply(effects), rates, shown.apply(paths), etr, sessionMeans, alliance,
                domains, meetings, reliability, sensitivity, shown.apply(project), shown.apply(costs), quality, track);
    }

    static ReportData collect(StageRun run) {
        Set<String> outcome = Set.of("ORS", "CORS", "YCORS");
        Dataset<Row> sessionMeans = run.read(Tables.SESSIONS)
                .filter(col("instrument").isin(outcome.toArray()).and(col("skipped").equalTo(false)).and(col("total").isNotNull()))
                .groupBy("region", "instrument", "respondent", "arm", "session_no")
                // n counts clients, the unit of the disclosure rule and of the chart's n: a client with two episodes counts once.
                .agg(countDistinct(col("case_id")).as("n"), avg("total").as("mean"))
                .orderBy("region", "instrument", "respondent", "arm", "session_no");
        Dataset<Row> alliance = run.read(Tables.TRAJECTORIES)
                .filter(col("instrument").isin(outcome.toArray()).and(col("alliance_sessions").gt(0)))
                .groupBy("region", "respondent", "arm")
                .agg(count("*").as("n"), sum(when(col("alliance_below_cutoff"), 1).otherwise(0)).as("below"),
                        sum(when(col("alliance_drop"), 1).otherwise(0)).as("dropped"), avg("alliance_mean").as("mean"))
                .orderBy("region", "respondent", "arm");
        Dataset<Row> domains = run.read(Tables.DOMAIN_CHANGE).filter(col("change").isNotNull())
                .groupBy("region", "arm", "domain", "domain_name")
                .agg(count("*").as("n"), avg("first_rating").as("first"), avg("last_rating").as("last"),
                        avg("change").as("change"), sum(when(col("change").gt(0), 1).otherwise(0)).as("better"),
                        sum(when(col("change").lt(0), 1).otherwise(0)).as("worse"))
                .orderBy("region", "arm", "domain");
        // Meetings held (any instrument filled or skipped), per region and arm: one per episode and date.
        Dataset<Row> meetings = run.read(Tables.SESSIONS)
                .groupBy("region", "arm").agg(countDistinct(col("case_id"), col("episode_id"), col("session_date")).as("meetings"),
                        countDistinct(col("case_id")).as("clients"))
                .orderBy("region", "arm");
        // The small result tables are read on the driver and queried with Tablesaw (SmallTables); the four aggregates
        // above and the input and track counts grow with the data and stay Spark jobs. Both kinds run side by side.
        List<Callable<List<Row>>> queries = List.of(
                () -> SmallTables.query(run, OutcomeTables.REGION_OUTCOMES, "region", "instrument", "respondent", "arm", "period"),
                () -> SmallTables.query(run, OutcomeTables.POOLED_EFFECTS, "instrument", "respondent", "arm", "method"),
                () -> SmallTables.query(run, OutcomeTables.PROJECT_INDICATORS, "region", "period"),
                () -> SmallTables.query(run, Tables.REGION_EFFECTS, "region", "indicator", "age_group", "method"),
                () -> SmallTables.query(run, Tables.REGION_RATES, ReportData::chartedRates, "indicator", "region", "year"),
                () -> SmallTables.query(run, Tables.SYNTHETIC_PATHS, t -> t.stringColumn("age_group").isEqualTo(AGE),
                        "region", "indicator", "period"),
                () -> SmallTables.query(run, Tables.ETR_CURVES, t -> t.booleanColumn("enough_data").isTrue(),
                        "instrument", "rater", "intake_band", "session_no"),
                sessionMeans::collectAsList, alliance::collectAsList, domains::collectAsList, meetings::collectAsList,
                () -> SmallTables.query(run, ChangeTables.CHANGE_RELIABILITY, "instrument", "age_band", "reliability_source"),
                () -> SmallTables.query(run, ChangeTables.CHANGE_SENSITIVITY,
                        t -> t.stringColumn("period").isEqualTo(ReportingPeriod.ALL_PERIODS),
                        "region", "instrument", "respondent", "arm", "reliability_source"),
                () -> SmallTables.query(run, Tables.PROJECT_EFFECTS, "indicator", "age_group", "method", "relative_period"),
                () -> SmallTables.query(run, Tables.COST_OFFSET, "region", "indicator", "age_group", "method", "period"),
                InputRows.collect(run)::collectAsList, TrackSection.counts(run.read(Tables.TRAJECTORIES))::collectAsList);
        List<List<Row>> r = Concurrently.run(queries);
        return new ReportData(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8), r.get(9),
                r.get(10), r.get(11), r.get(12), r.get(13), r.get(14), r.get(15), r.get(16));
    }

    /** The county rates the region pages chart: whole years, 13–17-year-olds, the charted indicators, with a rate. */
    private static Selection chartedRates(Table rates) {
        return rates.intColumn("month").isMissing().and(rates.stringColumn("age_group").isEqualTo(AGE))
                .and(rates.stringColumn("indicator").isIn(CHARTED))
                .and(rates.stringColumn("region").eval(r -> r.length() <= 2)) // counties only: municipal rows have three-digit codes
                .and(rates.doubleColumn("rate_per_1000").isNotMissing());
    }
}
