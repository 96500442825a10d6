package fi.polku.jobs.effect;

import fi.polku.effect.Caveat;
import fi.polku.effect.EvidenceGrade;
import fi.polku.effect.ProjectEffects;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.outcome.RandomEffectsPooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The {@code project_effects} rows of one {@link ProjectEffects.Result}: each estimate with its caveat codes,
 * evidence grade and diagnostics; the cs_simple row also with its base-year sensitivity, the cs_* rows with the
 * regional heterogeneity, the pooled synthetic control with its pre-period fit.
 */
final class ProjectRows {
    private ProjectRows() {
    }

    /**
     * The rows.
     *
     * @param dl     the DerSimonian–Laird pooling of the regional DiD estimates, or null
     * @param shared the caveat codes every row carries
     */
    static List<Row> of(ProjectEstimates.Context c, ProjectEffects.Result r, RandomEffectsPooling.Result dl, List<String> shared) {
        int post = (int) r.estimates().stream().filter(e -> e.method().equals("event_study") && e.relativePeriod() >= 0).count();
        Double preTrendP = r.estimates().stream().filter(e -> e.method().equals("pre_trend")).findFirst()
                .map(ProjectEffects.Estimate::pValue).orElse(null);
        boolean transition = r.base().laterBases() != null;
        List<Row> rows = new ArrayList<>();
        for (ProjectEffects.Estimate e : r.estimates()) {
            String method = e.method();
            boolean synth = method.equals("synthetic_control_pooled");
            boolean cs = method.startsWith("cs_");
            boolean placebo = method.equals("pre_trend") || e.relativePeriod() != null && e.relativePeriod() < 0;
            List<String> w = new ArrayList<>(shared);
            w.add(r.pCaveat(method));
            if (e.lower() != null) {
                w.add(Caveat.NORMAL_INTERVAL.code());
            }
            if (e.estimate() == null) {
                w.add(Caveat.NOT_ESTIMABLE.code());
            }
            if (placebo) {
                w.add(Caveat.PRE_PLACEBO.code());
            }
            if (cs && transition) {
                w.add(Caveat.BASE_BEFORE_TRANSITION.with(r.base().bases()));
            }
            if ((cs || method.equals("event_study") && !placebo) && r.preTrendCaveat() != null) {
                w.add(r.preTrendCaveat());
            }
            if (cs && dl != null && dl.qP() < EvidenceGrade.SUGGESTIVE_P) {
                w.add(Caveat.HETEROGENEITY.code());
            }
            boolean poorFit = synth && r.synthFit() != null && r.synthFit().poorFit();
            if (poorFit) {
                w.add(Caveat.SC_POOR_FIT.code());
            }
            int assignments = synth ? r.synthAssignments() : r.assignments();
            String grade = placebo ? EvidenceGrade.NOT_ASSESSABLE.code() : EvidenceGrade.of(new EvidenceGrade.Evidence(
                    e.estimate(), 0, e.lower(), e.upper(), e.pValue(), 1.0 / assignments, method.equals("event_study") ? 1 : post,
                    poorFit, synth ? null : preTrendP, c.synthetic())).code();
            double preLevel = r.preLevel();
            RowBuilder b = c.start(method, preLevel).set("relative_period", e.relativePeriod()).set("estimate", e.estimate())
                    .set("scale", scale(e)).set("se", e.se()).set("ci_lower", e.lower()).set("ci_upper", e.upper())
                    .set("p_value", e.pValue()).set("evidence_grade", grade)
                    .set("inference", r.method(method) + (method.equals("pre_trend") ? "" : ProjectEstimates.Context.normalInterval())
                            + (cs ? "; base period: each cohort's last own year before its first post year (" + r.base().bases()
                            + ")" : ""))
                    .set("assignments", (long) assignments).set("assignments_total", r.totalAssignments())
                    .set("assignment_seed", r.exhaustive() && (!synth || r.synthAssignments() == r.assignments()) ? null : r.seed())
                    .set("mde_per_1000", e.mde()).set("mde_percent", e.mde() != null && preLevel > 0 ? 100 * e.mde() / preLevel : null)
                    .set("mde_method", mdeMethod(e)).set("diagnostics", diagnostics(e, r, dl, preLevel))
                    .set("warnings", String.join("; ", w));
            if (cs && dl != null) {
                b.set("i2", dl.i2()).set("tau2", dl.tau2()).set("heterogeneity_q", dl.q()).set("heterogeneity_p", dl.qP());
            }
            if (method.equals("cs_simple")) {
                b.set("base_periods", r.base().bases()).set("base_earlier", r.base().earlierBases())
                        .set("estimate_base_earlier", r.base().earlier()).set("base_later", r.base().laterBases())
                        .set("estimate_base_later", r.base().later());
            }
            rows.add(b.build());
        }
        return rows;
    }

    private static String scale(ProjectEffects.Estimate e) {
        String scale = ProjectEstimates.Context.scale();
        return switch (e.method()) {
            case "pre_trend" -> "mean square of the pre-period placebos (rate per 1 000)²";
            case "synthetic_control_pooled" -> scale + " (mean over project regions of the mean post-period gap minus the mean"
                    + " pre-period gap to the synthetic control)";
            case "event_study" -> scale + " (group-time ATT at this period relative to the start)";
            default -> scale + " (group-time ATT, " + e.method().substring(3) + " aggregation)";
        };
    }

    private static String diagnostics(ProjectEffects.Estimate e, ProjectEffects.Result r, RandomEffectsPooling.Result dl,
                                      double preLevel) {
        if (e.method().equals("synthetic_control_pooled")) {
            ProjectEffects.SynthFit f = r.synthFit();
            return f == null ? null : String.format(Locale.ROOT, "pre-period RMSPE %.3g (%.0f %% of the pre-period level %.3g),"
                    + " mean pre-period gap %+.3g, unadjusted mean post-period gap %+.3g; mean post/pre RMSPE ratio %.3g,"
                    + " randomisation p %.3g (one-sided, same assignments); pre-fit rule (RMSPE <= %.0f %% and |pre gap| <= %.0f %%"
                    + " of the pre-period level): %s", f.preRmspe(), 100 * f.preRmspe() / preLevel, preLevel, f.preGap(),
                    f.rawGap(), f.ratio(), f.ratioP(), 100 * ProjectEffects.POOR_FIT_SHARE, 100 * ProjectEffects.PRE_GAP_SHARE,
                    f.poorFit() ? "fails, not evidence either way" : "passes");
        }
        if (e.method().startsWith("cs_")) {
            return r.preTrend() + (dl == null ? "" : "; " + ProjectEstimates.heterogeneity(dl));
        }
        return e.method().equals("pre_trend") ? r.preTrend() : null;
    }

    private static String mdeMethod(ProjectEffects.Estimate e) {
        if (e.method().equals("pre_trend") || e.relativePeriod() != null && e.relativePeriod() < 0) {
            return "not applicable: a pre-period placebo test, no effect to detect";
        }
        if (e.mde() == null) {
            return e.estimate() == null ? null : "none: too few assignments for p <= 0.05";
        }
        return "rank test over the other assignments' statistics (as p), α = 0.05, power 0.80";
    }
}
