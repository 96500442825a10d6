package fi.polku.change;

/**
 * What the reliable change methods need to know about the scores besides one person's pre and post: the
 * pre (M1, S1) and post (M2, S2) means and SDs, their correlation r12, and the reliability of the pre
 * scores (and, for NK, of the post scores). Where S1 comes from — the sample's intake scores or a published
 * norm — is the caller's choice and is reported as {@code sdSource}.
 */
public record ChangeNorms(double preMean, double preSd, double postMean, double postSd, double correlation,
                          double reliability, double postReliability, SdSource sdSource) {

    /** Where the pre-score SD comes from. */
    public enum SdSource {
        /** The SD of the intake scores of this sample's complete cases. */
        SAMPLE_INTAKE,
        /** A published norm SD from the instrument parameter table. */
        NORM;

        /** The code written to tables. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ChangeNorms {
        if (!(preSd > 0) || !Double.isFinite(preSd)) {
            throw new IllegalArgumentException("preSd must be positive and finite, was " + preSd);
        }
        checkReliability("reliability", reliability);
        checkReliability("postReliability", postReliability);
    }

    /** Norms for the methods that need only S1 and rxx (JT); means set to 0 and post equal to pre. */
    public static ChangeNorms ofSd(double preSd, double reliability, SdSource source) {
        return new ChangeNorms(0, preSd, 0, preSd, 0, reliability, reliability, source);
    }

    private static void checkReliability(String name, double r) {
        if (!(r > 0 && r < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), was " + r);
        }
    }
}
