package fi.polku.contract;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static fi.polku.contract.ColumnType.BOOLEAN;
import static fi.polku.contract.ColumnType.DATE;
import static fi.polku.contract.ColumnType.DOUBLE;
import static fi.polku.contract.ColumnType.INT32;
import static fi.polku.contract.ColumnType.INT64;
import static fi.polku.contract.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The declared schemas of Polku's output tables. {@code datasets/DATA_DICTIONARY.md} documents each column
 * and a test keeps the two in step.
 */
public final class Tables {
    private Tables() {
    }

    /** Columns every clean table ends with: whether the source was synthetic, and where the row came from. */
    private static final List<Column> PROVENANCE = List.of(
            required("synthetic", BOOLEAN),
            required("source_file", STRING),
            required("source_line", INT64));

    /** Columns that start every per-episode table: who, where, which arm. */
    private static final List<Column> EPISODE = List.of(
            required("case_id", STRING),
            required("episode_id", STRING),
            required("region", STRING),
            required("arm", STRING),
            required("respondent", STRING));

    /** Clean FIT administrations. */
    public static final TableSchema SESSIONS = episodeTable("sessions",
            required("age_band", STRING),
            required("instrument", STRING),
            required("session_date", DATE),
            required("session_no", INT32),
            required("session_no_derived", BOOLEAN),
            optional("item1", DOUBLE),
            optional("item2", DOUBLE),
            optional("item3", DOUBLE),
            optional("item4", DOUBLE),
            optional("total", DOUBLE),
            required("skipped", BOOLEAN));

    /** Clean 3X10D assessments. */
    public static final TableSchema LIFE_SITUATION = episodeTable("life_situation",
            required("version", STRING),
            required("assessment_date", DATE),
            required("round", INT32),
            required("round_derived", BOOLEAN),
            optional("d01", INT32),
            optional("d02", INT32),
            optional("d03", INT32),
            optional("d04", INT32),
            optional("d05", INT32),
            optional("d06", INT32),
            optional("d07", INT32),
            optional("d08", INT32),
            optional("d09", INT32),
            optional("d10", INT32),
            required("domains_answered", INT32));

    /** Clean regional placement and notification statistics. */
    public static final TableSchema REGION_STATISTICS = table("region_statistics",
            required("region", STRING),
            required("period", STRING),
            required("year", INT32),
            optional("month", INT32),
            required("indicator", STRING),
            required("age_group", STRING),
            required("count", INT64),
            optional("population", INT64),
            optional("value", DOUBLE),
            optional("source", STRING));

    /** Clean population denominators. */
    public static final TableSchema POPULATIONS = table("populations",
            required("region", STRING),
            required("year", INT32),
            required("age_group", STRING),
            required("population", INT64),
            optional("source", STRING));

    /** Every rejected input row, with where and why. */
    public static final TableSchema QUARANTINE = new TableSchema("quarantine", List.of(
            required("dataset", STRING),
            required("source_file", STRING),
            required("line", INT64),
            optional("region", STRING),
            optional("column", STRING),
            required("reason_code", STRING),
            required("reason", STRING),
            required("problem_count", INT32),
            optional("raw", STRING)));

    /** One row per episode × respondent × instrument: how the scores moved and whether that is real change. */
    public static final TableSchema TRAJECTORIES = new TableSchema("trajectories", episode(
            required("age_band", STRING),
            required("instrument", STRING),
            required("meetings", INT32),
            required("measured_sessions", INT32),
            required("skipped_share", DOUBLE),
            required("first_date", DATE),
            required("last_date", DATE),
            required("days_in_service", INT32),
            required("single_measurement", BOOLEAN),
            optional("intake_score", DOUBLE),
            optional("latest_score", DOUBLE),
            optional("latest_session_no", INT32),
            optional("change", DOUBLE),
            optional("slope_per_session", DOUBLE),
            optional("slope_per_30_days", DOUBLE),
            optional("clinical_cutoff", DOUBLE),
            optional("intake_clinical", BOOLEAN),
            optional("latest_clinical", BOOLEAN),
            optional("rci", DOUBLE),
            required("rci_method", STRING),
            required("rci_critical", DOUBLE),
            optional("reliability", DOUBLE),
            optional("reliability_source", STRING),
            optional("sd", DOUBLE),
            optional("sd_source", STRING),
            optional("change_category", STRING),
            required("assessment_status", STRING),
            optional("intake_band", STRING),
            required("etr_status", STRING),
            optional("etr_expected_change", DOUBLE),
            optional("alliance_instrument", STRING),
            optional("alliance_sessions", INT32),
            optional("alliance_mean", DOUBLE),
            optional("alliance_last", DOUBLE),
            optional("alliance_below_cutoff", BOOLEAN),
            optional("alliance_drop", BOOLEAN),
            required("synthetic", BOOLEAN)));

    /** One row per episode × respondent × 3X10D domain. */
    public static final TableSchema DOMAIN_CHANGE = new TableSchema("domain_change", episode(
            required("version", STRING),
            required("domain", INT32),
            required("domain_name", STRING),
            required("rounds_answered", INT32),
            optional("first_round", INT32),
            optional("first_rating", INT32),
            optional("last_round", INT32),
            optional("last_rating", INT32),
            optional("change", INT32),
            optional("first_light", STRING),
            optional("last_light", STRING),
            optional("transition", STRING),
            optional("rci", DOUBLE),
            required("rci_status", STRING),
            required("episode_domains_improved", INT32),
            required("episode_domains_worsened", INT32),
            required("synthetic", BOOLEAN)));

    /** The local expected treatment response: change-since-intake percentiles by intake band and session. */
    public static final TableSchema ETR_CURVES = new TableSchema("etr_curves", List.of(
            required("instrument", STRING),
            required("rater", STRING),
            required("intake_band", STRING),
            required("session_no", INT32),
            required("n", INT64),
            required("p10", DOUBLE),
            required("p25", DOUBLE),
            required("p50", DOUBLE),
            required("p75", DOUBLE),
            required("p90", DOUBLE),
            required("enough_data", BOOLEAN),
            required("method", STRING),
            required("label", STRING),
            required("fitted_on", DATE),
            required("synthetic", BOOLEAN)));

    /** Per region × indicator × age group × period: count, population and rate per 1 000 with its exact interval. */
    public static final TableSchema REGION_RATES = new TableSchema("region_rates", List.of(
            required("region", STRING),
            required("indicator", STRING),
            required("age_group", STRING),
            required("period", STRING),
            required("year", INT32),
            optional("month", INT32),
            required("count", INT64),
            optional("population", INT64),
            optional("population_source", STRING),
            optional("rate_per_1000", DOUBLE),
            optional("ci_lower", DOUBLE),
            optional("ci_upper", DOUBLE),
            required("rate_status", STRING),
            required("synthetic", BOOLEAN)));

    /** Per project region × indicator × age group × method: the estimate, its uncertainty and its caveats. */
    public static final TableSchema REGION_EFFECTS = new TableSchema("region_effects", List.of(
            required("region", STRING),
            required("indicator", STRING),
            required("age_group", STRING),
            required("method", STRING),
            optional("estimate", DOUBLE),
            required("scale", STRING),
            optional("se", DOUBLE),
            optional("ci_lower", DOUBLE),
            optional("ci_upper", DOUBLE),
            optional("p_value", DOUBLE),
            required("evidence_grade", STRING),
            required("inference", STRING),
            required("project_start", DATE),
            required("pre_periods", INT32),
            required("post_periods", INT32),
            optional("first_post_period", STRING),
            optional("transition_period", STRING),
            required("comparison_regions", INT32),
            optional("diagnostics", STRING),
            optional("breaks_crossed", STRING),
            optional("dispersion_floor", DOUBLE),
            optional("pre_level", DOUBLE),
            optional("mde_per_1000", DOUBLE),
            optional("mde_percent", DOUBLE),
            optional("mde_method", STRING),
            required("warnings", STRING),
            required("synthetic", BOOLEAN)));

    /**
     * Per indicator × age group × method (× period relative to the start for the event study): the project's
     * regions together, with randomisation inference over assignments of the start dates and the detectable effect.
     */
    public static final TableSchema PROJECT_EFFECTS = new TableSchema("project_effects", List.of(
            required("indicator", STRING),
            required("age_group", STRING),
            required("method", STRING),
            optional("relative_period", INT32),
            optional("estimate", DOUBLE),
            required("scale", STRING),
            optional("se", DOUBLE),
            optional("ci_lower", DOUBLE),
            optional("ci_upper", DOUBLE),
            optional("p_value", DOUBLE),
            required("evidence_grade", STRING),
            required("inference", STRING),
            optional("assignments", INT64),
            optional("assignments_total", INT64),
            optional("assignment_seed", INT64),
            required("project_regions", STRING),
            required("first_post_periods", STRING),
            optional("base_periods", STRING),
            optional("base_earlier", STRING),
            optional("estimate_base_earlier", DOUBLE),
            optional("base_later", STRING),
            optional("estimate_base_later", DOUBLE),
            required("comparison_regions", INT32),
            optional("pre_level", DOUBLE),
            optional("mde_per_1000", DOUBLE),
            optional("mde_percent", DOUBLE),
            optional("mde_method", STRING),
            optional("tau2", DOUBLE),
            optional("i2", DOUBLE),
            optional("heterogeneity_q", DOUBLE),
            optional("heterogeneity_p", DOUBLE),
            optional("diagnostics", STRING),
            required("warnings", STRING),
            required("synthetic", BOOLEAN)));

    /** Per project region × indicator × age group: the synthetic control's donor regions and their weights. */
    public static final TableSchema SYNTHETIC_WEIGHTS = new TableSchema("synthetic_weights", List.of(
            required("region", STRING),
            required("indicator", STRING),
            required("age_group", STRING),
            required("donor", STRING),
            required("weight", DOUBLE),
            required("pre_rmspe", DOUBLE),
            required("synthetic", BOOLEAN)));

    /** Per project region × indicator × age group × period: the observed series, its synthetic control and the gap. */
    public static final TableSchema SYNTHETIC_PATHS = new TableSchema("synthetic_paths", List.of(
            required("region", STRING),
            required("indicator", STRING),
            required("age_group", STRING),
            required("period", STRING),
            required("observed", DOUBLE),
            required("counterfactual", DOUBLE),
            required("gap", DOUBLE),
            required("post_period", BOOLEAN),
            required("synthetic", BOOLEAN)));

    /** Per project region × indicator × age group × method with a configured unit cost: events avoided and their cost. */
    public static final TableSchema COST_OFFSET = new TableSchema("cost_offset", List.of(
            required("region", STRING),
            required("indicator", STRING),
            required("age_group", STRING),
            required("method", STRING),
            required("period", STRING),
            optional("events_avoided", DOUBLE),
            optional("events_avoided_lower", DOUBLE),
            optional("events_avoided_upper", DOUBLE),
            required("unit_cost_eur", DOUBLE),
            required("unit_cost_source", STRING),
            optional("cost_offset_eur", DOUBLE),
            optional("cost_offset_lower_eur", DOUBLE),
            optional("cost_offset_upper_eur", DOUBLE),
            required("basis", STRING),
            required("warnings", STRING),
            required("synthetic", BOOLEAN)));

    /** All output tables written by ingest, in write order. */
    public static List<TableSchema> ingestOutputs() {
        return List.of(SESSIONS, LIFE_SITUATION, REGION_STATISTICS, POPULATIONS, QUARANTINE);
    }

    /** All output tables written by the change stage. */
    public static List<TableSchema> changeOutputs() {
        List<TableSchema> tables = new ArrayList<>(List.of(TRAJECTORIES, DOMAIN_CHANGE, ETR_CURVES));
        tables.addAll(ChangeTables.all());
        return List.copyOf(tables);
    }

    /** All output tables written by the effects stage. */
    public static List<TableSchema> effectsOutputs() {
        List<TableSchema> all = new ArrayList<>(List.of(REGION_RATES, REGION_EFFECTS, PROJECT_EFFECTS, SYNTHETIC_WEIGHTS,
                SYNTHETIC_PATHS, COST_OFFSET));
        all.addAll(VariationTables.all());
        return all;
    }

    /** Every output table. */
    public static List<TableSchema> all() {
        List<TableSchema> all = new ArrayList<>(ingestOutputs());
        all.addAll(changeOutputs());
        all.addAll(effectsOutputs());
        all.addAll(OutcomeTables.all());
        return all;
    }

    /** A clean input table: its columns, then provenance. */
    private static TableSchema table(String name, Column... columns) {
        List<Column> all = new ArrayList<>(List.of(columns));
        all.addAll(PROVENANCE);
        return new TableSchema(name, all);
    }

    /** A clean per-episode input table: the episode columns, its own, then provenance. */
    private static TableSchema episodeTable(String name, Column... columns) {
        List<Column> all = episode(columns);
        all.addAll(PROVENANCE);
        return new TableSchema(name, all);
    }

    /** The episode columns followed by {@code columns}. */
    private static List<Column> episode(Column... columns) {
        List<Column> all = new ArrayList<>(EPISODE);
        all.addAll(List.of(columns));
        return all;
    }
}
