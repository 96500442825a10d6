package fi.polku.change;

/**
 * Clinical significance cutoffs of Jacobson &amp; Truax (1991), with the "true score" versions of Hageman &amp;
 * Arrindell (1999). With d = +1 when higher is better and −1 when lower is better:
 * <ul>
 *   <li>a = M_clin + d · 2 · SD_clin (beyond the clinical population's range);</li>
 *   <li>b = M_func − d · 2 · SD (within the functional population's range);</li>
 *   <li>c = (SD_clin · M_func + SD_func · M_clin) / (SD_clin + SD_func) (nearer the functional mean).</li>
 * </ul>
 * The 1991 paper takes b's SD from the functional population; the R package {@code clinicalsignificance}
 * (and values computed with it) take the clinical SD. {@link BSd} chooses, the paper by default. The HA
 * versions multiply each SD by the square root of its population's reliability.
 */
public final class Cutoffs {
    /** Whose SD cutoff b uses. */
    public enum BSd {
        /** The functional population's SD, as in Jacobson &amp; Truax (1991). Polku's default. */
        FUNCTIONAL,
        /** The clinical population's SD, as the R package clinicalsignificance computes it. */
        CLINICAL
    }

    /** A population's mean and SD, and the reliability of the scale in it (1 when not needed). */
    public record Population(double mean, double sd, double reliability) {
        public Population {
            if (!(sd > 0)) {
                throw new IllegalArgumentException("sd must be positive, was " + sd);
            }
            if (!(reliability > 0 && reliability <= 1)) {
                throw new IllegalArgumentException("reliability must be in (0, 1], was " + reliability);
            }
        }

        /** A population without reliability (JT cutoffs). */
        public static Population of(double mean, double sd) {
            return new Population(mean, sd, 1);
        }
    }

    private Cutoffs() {
    }

    /** Cutoff a. */
    public static double a(Population clinical, Direction d) {
        return clinical.mean() + d.sign() * 2 * clinical.sd();
    }

    /** Cutoff b, with b's SD taken from the population {@code sd} names. */
    public static double b(Population clinical, Population functional, Direction d, BSd sd) {
        double spread = sd == BSd.FUNCTIONAL ? functional.sd() : clinical.sd();
        return functional.mean() - d.sign() * 2 * spread;
    }

    /** Cutoff c. */
    public static double c(Population clinical, Population functional) {
        return (clinical.sd() * functional.mean() + functional.sd() * clinical.mean()) / (clinical.sd() + functional.sd());
    }

    /** HA's true-score cutoff a: M_clin + d · 2 · SD_clin · √r_clin. */
    public static double aTrue(Population clinical, Direction d) {
        return clinical.mean() + d.sign() * 2 * clinical.sd() * Math.sqrt(clinical.reliability());
    }

    /** HA's true-score cutoff b: M_func − d · 2 · SD · √r, SD and r of the population {@code sd} names. */
    public static double bTrue(Population clinical, Population functional, Direction d, BSd sd) {
        Population of = sd == BSd.FUNCTIONAL ? functional : clinical;
        return functional.mean() - d.sign() * 2 * of.sd() * Math.sqrt(of.reliability());
    }

    /** HA's true-score cutoff c: c with each SD multiplied by the square root of its reliability. */
    public static double cTrue(Population clinical, Population functional) {
        double sc = clinical.sd() * Math.sqrt(clinical.reliability());
        double sf = functional.sd() * Math.sqrt(functional.reliability());
        return (sc * functional.mean() + sf * clinical.mean()) / (sc + sf);
    }
}
