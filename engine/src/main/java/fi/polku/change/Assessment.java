package fi.polku.change;

/**
 * The judgement on one trajectory: intake and latest clinical status against the age-band cutoff, the
 * reliable change index and category, and what they rest on (reliability and SD with their sources). When
 * something is missing the fields stay null and {@code status} says why, e.g.
 * {@code not_assessed: no reliability_alpha for CORS in datasets/instrument_parameters.csv}.
 */
public record Assessment(
        Double cutoff,
        Boolean intakeClinical,
        Boolean latestClinical,
        Double rci,
        ChangeCategory category,
        String status,
        Double reliability,
        String reliabilitySource,
        Double sd,
        String sdSource) {

    /** The status of an assessment that went through. */
    public static final String ASSESSED = "assessed";
}
