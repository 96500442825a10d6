package fi.polku.change;

import java.util.Objects;

/**
 * The reliable change index of one method with fixed norms: {@link #index} for a pre and post score, and
 * the verdict against the method's critical value in the scale's good direction.
 *
 * <p>Non-finite scores give a NaN index and {@link Verdict#NOT_ASSESSED}.
 */
public final class ReliableChange {
    /** The verdict on one person's change. */
    public enum Verdict { RELIABLY_IMPROVED, NO_RELIABLE_CHANGE, RELIABLY_DETERIORATED, NOT_ASSESSED }

    private final RciMethod method;
    private final ChangeNorms norms;
    private final Direction direction;

    private ReliableChange(RciMethod method, ChangeNorms norms, Direction direction) {
        this.method = method;
        this.norms = norms;
        this.direction = direction;
    }

    /** The index of {@code method} with these norms, for a scale whose good direction is {@code direction}. */
    public static ReliableChange of(RciMethod method, ChangeNorms norms, Direction direction) {
        return new ReliableChange(Objects.requireNonNull(method, "method"), Objects.requireNonNull(norms, "norms"),
                Objects.requireNonNull(direction, "direction"));
    }

    public RciMethod method() {
        return method;
    }

    public ChangeNorms norms() {
        return norms;
    }

    /** SE = S1 · √(1 − rxx), the standard error of measurement. */
    public double standardError() {
        return norms.preSd() * Math.sqrt(1 - norms.reliability());
    }

    /** Sdiff = √2 · SE, the standard error of a difference (JT). */
    public double standardErrorOfDifference() {
        return Math.sqrt(2) * standardError();
    }

    /**
     * The smallest change in score points that JT counts as reliable: critical value × Sdiff. Other methods
     * have no single threshold in points (theirs depends on the pre score); NaN for them.
     */
    public double thresholdPoints() {
        return method == RciMethod.JT ? method.criticalValue() * standardErrorOfDifference() : Double.NaN;
    }

    /** The reliable change index (signed as post − pre: positive means a higher score). */
    public double index(double pre, double post) {
        double m1 = norms.preMean();
        double s1 = norms.preSd();
        double r = norms.reliability();
        switch (method) {
            case JT:
                return (post - pre) / standardErrorOfDifference();
            case GLN:
                return ((post - m1) - r * (pre - m1)) / (s1 * Math.sqrt(1 - r * r));
            case HLL:
                return ((post - norms.postMean()) - r * (pre - m1)) / (s1 * Math.sqrt(1 - r * r));
            case EN:
                return (post - (r * (pre - m1) + m1)) / standardError();
            case NK:
                return (post - (r * (pre - m1) + m1))
                        / Math.sqrt(r * r * s1 * s1 * (1 - r) + s1 * s1 * (1 - norms.postReliability()));
            case HA:
                double rdd = differenceReliability();
                double se = standardError();
                return ((post - pre) * rdd + (norms.postMean() - m1) * (1 - rdd)) / (Math.sqrt(rdd) * Math.sqrt(2 * se * se));
            default:
                throw new IllegalStateException("unknown method " + method);
        }
    }

    /**
     * HA's reliability of difference scores: (S1² r1 + S2² r2 − 2 S1 S2 r12) / (S1² + S2² − 2 S1 S2 r12), with
     * r1 = rxx and r2 = 1 − SE²/S2² (Hageman &amp; Arrindell 1999).
     */
    public double differenceReliability() {
        double s1 = norms.preSd();
        double s2 = norms.postSd();
        double se = standardError();
        double r1 = norms.reliability();
        double r2 = 1 - se * se / (s2 * s2);
        double r12 = norms.correlation();
        return (s1 * s1 * r1 + s2 * s2 * r2 - 2 * s1 * s2 * r12) / (s1 * s1 + s2 * s2 - 2 * s1 * s2 * r12);
    }

    /** The verdict on a change from {@code pre} to {@code post}. */
    public Verdict verdict(double pre, double post) {
        double rci = index(pre, post);
        if (!Double.isFinite(rci)) {
            return Verdict.NOT_ASSESSED;
        }
        double toward = rci * direction.sign();
        if (toward > method.criticalValue()) {
            return Verdict.RELIABLY_IMPROVED;
        }
        if (toward < -method.criticalValue()) {
            return Verdict.RELIABLY_DETERIORATED;
        }
        return Verdict.NO_RELIABLE_CHANGE;
    }
}
