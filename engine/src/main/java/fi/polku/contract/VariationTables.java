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
 * The declared schemas of the regional-variation tables the effects stage writes: funnel points, outliers and
 * limits, and between-area variation by year and its trend. {@code datasets/DATA_DICTIONARY.md} documents them.
 */
public final class VariationTables {
    private VariationTables() {
    }

    /** The columns that key every regional-variation table: level, scope, parent county, indicator, age group. */
    private static List<Column> variationKey(Column... columns) {
        List<Column> all = new ArrayList<>(List.of(
                required("level", STRING),
                required("scope", STRING),
                optional("parent_region", STRING),
                required("indicator", STRING),
                required("age_group", STRING)));
        all.addAll(List.of(columns));
        return all;
    }

    /** The funnel point columns: one area in one year against the limits around its scope's reference rate. */
    private static List<Column> funnelPoint() {
        return variationKey(
                required("year", INT32),
                required("region", STRING),
                required("count", INT64),
                required("population", INT64),
                required("rate_per_1000", DOUBLE),
                required("expected", DOUBLE),
                required("reference_rate_per_1000", DOUBLE),
                required("z", DOUBLE),
                required("adjusted_z", DOUBLE),
                required("lower95", DOUBLE),
                required("upper95", DOUBLE),
                required("lower998", DOUBLE),
                required("upper998", DOUBLE),
                required("poisson_lower95", DOUBLE),
                required("poisson_upper95", DOUBLE),
                required("poisson_lower998", DOUBLE),
                required("poisson_upper998", DOUBLE),
                required("band", STRING),
                required("outside_95", BOOLEAN),
                required("outside_998", BOOLEAN),
                required("overdispersion", STRING),
                required("adjustment", STRING),
                required("phi", DOUBLE),
                required("tau2", DOUBLE),
                required("areas", INT32),
                required("method", STRING),
                required("synthetic", BOOLEAN));
    }

    /** Per level × scope × indicator × age group × year × area: the funnel plot's points. */
    public static final TableSchema FUNNEL_POINTS = new TableSchema("funnel_points", funnelPoint());

    /** The funnel points outside the 95 % limits in use. */
    public static final TableSchema FUNNEL_OUTLIERS = new TableSchema("funnel_outliers", funnelPoint());

    /** Per level × scope × indicator × age group × year: the control limits over a grid of populations, for drawing. */
    public static final TableSchema FUNNEL_LIMITS = new TableSchema("funnel_limits", variationKey(
            required("year", INT32),
            required("population", DOUBLE),
            required("expected", DOUBLE),
            required("reference_rate_per_1000", DOUBLE),
            required("lower95", DOUBLE),
            required("upper95", DOUBLE),
            required("lower998", DOUBLE),
            required("upper998", DOUBLE),
            required("poisson_lower95", DOUBLE),
            required("poisson_upper95", DOUBLE),
            required("poisson_lower998", DOUBLE),
            required("poisson_upper998", DOUBLE),
            required("adjustment", STRING),
            required("synthetic", BOOLEAN)));

    /** Per level × scope × indicator × age group × year × measure: between-area variation with its interval. */
    public static final TableSchema VARIATION_BY_YEAR = new TableSchema("variation_by_year", variationKey(
            required("year", INT32),
            required("areas", INT32),
            required("events", INT64),
            required("population", INT64),
            required("measure", STRING),
            optional("value", DOUBLE),
            optional("ci_lower", DOUBLE),
            optional("ci_upper", DOUBLE),
            required("interval_method", STRING),
            required("replicates", INT32),
            required("seed", INT64),
            required("synthetic", BOOLEAN)));

    /** Per level × scope × indicator × age group × measure: the linear trend of the variation over the years. */
    public static final TableSchema VARIATION_TREND = new TableSchema("variation_trend", variationKey(
            required("measure", STRING),
            required("years", INT32),
            required("first_year", INT32),
            required("last_year", INT32),
            required("slope_per_year", DOUBLE),
            required("ci_lower", DOUBLE),
            required("ci_upper", DOUBLE),
            required("direction", STRING),
            required("method", STRING),
            optional("breaks_crossed", STRING),
            required("synthetic", BOOLEAN)));

    /** The variation tables in write order. */
    public static List<TableSchema> all() {
        return List.of(FUNNEL_POINTS, FUNNEL_OUTLIERS, FUNNEL_LIMITS, VARIATION_BY_YEAR, VARIATION_TREND);
    }
}
