package fi.polku.outcome;

import fi.polku.change.PrePostMoments;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Standardised pre–post change of paired scores (Lakens 2013, Front. Psychol. 4:863), from the exact moments
 * of the complete cases; positive when the post score is higher.
 *
 * <ul>
 *   <li>mean change with its t interval, and the paired t statistic and two-sided p;</li>
 *   <li>d_z = M_diff / SD_diff, SE √(1/n + d_z²/(2n));</li>
 *   <li>d_rm = d_z · √(2(1 − r)) and d_av = M_diff / ((S1 + S2)/2), SE √(2(1 − r)/n + d²/(2n)) (Becker 1988, the
 *       variance metafor uses for standardised mean change);</li>
 *   <li>g_av = J · d_av with the exact Hedges correction J(n − 1), its SE scaled by J.</li>
 * </ul>
 * Intervals are 95 % Wald intervals on these SEs. Needs at least 3 cases and some spread in the changes
 * (otherwise {@link IllegalStateException}).
 */
public final class PrePostEffectSizes {
    /** Said in every output that uses g_av. */
    public static final String CORRECTION = "exact Hedges J(n - 1)";

    private final long n;
    private final double correlation;
    private final Interval meanChange;
    private final double t;
    private final double p;
    private final Interval dz;
    private final Interval drm;
    private final Interval dav;
    private final Interval gav;

    private PrePostEffectSizes(PrePostMoments m) {
        n = m.count();
        if (n < 3) {
            throw new IllegalStateException("effect sizes need at least 3 complete cases, had " + n);
        }
        double s1 = m.preSd();
        double s2 = m.postSd();
        correlation = m.correlation();
        double diff = m.postMean() - m.preMean();
        double sdDiff = Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - 2 * correlation * s1 * s2));
        if (!(sdDiff > 0) || !(s1 + s2 > 0)) {
            throw new IllegalStateException("effect sizes need some spread in the changes");
        }
        TDistribution dist = new TDistribution(n - 1);
        double se = sdDiff / Math.sqrt(n);
        double q = dist.inverseCumulativeProbability(0.975);
        meanChange = new Interval(diff, se, diff - q * se, diff + q * se);
        t = diff / se;
        p = 2 * dist.cumulativeProbability(-Math.abs(t));
        double dzValue = diff / sdDiff;
        dz = Interval.wald(dzValue, Math.sqrt(1.0 / n + dzValue * dzValue / (2.0 * n)));
        drm = standardised(dzValue * Math.sqrt(2 * (1 - correlation)));
        double davValue = diff / ((s1 + s2) / 2);
        dav = standardised(davValue);
        double j = HedgesCorrection.exact(n - 1);
        gav = Interval.wald(j * davValue, j * dav.se());
    }

    private Interval standardised(double d) {
        return Interval.wald(d, Math.sqrt(2 * (1 - correlation) / n + d * d / (2.0 * n)));
    }

    /** The effect sizes of these complete cases. */
    public static PrePostEffectSizes of(PrePostMoments moments) {
        return new PrePostEffectSizes(moments);
    }

    /** Number of complete cases. */
    public long n() {
        return n;
    }

    /** Pearson correlation of pre and post. */
    public double correlation() {
        return correlation;
    }

    /** Mean change (post − pre) with its t interval. */
    public Interval meanChange() {
        return meanChange;
    }

    /** Paired t statistic. */
    public double t() {
        return t;
    }

    /** Two-sided p of the paired t test. */
    public double p() {
        return p;
    }

    /** d_z: mean change over the SD of the changes. */
    public Interval dz() {
        return dz;
    }

    /** d_rm: d_z rescaled by √(2(1 − r)). */
    public Interval drm() {
        return drm;
    }

    /** d_av: mean change over the average of the pre and post SDs. */
    public Interval dav() {
        return dav;
    }

    /** g_av: d_av with the exact Hedges correction. */
    public Interval gav() {
        return gav;
    }
}
