package fi.polku.contract;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static fi.polku.contract.ColumnType.BOOLEAN;
import static fi.polku.contract.ColumnType.DOUBLE;
import static fi.polku.contract.ColumnType.INT32;
import static fi.polku.contract.ColumnType.INT64;
import static fi.polku.contract.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The declared schemas of the outcomes stage's tables, documented in {@code datasets/DATA_DICTIONARY.md}.
 * Estimates are optional columns: a cell under {@code min_cell} keeps its n and says why its estimates are blank.
 */
public final class OutcomeTables {
    /** The change categories whose shares {@link #REGION_OUTCOMES} reports, in order. */
    public static final List<String> CATEGORIES = List.of("recovered", "improved", "unchanged", "deteriorated", "harmed");

    /**
     * Per region × instrument × respondent × arm × period: change, effect sizes, shares and the arm contrast.
     * {@code intake_mean} / {@code latest_mean} are over every episode with that score ({@code n_episodes});
     * {@code intake_mean_complete} / {@code latest_mean_complete} are over the {@code n_complete} episodes with
     * both, the cases {@code mean_change} rests on, so {@code latest_mean_complete − intake_mean_complete = mean_change}.
     */
    public static final TableSchema REGION_OUTCOMES = new TableSchema("region_outcomes", regionOutcomes());

    /** Per region × instrument × respondent × arm: the linear growth model fitted by REML. */
    public static final TableSchema GROWTH_MODELS = new TableSchema("growth_models", List.of(
            required("region", STRING),
            required("instrument", STRING),
            required("respondent", STRING),
            required("arm", STRING),
            required("subjects", INT64),
            required("observations", INT64),
            required("status", STRING),
            optional("intercept", DOUBLE),
            optional("intercept_se", DOUBLE),
            optional("intercept_lower", DOUBLE),
            optional("intercept_upper", DOUBLE),
            optional("slope_per_session", DOUBLE),
            optional("slope_se", DOUBLE),
            optional("slope_lower", DOUBLE),
            optional("slope_upper", DOUBLE),
            optional("intercept_variance", DOUBLE),
            optional("slope_variance", DOUBLE),
            optional("correlation", DOUBLE),
            optional("residual_variance", DOUBLE),
            optional("reml_criterion", DOUBLE),
            optional("singular", BOOLEAN),
            required("time_scale", STRING),
            required("synthetic", BOOLEAN)));

    /** Per instrument × respondent × arm × method: the project regions' g_av pooled by random effects. */
    public static final TableSchema POOLED_EFFECTS = new TableSchema("pooled_effects", List.of(
            required("instrument", STRING),
            required("respondent", STRING),
            required("arm", STRING),
            required("measure", STRING),
            required("method", STRING),
            required("k", INT32),
            required("regions", STRING),
            required("status", STRING),
            optional("estimate", DOUBLE),
            optional("se", DOUBLE),
            optional("ci_lower", DOUBLE),
            optional("ci_upper", DOUBLE),
            optional("p_value", DOUBLE),
            optional("tau2", DOUBLE),
            optional("i2", DOUBLE),
            optional("q", DOUBLE),
            optional("q_p_value", DOUBLE),
            optional("prediction_lower", DOUBLE),
            optional("prediction_upper", DOUBLE),
            optional("fixed_estimate", DOUBLE),
            optional("fixed_se", DOUBLE),
            required("synthetic", BOOLEAN)));

    /** Per region × period: reach against targets, measurement coverage, skipped measures and dropout. */
    public static final TableSchema PROJECT_INDICATORS = new TableSchema("project_indicators", List.of(
            required("region", STRING),
            required("period", STRING),
            required("families_reached", INT64),
            required("episodes_reached", INT64),
            optional("families_target", INT32),
            optional("families_share_of_target", DOUBLE),
            required("measured_episodes", INT64),
            optional("caseload", INT32),
            optional("coverage", DOUBLE),
            optional("coverage_target", DOUBLE),
            optional("coverage_met", BOOLEAN),
            required("meetings", INT64),
            required("skipped_meetings", INT64),
            optional("skipped_share", DOUBLE),
            optional("skipped_lower", DOUBLE),
            optional("skipped_upper", DOUBLE),
            required("ended_episodes", INT64),
            optional("dropouts", INT64),
            optional("dropout_share", DOUBLE),
            optional("dropout_lower", DOUBLE),
            optional("dropout_upper", DOUBLE),
            required("status", STRING),
            required("synthetic", BOOLEAN)));

    private OutcomeTables() {
    }

    /** The tables of the outcomes stage, in write order. */
    public static List<TableSchema> all() {
        return List.of(REGION_OUTCOMES, GROWTH_MODELS, POOLED_EFFECTS, PROJECT_INDICATORS);
    }

    private static List<Column> regionOutcomes() {
        List<Column> c = new ArrayList<>(List.of(
                required("region", STRING),
                required("instrument", STRING),
                required("respondent", STRING),
                required("arm", STRING),
                required("period", STRING),
                required("n_episodes", INT64),
                required("n_complete", INT64),
                required("status", STRING),
                optional("intake_mean", DOUBLE),
                optional("latest_mean", DOUBLE),
                optional("intake_mean_complete", DOUBLE),
                optional("latest_mean_complete", DOUBLE)));
        interval(c, "mean_change");
        c.add(optional("t_statistic", DOUBLE));
        c.add(optional("p_value", DOUBLE));
        interval(c, "d_z");
        interval(c, "d_rm");
        interval(c, "d_av");
        interval(c, "g_av");
        c.add(optional("g_av_se", DOUBLE));
        c.add(required("g_correction", STRING));
        c.add(optional("boot_g_av_percentile_lower", DOUBLE));
        c.add(optional("boot_g_av_percentile_upper", DOUBLE));
        c.add(optional("boot_g_av_bca_lower", DOUBLE));
        c.add(optional("boot_g_av_bca_upper", DOUBLE));
        c.add(optional("boot_replicates", INT32));
        c.add(required("boot_seed", INT64));
        c.add(required("n_assessed", INT64));
        for (String category : CATEGORIES) {
            c.add(optional(category + "_n", INT64));
            c.add(optional(category + "_share", DOUBLE));
            c.add(optional(category + "_lower", DOUBLE));
            c.add(optional(category + "_upper", DOUBLE));
        }
        c.add(required("shares_status", STRING));
        interval(c, "contrast_difference");
        interval(c, "contrast_g");
        interval(c, "contrast_adjusted");
        c.add(required("contrast_status", STRING));
        c.add(required("rci_method", STRING));
        c.add(required("synthetic", BOOLEAN));
        return c;
    }

    private static void interval(List<Column> columns, String name) {
        columns.add(optional(name, DOUBLE));
        columns.add(optional(name + "_lower", DOUBLE));
        columns.add(optional(name + "_upper", DOUBLE));
    }
}
