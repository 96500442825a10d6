package fi.polku.change;

import java.util.Locale;

/**
 * Where the reliability rxx of reliable change comes from: one of the published reliabilities of the
 * instrument parameter table, or the sample's own Cronbach's α of the items at intake ({@link CronbachAlpha}).
 * The choice moves the JT threshold in points by a factor of two or more, so it is a setting and every
 * output names it.
 */
public enum ReliabilitySource {
    /** Cronbach's α of a non-clinical sample, parameter {@code reliability_alpha}. */
    ALPHA("reliability_alpha"),
    /** Test–retest correlation, parameter {@code reliability_test_retest}. */
    TEST_RETEST("reliability_test_retest"),
    /** Cronbach's α of a clinical sample, parameter {@code reliability_alpha_clinical}. */
    ALPHA_CLINICAL("reliability_alpha_clinical"),
    /** This run's Cronbach's α of the items at intake, per instrument and age band. */
    SAMPLE_ALPHA(null);

    private final String parameter;

    ReliabilitySource(String parameter) {
        this.parameter = parameter;
    }

    /** The code used in the config and in tables, e.g. {@code test_retest}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The parameter of {@code instrument_parameters.csv} holding it, or null for {@link #SAMPLE_ALPHA}. */
    public String parameter() {
        return parameter;
    }

    /** Whether the value comes from the parameter table (a publication) rather than this run's data. */
    public boolean published() {
        return parameter != null;
    }

    /**
     * The source with this code.
     *
     * @throws IllegalArgumentException naming the valid codes
     */
    public static ReliabilitySource of(String code) {
        for (ReliabilitySource s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("reliability source must be one of alpha, test_retest, alpha_clinical,"
                + " sample_alpha; was '" + code + "'");
    }
}
