package fi.polku.outcome;

import fi.polku.change.PrePostMoments;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Project arm against comparison arm, on the change (post − pre) of complete cases:
 * <ul>
 *   <li>difference in mean change with Welch's SE, df and t interval;</li>
 *   <li>Hedges' g between arms on the change scores: pooled-SD d times the exact J(n_p + n_c − 2), SE
 *       J·√((n_p + n_c)/(n_p n_c) + d²/(2(n_p + n_c))) (Hedges &amp; Olkin 1985);</li>
 *   <li>the difference adjusted for intake: the arm coefficient of the ANCOVA regression
 *       post = b0 + b1·project + b2·pre by least squares (common slope), with its t interval on n − 3 df. Because pre is in
 *       the model, b1 is also the adjusted difference in change.</li>
 * </ul>
 * Built from the two arms' exact moments, so it merges like they do. Needs at least 2 cases per arm and 4 in
 * all ({@link IllegalStateException}).
 */
public final class ArmContrast {
    /**
     * The contrast.
     *
     * @param difference         mean change project − comparison, Welch interval
     * @param welchDf            Welch–Satterthwaite df
     * @param hedgesG            between-arm g on change scores, Wald interval
     * @param adjustedDifference ANCOVA arm coefficient, t interval
     * @param intakeSlope        ANCOVA coefficient of the intake score
     */
    public record Result(long projectN, long comparisonN, Interval difference, double welchDf, Interval hedgesG,
                         Interval adjustedDifference, double intakeSlope) {
    }

    private ArmContrast() {
    }

    /** Contrasts the arms. */
    public static Result of(PrePostMoments project, PrePostMoments comparison) {
        long np = project.count();
        long nc = comparison.count();
        if (np < 2 || nc < 2) {
            throw new IllegalStateException("each arm needs at least 2 complete cases, had " + np + " and " + nc);
        }
        double changeP = project.postMean() - project.preMean();
        double changeC = comparison.postMean() - comparison.preMean();
        double varP = changeVariance(project);
        double varC = changeVariance(comparison);
        double diff = changeP - changeC;
        double se = Math.sqrt(varP / np + varC / nc);
        double df = Math.pow(varP / np + varC / nc, 2)
                / (Math.pow(varP / np, 2) / (np - 1) + Math.pow(varC / nc, 2) / (nc - 1));
        double q = new TDistribution(df).inverseCumulativeProbability(0.975);
        Interval difference = new Interval(diff, se, diff - q * se, diff + q * se);

        double pooled = Math.sqrt(((np - 1) * varP + (nc - 1) * varC) / (np + nc - 2));
        double d = diff / pooled;
        double j = np + nc - 2 > 1 ? HedgesCorrection.exact(np + nc - 2) : Double.NaN;
        Interval g = Interval.wald(j * d, j * Math.sqrt((double) (np + nc) / (np * nc) + d * d / (2.0 * (np + nc))));

        return new Result(np, nc, difference, df, g, ancova(project, comparison), ancovaSlope(project, comparison));
    }

    private static double changeVariance(PrePostMoments m) {
        double s1 = m.preSd();
        double s2 = m.postSd();
        double r = Double.isNaN(m.correlation()) ? 0 : m.correlation();
        return Math.max(0, s1 * s1 + s2 * s2 - 2 * r * s1 * s2);
    }

    /**
     * The arm coefficient of post ~ 1 + project + pre from pooled within-arm centred sums: slope
     * b = Sxy_w / Sxx_w, adjusted difference (ȳ_p − ȳ_c) − b(x̄_p − x̄_c), SE² = σ²(1/n_p + 1/n_c + (x̄_p − x̄_c)²/Sxx_w),
     * σ² = (Syy_w − b·Sxy_w)/(n − 3).
     */
    private static Interval ancova(PrePostMoments project, PrePostMoments comparison) {
        long n = project.count() + comparison.count();
        if (n < 4) {
            throw new IllegalStateException("the adjusted contrast needs at least 4 complete cases, had " + n);
        }
        double sxx = centred(project, 0) + centred(comparison, 0);
        double syy = centred(project, 1) + centred(comparison, 1);
        double sxy = centred(project, 2) + centred(comparison, 2);
        if (!(sxx > 0)) {
            throw new IllegalStateException("the adjusted contrast needs some spread in intake scores within the arms");
        }
        double b = sxy / sxx;
        double gap = project.preMean() - comparison.preMean();
        double adjusted = (project.postMean() - comparison.postMean()) - b * gap;
        double sigma2 = Math.max(0, syy - b * sxy) / (n - 3);
        double se = Math.sqrt(sigma2 * (1.0 / project.count() + 1.0 / comparison.count() + gap * gap / sxx));
        double q = new TDistribution(n - 3).inverseCumulativeProbability(0.975);
        return new Interval(adjusted, se, adjusted - q * se, adjusted + q * se);
    }

    private static double ancovaSlope(PrePostMoments project, PrePostMoments comparison) {
        return (centred(project, 2) + centred(comparison, 2)) / (centred(project, 0) + centred(comparison, 0));
    }

    /** Within-arm centred sums: 0 Sxx, 1 Syy, 2 Sxy, from the arm's SDs and correlation. */
    private static double centred(PrePostMoments m, int which) {
        if (m.count() < 2) {
            return 0;
        }
        double k = m.count() - 1;
        double r = Double.isNaN(m.correlation()) ? 0 : m.correlation();
        return switch (which) {
            case 0 -> k * m.preSd() * m.preSd();
            case 1 -> k * m.postSd() * m.postSd();
            default -> k * r * m.preSd() * m.postSd();
        };
    }
}
