package fi.polku.variation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * A funnel plot of area rates against population around a reference rate θ, for Poisson counts, with 95 % and
 * 99.8 % control limits (Spiegelhalter 2005, Stat Med 24:1185; overdispersion: Spiegelhalter 2005, Qual Saf
 * Health Care 14:347; the method of the R package FunnelPlotR for indirectly standardised ratios).
 *
 * <p>An area with population n expects E = θn events. Exact Poisson limits of the ratio O/E are
 * χ²(p; 2E)/(2E) below and χ²(1 − p; 2E + 2)/(2E) above, p = 0.025 and 0.001, evaluated continuously in E.
 * Overdispersion is judged on the square-root scale: y = √(O/E), s = 1/(2√E), z = (y − 1)/s = 2(√O − √E);
 * the z-scores are winsorised at the given fraction in each tail (R's quantile type 7), φ = Σz_w²/I, and
 * τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)) with w = 1/s² (0 when Iφ &lt; I − 1). Adjusted limits of O/E
 * are (1 ± z_p·√φ·s)² (multiplicative, when φ &gt; 1) or (1 ± z_p·√(s² + τ²))² (additive, when τ² &gt; 0), the
 * lower one 0 when 1 − … ≤ 0; otherwise the exact Poisson limits stand, and {@link #applied()} says so.
 * Every limit is returned as a rate: θ times the ratio limit.
 */
public final class Funnel {
    /** Φ⁻¹(0.975). */
    public static final double Z95 = 1.959963984540054;
    /** Φ⁻¹(0.999). */
    public static final double Z998 = 3.090232306167813;

    /** Where a point lies against the limits in use. */
    public enum Band {
        ABOVE_998, ABOVE_95, WITHIN, BELOW_95, BELOW_998;

        /** The band's name in outputs. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Outside the 95 % limits (either side). */
        public boolean outside95() {
            return this != WITHIN;
        }

        /** Outside the 99.8 % limits (either side). */
        public boolean outside998() {
            return this == ABOVE_998 || this == BELOW_998;
        }
    }

    /**
     * Control limits at one population, as rates (events per person).
     *
     * @param expected θ × population
     */
    public record Limits(double population, double expected, double lower95, double upper95, double lower998,
                         double upper998) {
    }

    /**
     * One area on the funnel.
     *
     * @param expected   θ × population
     * @param z          the unadjusted z-score 2(√O − √E)
     * @param adjustedZ  the z-score against the limits in use (z/√φ, (y − 1)/√(s² + τ²), or z)
     * @param limits     the limits in use at this area's population
     * @param poisson    the exact Poisson limits at this area's population
     * @param band       where the area's rate lies against {@code limits}
     */
    public record Point(AreaCount area, double expected, double z, double adjustedZ, Limits limits, Limits poisson,
                        Band band) {
    }

    private final double referenceRate;
    private final Overdispersion requested;
    private final Overdispersion applied;
    private final double winsorise;
    private final double phi;
    private final double tau2;
    private final List<Point> points;

    private Funnel(double referenceRate, Overdispersion requested, Overdispersion applied, double winsorise, double phi,
                   double tau2, List<AreaCount> areas) {
        this.referenceRate = referenceRate;
        this.requested = requested;
        this.applied = applied;
        this.winsorise = winsorise;
        this.phi = phi;
        this.tau2 = tau2;
        List<Point> out = new ArrayList<>();
        for (AreaCount a : areas) {
            double e = referenceRate * a.population();
            double s = 1 / (2 * Math.sqrt(e));
            double z = 2 * (Math.sqrt(a.count()) - Math.sqrt(e));
            double adjusted = switch (applied) {
                case MULTIPLICATIVE -> z / Math.sqrt(phi);
                case ADDITIVE -> (Math.sqrt(a.count() / e) - 1) / Math.sqrt(s * s + tau2);
                case NONE -> z;
            };
            Limits poisson = poissonLimits(a.population());
            Limits limits = applied == Overdispersion.NONE ? poisson : limits(a.population());
            out.add(new Point(a, e, z, adjusted, limits, poisson, band(a.rate(), limits)));
        }
        this.points = List.copyOf(out);
    }

    /** The funnel around the pooled rate ΣO/Σn of the areas themselves. */
    public static Funnel pooled(List<AreaCount> areas, Overdispersion method, double winsorise) {
        long events = areas.stream().mapToLong(AreaCount::count).sum();
        long people = areas.stream().mapToLong(AreaCount::population).sum();
        return of(areas, people == 0 ? 0 : (double) events / people, method, winsorise);
    }

    /**
     * The funnel of {@code areas} around {@code referenceRate} (events per person).
     *
     * @param winsorise the fraction winsorised in each tail before φ is estimated, in [0, 0.5); 0.1 is usual
     * @throws IllegalArgumentException when there are no areas, the reference rate is not positive and finite, or
     *                                  winsorise is outside [0, 0.5)
     */
    public static Funnel of(List<AreaCount> areas, double referenceRate, Overdispersion method, double winsorise) {
        Objects.requireNonNull(method, "method");
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("areas must not be empty");
        }
        if (!(referenceRate > 0) || Double.isInfinite(referenceRate)) {
            throw new IllegalArgumentException("referenceRate must be > 0 and finite, was " + referenceRate
                    + " (no events: no funnel)");
        }
        if (!(winsorise >= 0 && winsorise < 0.5)) {
            throw new IllegalArgumentException("winsorise must be in [0, 0.5), was " + winsorise);
        }
        int n = areas.size();
        double[] z = new double[n];
        double sumW = 0;
        double sumW2 = 0;
        for (int i = 0; i < n; i++) {
            AreaCount a = areas.get(i);
            double e = referenceRate * a.population();
            z[i] = 2 * (Math.sqrt(a.count()) - Math.sqrt(e));
            double w = 4 * e;
            sumW += w;
            sumW2 += w * w;
        }
        double phi = Arrays.stream(winsorised(z, winsorise)).map(v -> v * v).sum() / n;
        double denominator = sumW - sumW2 / sumW;
        double tau2 = n * phi < n - 1 || denominator <= 0 ? 0 : Math.max(0, (n * phi - (n - 1)) / denominator);
        Overdispersion applied = switch (method) {
            case MULTIPLICATIVE -> phi > 1 ? Overdispersion.MULTIPLICATIVE : Overdispersion.NONE;
            case ADDITIVE -> tau2 > 0 ? Overdispersion.ADDITIVE : Overdispersion.NONE;
            case NONE -> Overdispersion.NONE;
        };
        return new Funnel(referenceRate, method, applied, winsorise, phi, tau2, List.copyOf(areas));
    }

    /**
     * {@code values} with those below the {@code fraction} quantile raised to it and those above the 1 − fraction
     * quantile lowered to it, quantiles by R's type 7 (linear interpolation between order statistics).
     */
    static double[] winsorised(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double lo = quantile7(sorted, fraction);
        double hi = quantile7(sorted, 1 - fraction);
        return Arrays.stream(values).map(v -> Math.min(hi, Math.max(lo, v))).toArray();
    }

    private static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /** The limits in use at this population. */
    public Limits limits(double population) {
        if (applied == Overdispersion.NONE) {
            return poissonLimits(population);
        }
        double e = referenceRate * population;
        double s2 = 1 / (4 * e);
        double sd = applied == Overdispersion.MULTIPLICATIVE ? Math.sqrt(phi * s2) : Math.sqrt(s2 + tau2);
        return new Limits(population, e, referenceRate * squaredLower(Z95 * sd), referenceRate * square(1 + Z95 * sd),
                referenceRate * squaredLower(Z998 * sd), referenceRate * square(1 + Z998 * sd));
    }

    /** The exact Poisson limits at this population, whatever the overdispersion setting. */
    public Limits poissonLimits(double population) {
        if (!(population > 0)) {
            throw new IllegalArgumentException("population must be > 0, was " + population);
        }
        double e = referenceRate * population;
        return new Limits(population, e, referenceRate * chi(0.025, 2 * e) / (2 * e),
                referenceRate * chi(0.975, 2 * e + 2) / (2 * e), referenceRate * chi(0.001, 2 * e) / (2 * e),
                referenceRate * chi(0.999, 2 * e + 2) / (2 * e));
    }

    private static double chi(double p, double df) {
        return new ChiSquaredDistribution(null, df, 1e-14).inverseCumulativeProbability(p);
    }

    private static double squaredLower(double half) {
        return half >= 1 ? 0 : square(1 - half);
    }

    private static double square(double v) {
        return v * v;
    }

    private static Band band(double rate, Limits l) {
        if (rate > l.upper998()) {
            return Band.ABOVE_998;
        }
        if (rate > l.upper95()) {
            return Band.ABOVE_95;
        }
        if (rate < l.lower998()) {
            return Band.BELOW_998;
        }
        return rate < l.lower95() ? Band.BELOW_95 : Band.WITHIN;
    }

    /** The reference rate θ (events per person). */
    public double referenceRate() {
        return referenceRate;
    }

    /** The overdispersion setting asked for. */
    public Overdispersion requested() {
        return requested;
    }

    /** The adjustment actually applied: {@link Overdispersion#NONE} when the data showed no overdispersion. */
    public Overdispersion applied() {
        return applied;
    }

    /** The fraction winsorised in each tail. */
    public double winsorise() {
        return winsorise;
    }

    /** The overdispersion factor φ (mean squared winsorised z-score). */
    public double phi() {
        return phi;
    }

    /** The between-area variance τ² on the square-root scale. */
    public double tau2() {
        return tau2;
    }

    /** The areas in input order. */
    public List<Point> points() {
        return points;
    }

    /** One sentence naming the limits in use, φ, τ² and the winsorisation, for the output's method column. */
    public String statement() {
        String base = String.format(Locale.ROOT, "phi %.4f, tau2 %.6g (z-scores 2(sqrt O - sqrt E) winsorised %.0f %% each tail, %d areas)",
                phi, tau2, winsorise * 100, points.size());
        return switch (applied) {
            case MULTIPLICATIVE -> "multiplicative overdispersion: limits (1 ± z·sqrt(phi)·s)²; " + base;
            case ADDITIVE -> "additive random effects: limits (1 ± z·sqrt(s² + tau2))²; " + base;
            case NONE -> (requested == Overdispersion.NONE ? "exact Poisson limits (no adjustment asked); "
                    : "exact Poisson limits (" + requested.key() + " asked, no overdispersion found); ") + base;
        };
    }
}
