package fi.polku.change;

/**
 * Methods for the reliable change index. References: Jacobson &amp; Truax (1991); Gulliksen, Lord &amp; Novick
 * (GLN); Hsu, Linn &amp; Lord (HLL); Edwards &amp; Nunnally (EN); Nunnally &amp; Kotsch (NK); Hageman &amp;
 * Arrindell (1999, HA). Formulas as in {@code shared/reference/REFERENCE.md}.
 */
public enum RciMethod {
    /** Jacobson–Truax: (x2 − x1) / (√2 · S1 · √(1 − rxx)). The default. */
    JT(1.959963984540054),
    /** Gulliksen–Lord–Novick: [(x2 − M1) − rxx(x1 − M1)] / (S1 · √(1 − rxx²)). */
    GLN(1.959963984540054),
    /** Hsu–Linn–Lord: [(x2 − M2) − rxx(x1 − M1)] / (S1 · √(1 − rxx²)). */
    HLL(1.959963984540054),
    /** Edwards–Nunnally: [x2 − (rxx(x1 − M1) + M1)] / (S1 · √(1 − rxx)). */
    EN(1.959963984540054),
    /** Nunnally–Kotsch: the EN numerator over √(rxx² S1² (1 − rxx) + S1² (1 − rxx_post)). */
    NK(1.959963984540054),
    /**
     * Hageman–Arrindell: [(x2 − x1) rDD + (M2 − M1)(1 − rDD)] / (√rDD · √(2 SE²)), with the reliability of
     * difference scores rDD from the pre and post SDs and reliabilities and the pre–post correlation; judged
     * one-sided at 1.645.
     */
    HA(1.6448536269514722);

    private final double critical;

    RciMethod(double critical) {
        this.critical = critical;
    }

    /** The critical value: z(0.975) = 1.959964 two-sided, or z(0.95) = 1.644854 one-sided for HA. */
    public double criticalValue() {
        return critical;
    }
}
