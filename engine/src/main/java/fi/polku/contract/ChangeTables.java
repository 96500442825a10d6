package fi.polku.contract;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static fi.polku.contract.ColumnType.BOOLEAN;
import static fi.polku.contract.ColumnType.DOUBLE;
import static fi.polku.contract.ColumnType.INT64;
import static fi.polku.contract.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The change stage's tables about the reliability behind reliable change: what each available reliability
 * is and gives in points ({@link #CHANGE_RELIABILITY}), and the category shares under each
 * ({@link #CHANGE_SENSITIVITY}); and the growth models' per-episode sums ({@link #GROWTH_MOMENTS}), taken in the
 * change stage's one pass over each series. Documented in {@code datasets/DATA_DICTIONARY.md}.
 */
public final class ChangeTables {
    private ChangeTables() {
    }

    /** Per outcome instrument × age band × reliability source: rxx, its source, S1 and the threshold in points. */
    public static final TableSchema CHANGE_RELIABILITY = new TableSchema("change_reliability", List.of(
            required("instrument", STRING),
            required("age_band", STRING),
            required("reliability_source", STRING),
            required("chosen", BOOLEAN),
            optional("rxx", DOUBLE),
            optional("status", STRING),
            required("source", STRING),
            optional("n", INT64),
            optional("alpha_lower", DOUBLE),
            optional("alpha_upper", DOUBLE),
            optional("warning", STRING),
            optional("sd", DOUBLE),
            optional("sd_source", STRING),
            required("rci_method", STRING),
            required("rci_critical", DOUBLE),
            optional("threshold_points", DOUBLE),
            optional("clinical_cutoff", DOUBLE),
            required("at_cutoff", STRING),
            required("synthetic", BOOLEAN)));

    /** Per region × instrument × respondent × arm × period × reliability source: the category shares. */
    public static final TableSchema CHANGE_SENSITIVITY = new TableSchema("change_sensitivity", sensitivity());

    private static List<Column> sensitivity() {
        List<Column> c = new ArrayList<>(List.of(
                required("region", STRING),
                required("instrument", STRING),
                required("respondent", STRING),
                required("arm", STRING),
                required("period", STRING),
                required("reliability_source", STRING),
                required("chosen", BOOLEAN),
                required("age_bands", STRING),
                optional("rxx", DOUBLE),
                optional("threshold_points", DOUBLE),
                required("n_episodes", INT64),
                required("n_assessed", INT64)));
        for (String category : OutcomeTables.CATEGORIES) {
            c.add(optional(category + "_n", INT64));
            c.add(optional(category + "_share", DOUBLE));
        }
        c.add(optional("reliably_improved_share", DOUBLE));
        c.add(required("shares_status", STRING));
        c.add(optional("conclusion", STRING));
        c.add(optional("conclusion_changes", BOOLEAN));
        c.add(required("rci_method", STRING));
        c.add(required("synthetic", BOOLEAN));
        return c;
    }

    /**
     * Per outcome series with a measured session (episode × respondent × instrument): the sufficient statistics
     * of the growth models ({@code fi.polku.outcome.GrowthMoments}) with t = sessions since the series' first
     * measured session and y = its total, summed in session order. The outcomes stage fits the growth models from
     * these rows instead of reading every session again.
     */
    public static final TableSchema GROWTH_MOMENTS = new TableSchema("growth_moments", List.of(
            required("case_id", STRING),
            required("episode_id", STRING),
            required("region", STRING),
            required("arm", STRING),
            required("respondent", STRING),
            required("instrument", STRING),
            required("observations", INT64),
            required("time_sum", DOUBLE),
            required("time_squares", DOUBLE),
            required("score_sum", DOUBLE),
            required("time_score_sum", DOUBLE),
            required("score_squares", DOUBLE),
            required("synthetic", BOOLEAN)));

    /** All three, in write order. */
    public static List<TableSchema> all() {
        return List.of(CHANGE_RELIABILITY, CHANGE_SENSITIVITY, GROWTH_MOMENTS);
    }
}
