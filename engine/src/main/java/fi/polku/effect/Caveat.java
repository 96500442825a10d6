package fi.polku.effect;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A caveat on an estimate, as it travels in a table's {@code warnings} column: a short code, optionally with
 * arguments, {@code code} or {@code code(arg,arg)}, several joined by "; ". The report writes each distinct caveat
 * once in the page's language (message bundle key {@code warning.<code>}, the arguments as {0}, {1}, …) and marks
 * the cells it concerns; a test checks that every code has a Finnish and an English text. Figures that differ from
 * row to row stay in the row's columns, not in the code, so that a table's notes stay few.
 */
public enum Caveat {
    /** Randomisation p over all N assignments: steps of 1/N. Args: N. */
    P_EXACT("p_exact"),
    /** Randomisation p over the observed and M − 1 sampled of N assignments: steps of 1/M. Args: M, N, seed. */
    P_SAMPLED("p_sampled"),
    /** The 95 % interval is estimate ± 1.96 SE, a normal approximation to the randomisation distribution. */
    NORMAL_INTERVAL("normal_interval"),
    /** Project regions start in different years. Args: the first post periods joined by "/". */
    STAGGERED("staggered"),
    /** A transition year is left out, so the base period is two years before the first post period. Args: base(s). */
    BASE_BEFORE_TRANSITION("base_before_transition"),
    /** Pre-period placebos: the joint pre-trend p is below 0.10 but not 0.05 (the p is in the pre_trend row). */
    PRE_TREND_WEAK("pre_trend_weak"),
    /** Pre-period placebos: the joint pre-trend p is below 0.05 (the p is in the pre_trend row). */
    PRE_TREND_CLEAR("pre_trend_clear"),
    /** The regional estimates differ more than chance allows (Cochran's Q p &lt; 0.10; Q, p, I² in the row's columns). */
    HETEROGENEITY("heterogeneity"),
    /** A pre-period placebo estimate, not an effect. */
    PRE_PLACEBO("pre_placebo"),
    /** Too few pre- or post-periods for an estimate. */
    NOT_ESTIMABLE("not_estimable"),
    /** The synthetic controls do not follow the regions before the start (the figures in the row's diagnostics). */
    SC_POOR_FIT("sc_poor_fit"),
    /** Regions left out for missing years. Args: how many. */
    REGIONS_LEFT_OUT("regions_left_out"),
    /** Fewer than 2 comparison regions. */
    FEW_COMPARISONS("few_comparisons"),
    /** A random-effects pooling of regional estimates that share their comparison regions: a cross-check only. */
    POOLING_CROSS_CHECK("pooling_cross_check"),
    /** Fewer than 2 regional estimates with an SE: nothing to pool. */
    NOTHING_TO_POOL("nothing_to_pool"),
    /** No post-period yet: no estimate. */
    NO_POST("no_post"),
    /** One project region: p by placebo in space over m comparison regions, in steps of 1/(m + 1). Args: m, m + 1. */
    PLACEBO_IN_SPACE("placebo_in_space"),
    /** The estimate rests on a single post year. */
    SINGLE_POST("single_post"),
    /** ITS with one post year: a level change only, no slope change. */
    LEVEL_ONLY("level_only"),
    /** The region's own pre-period series is over twice as noisy as the typical comparison region's: the placebo interval is too narrow. */
    NOISY_SERIES("noisy_series"),
    /** A region's synthetic control misses it before the start by over 10 % of its level: the gap is not an effect. */
    POOR_FIT("poor_fit"),
    /** ITS: strong over-dispersion (over 5; the figure in the row's diagnostics). */
    OVERDISPERSION("overdispersion"),
    /** ITS: the estimated dispersion is below the floor the SE uses. Args: the floor. */
    DISPERSION_FLOOR("dispersion_floor"),
    /** The series crosses a structural break (config {@code breaks}; labels in {@code breaks_crossed}). Args: dates a/b. */
    STRUCTURAL_BREAK("structural_break"),
    /** TWFE: a diagnostic to compare with the DiD row, never a result on its own. */
    TWFE_DIAGNOSTIC("twfe_diagnostic"),
    /** A cost offset's interval is the estimate's, carried through: the unit cost's uncertainty is not in it. */
    COST_INTERVAL("cost_interval");

    private final String code;

    Caveat(String code) {
        this.code = code;
    }

    /** The code as written in the tables. */
    public String code() {
        return code;
    }

    /** The code with its arguments, e.g. {@code p_exact(8855)}; decimals to 3 significant digits with a point. */
    public String with(Object... args) {
        if (args.length == 0) {
            return code;
        }
        return code + Arrays.stream(args).map(a -> a instanceof Double d
                ? new BigDecimal(String.format(Locale.ROOT, "%.3g", d)).stripTrailingZeros().toPlainString() : String.valueOf(a))
                .collect(Collectors.joining(",", "(", ")"));
    }
}
