package fi.polku.change;

import fi.polku.change.ChangeNorms.SdSource;
import java.util.Optional;

/**
 * Judges trajectories of one outcome instrument: clinical status from the instrument's age-band cutoff,
 * reliable change by the configured method with the configured reliability and SD source, and the
 * Jacobson–Truax category. Everything it uses comes from the parameter table and the settings.
 */
public final class ChangeAssessor {
    private final InstrumentParameters parameters;
    private final ChangeSettings settings;

    public ChangeAssessor(InstrumentParameters parameters, ChangeSettings settings) {
        this.parameters = parameters;
        this.settings = settings;
    }

    /**
     * Judges one trajectory.
     *
     * @param sample the complete cases (intake, latest) of the same instrument and age band in this run
     */
    public Assessment assess(String instrument, String ageBand, Trajectory t, PrePostMoments sample) {
        Direction direction = parameters.direction(instrument);
        Optional<InstrumentParameters.Sourced> cutoff = parameters.number(instrument, "clinical_cutoff", ageBand);
        ClinicalRange range = cutoff.map(c -> new ClinicalRange(c.value(), direction, settings.atCutoff())).orElse(null);
        Boolean intakeClinical = range == null || t.intake() == null ? null : range.isClinical(t.intake());
        Boolean latestClinical = range == null || t.latest() == null ? null : range.isClinical(t.latest());
        Double cut = cutoff.map(InstrumentParameters.Sourced::value).orElse(null);

        Optional<InstrumentParameters.Sourced> reliability = parameters.number(instrument, settings.reliability(), ageBand);
        if (reliability.isEmpty()) {
            return notAssessed(cut, intakeClinical, latestClinical, "no " + settings.reliability() + " for " + instrument
                    + " in datasets/instrument_parameters.csv", null, null, null, null);
        }
        double r = reliability.get().value();
        String rSource = settings.reliability() + ": " + reliability.get().source();
        Double sd;
        String sdSource;
        if (settings.sdSource() == SdSource.NORM) {
            Optional<InstrumentParameters.Sourced> norm = parameters.number(instrument, "norm_sd", ageBand);
            if (norm.isEmpty()) {
                return notAssessed(cut, intakeClinical, latestClinical, "no norm_sd for " + instrument
                        + " in datasets/instrument_parameters.csv", r, rSource, null, null);
            }
            sd = norm.get().value();
            sdSource = "norm: " + norm.get().source();
        } else {
            if (sample.count() < settings.minSampleCases()) {
                return notAssessed(cut, intakeClinical, latestClinical, "intake SD needs " + settings.minSampleCases()
                        + " complete cases of " + instrument + " " + ageBand + ", found " + sample.count(), r, rSource, null, null);
            }
            sd = sample.preSd();
            sdSource = "sample_intake: SD of " + sample.count() + " complete cases' intake scores";
        }
        if (t.change() == null) {
            return notAssessed(cut, intakeClinical, latestClinical, t.measured() == 1 ? "single measurement"
                    : "no measured session", r, rSource, sd, sdSource);
        }
        ChangeNorms norms = new ChangeNorms(sample.count() > 0 ? sample.preMean() : 0, sd,
                sample.count() > 0 ? sample.postMean() : 0, sample.count() > 1 ? sample.postSd() : sd,
                sample.count() > 1 && Double.isFinite(sample.correlation()) ? sample.correlation() : 0, r, r, settings.sdSource());
        ReliableChange rc = ReliableChange.of(settings.method(), norms, direction);
        double rci = rc.index(t.intake(), t.latest());
        ReliableChange.Verdict verdict = rc.verdict(t.intake(), t.latest());
        ChangeCategory category = range == null ? null : ChangeCategory.of(verdict, intakeClinical, latestClinical);
        String status = range == null ? Assessment.ASSESSED + "; no clinical cutoff for " + instrument + " " + ageBand
                + ": no category" : Assessment.ASSESSED;
        return new Assessment(cut, intakeClinical, latestClinical, Double.isFinite(rci) ? rci : null, category, status,
                r, rSource, sd, sdSource);
    }

    private static Assessment notAssessed(Double cutoff, Boolean intakeClinical, Boolean latestClinical, String why,
                                          Double r, String rSource, Double sd, String sdSource) {
        return new Assessment(cutoff, intakeClinical, latestClinical, null, null, "not_assessed: " + why, r, rSource, sd,
                sdSource);
    }
}
