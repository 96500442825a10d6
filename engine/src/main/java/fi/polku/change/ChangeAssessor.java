package fi.polku.change;

import fi.polku.change.ChangeNorms.SdSource;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges trajectories of one outcome instrument: clinical status from the instrument's age-band cutoff,
 * reliable change by the configured method with the configured reliability and SD source, and the
 * Jacobson–Truax category. Everything it uses comes from the parameter table, the settings and the sample's
 * own α ({@link SampleAlphas}); an instrument whose parameter {@code reliable_change} is {@code descriptive}
 * (YCORS: no published reliability) is never judged.
 */
public final class ChangeAssessor {
    /** The parameter that marks an instrument as descriptive only. */
    public static final String RELIABLE_CHANGE = "reliable_change";

    private final InstrumentParameters parameters;
    private final ChangeSettings settings;
    private final SampleAlphas sampleAlphas;

    /** An assessor without sample α: {@link ReliabilitySource#SAMPLE_ALPHA} then assesses nothing. */
    public ChangeAssessor(InstrumentParameters parameters, ChangeSettings settings) {
        this(parameters, settings, SampleAlphas.none());
    }

    public ChangeAssessor(InstrumentParameters parameters, ChangeSettings settings, SampleAlphas sampleAlphas) {
        this.parameters = parameters;
        this.settings = settings;
        this.sampleAlphas = sampleAlphas;
    }

    /**
     * The reliability rxx with where it comes from, or why there is none.
     *
     * @param value  rxx, or null when there is none
     * @param source the source actually used (the fallback's when the configured one had no value)
     * @param text   {@code <source>: <where the number comes from>}, or the reason there is none
     */
    public record Reliability(Double value, ReliabilitySource source, String text) {
    }

    /** Why an instrument's change is never judged ({@code reliable_change: descriptive}), or empty. */
    public Optional<String> descriptive(String instrument, String ageBand) {
        return parameters.parameter(instrument, RELIABLE_CHANGE, ageBand).filter(p -> "descriptive".equals(p.value()))
                .map(p -> instrument + " is descriptive only: " + p.source());
    }

    /** The reliability the settings give an instrument and age band: the configured source, else the fallback. */
    public Reliability reliability(String instrument, String ageBand) {
        Optional<String> descriptive = descriptive(instrument, ageBand);
        if (descriptive.isPresent()) {
            return new Reliability(null, null, descriptive.get());
        }
        Reliability chosen = of(settings.reliability(), instrument, ageBand);
        if (chosen.value() != null || settings.fallback() == null || settings.fallback() == settings.reliability()) {
            return chosen;
        }
        Reliability fallback = of(settings.fallback(), instrument, ageBand);
        if (fallback.value() == null) {
            return new Reliability(null, null, chosen.text() + "; fallback " + fallback.text());
        }
        return new Reliability(fallback.value(), fallback.source(), fallback.text() + " (fallback: "
                + chosen.text() + ")");
    }

    /** The reliability of one source alone, or why there is none. */
    public Reliability of(ReliabilitySource source, String instrument, String ageBand) {
        if (source.published()) {
            Optional<InstrumentParameters.Sourced> p = parameters.number(instrument, source.parameter(), ageBand);
            return p.map(s -> new Reliability(s.value(), source, source.code() + ": " + s.source()))
                    .orElse(new Reliability(null, source, "no " + source.parameter() + " for " + instrument
                            + " in datasets/instrument_parameters.csv"));
        }
        Optional<CronbachAlpha.Estimate> e = sampleAlphas.get(instrument, ageBand);
        if (e.isEmpty()) {
            return new Reliability(null, source, "no sample_alpha for " + instrument + " " + ageBand
                    + ": no intake with all items");
        }
        CronbachAlpha.Estimate a = e.get();
        if (a.n() < settings.minSampleCases()) {
            return new Reliability(null, source, "sample_alpha of " + instrument + " " + ageBand + " needs "
                    + settings.minSampleCases() + " intakes with all items, found " + a.n());
        }
        if (!(a.alpha() > 0 && a.alpha() < 1)) {
            return new Reliability(null, source, "sample_alpha of " + instrument + " " + ageBand + " is "
                    + String.format(Locale.ROOT, "%.3f", a.alpha()) + ", not in (0, 1)");
        }
        return new Reliability(a.alpha(), source, describe(a));
    }

    /** {@code sample_alpha: Cronbach's α of 412 intakes, 95 % Feldt interval 0.931–0.949}. */
    public static String describe(CronbachAlpha.Estimate a) {
        return String.format(Locale.ROOT, "sample_alpha: Cronbach's alpha of the %d items at %d intakes in this run,"
                + " %.0f %% Feldt interval %.3f-%.3f", a.items(), a.n(), a.level() * 100, a.lower(), a.upper());
    }

    /**
     * Judges one trajectory: {@code judge(instrument, ageBand, sample).assess(t)}.
     *
     * @param sample the complete cases (intake, latest) of the same instrument and age band in this run
     */
    public Assessment assess(String instrument, String ageBand, Trajectory t, PrePostMoments sample) {
        return judge(instrument, ageBand, sample).assess(t);
    }

    /**
     * Everything about judging one instrument and age band that does not depend on the trajectory — cutoff,
     * reliability and its source text, SD and its source, the reliable-change rule — worked out once: a run judges
     * millions of trajectories against a handful of these.
     *
     * @param sample the complete cases (intake, latest) of the same instrument and age band in this run; read now
     */
    public Judge judge(String instrument, String ageBand, PrePostMoments sample) {
        Direction direction = parameters.direction(instrument);
        Optional<InstrumentParameters.Sourced> cutoff = parameters.number(instrument, "clinical_cutoff", ageBand);
        ClinicalRange range = cutoff.map(c -> new ClinicalRange(c.value(), direction, settings.atCutoff())).orElse(null);
        Double cut = cutoff.map(InstrumentParameters.Sourced::value).orElse(null);
        String assessed = range == null ? Assessment.ASSESSED + "; no clinical cutoff for " + instrument + " " + ageBand
                + ": no category" : Assessment.ASSESSED;

        Reliability reliability = reliability(instrument, ageBand);
        if (reliability.value() == null) {
            return new Judge(cut, range, reliability.text(), null, null, null, null, null, assessed);
        }
        double r = reliability.value();
        String rSource = reliability.text();
        if (settings.sdSource() == SdSource.NORM) {
            Optional<InstrumentParameters.Sourced> norm = parameters.number(instrument, "norm_sd", ageBand);
            if (norm.isEmpty()) {
                return new Judge(cut, range, "no norm_sd for " + instrument + " in datasets/instrument_parameters.csv",
                        r, rSource, null, null, null, assessed);
            }
            double sd = norm.get().value();
            return new Judge(cut, range, null, r, rSource, sd, "norm: " + norm.get().source(),
                    () -> ReliableChange.of(settings.method(), norms(sd, r, sample), direction), assessed);
        }
        if (sample.count() < settings.minSampleCases()) {
            return new Judge(cut, range, "intake SD needs " + settings.minSampleCases() + " complete cases of " + instrument
                    + " " + ageBand + ", found " + sample.count(), r, rSource, null, null, null, assessed);
        }
        double sd = sample.preSd();
        return new Judge(cut, range, null, r, rSource, sd, "sample_intake: SD of " + sample.count()
                + " complete cases' intake scores", () -> ReliableChange.of(settings.method(), norms(sd, r, sample), direction),
                assessed);
    }

    /** The judgement of one instrument and age band, prepared by {@link #judge}: immutable, safe to share. */
    public static final class Judge {
        private final Double cutoff;
        private final ClinicalRange range;
        /** Why nothing is judged (no reliability, no SD), or null. */
        private final String notJudged;
        private final Double r;
        private final String rSource;
        private final Double sd;
        private final String sdSource;
        /** The reliable-change rule, or null when its norms are unusable (then {@link #unusable} says why). */
        private final ReliableChange rule;
        private final IllegalArgumentException unusable;
        private final String assessedStatus;

        private Judge(Double cutoff, ClinicalRange range, String notJudged, Double r, String rSource, Double sd,
                      String sdSource, Supplier<ReliableChange> rule, String assessedStatus) {
            this.cutoff = cutoff;
            this.range = range;
            this.notJudged = notJudged;
            this.r = r;
            this.rSource = rSource;
            this.sd = sd;
            this.sdSource = sdSource;
            this.assessedStatus = assessedStatus;
            ReliableChange made = null;
            IllegalArgumentException why = null;
            if (rule != null) {
                try {
                    made = rule.get();
                } catch (IllegalArgumentException e) {
                    why = e; // e.g. an intake SD of 0: only a trajectory with a change needs the rule, as before
                }
            }
            this.rule = made;
            this.unusable = why;
        }

        /** Judges one trajectory of this instrument and age band. */
        public Assessment assess(Trajectory t) {
            Boolean intakeClinical = range == null || t.intake() == null ? null : range.isClinical(t.intake());
            Boolean latestClinical = range == null || t.latest() == null ? null : range.isClinical(t.latest());
            if (notJudged != null) {
                return notAssessed(cutoff, intakeClinical, latestClinical, notJudged, r, rSource, null, null);
            }
            if (t.change() == null) {
                return notAssessed(cutoff, intakeClinical, latestClinical, t.measured() == 1 ? "single measurement"
                        : "no measured session", r, rSource, sd, sdSource);
            }
            if (rule == null) {
                throw new IllegalArgumentException(unusable.getMessage(), unusable);
            }
            double rci = rule.index(t.intake(), t.latest());
            ReliableChange.Verdict verdict = rule.verdict(t.intake(), t.latest());
            ChangeCategory category = range == null ? null : ChangeCategory.of(verdict, intakeClinical, latestClinical);
            return new Assessment(cutoff, intakeClinical, latestClinical, Double.isFinite(rci) ? rci : null, category,
                    assessedStatus, r, rSource, sd, sdSource);
        }
    }

    /**
     * The S1 this assessor uses for an instrument and age band (norm SD or the sample's intake SD), or null
     * when it has none.
     */
    public Double sd(String instrument, String ageBand, PrePostMoments sample) {
        if (settings.sdSource() == SdSource.NORM) {
            return parameters.number(instrument, "norm_sd", ageBand).map(InstrumentParameters.Sourced::value).orElse(null);
        }
        return sample.count() < settings.minSampleCases() ? null : sample.preSd();
    }

    private ChangeNorms norms(double sd, double r, PrePostMoments sample) {
        return new ChangeNorms(sample.count() > 0 ? sample.preMean() : 0, sd,
                sample.count() > 0 ? sample.postMean() : 0, sample.count() > 1 ? sample.postSd() : sd,
                sample.count() > 1 && Double.isFinite(sample.correlation()) ? sample.correlation() : 0, r, r, settings.sdSource());
    }

    private static Assessment notAssessed(Double cutoff, Boolean intakeClinical, Boolean latestClinical, String why,
                                          Double r, String rSource, Double sd, String sdSource) {
        return new Assessment(cutoff, intakeClinical, latestClinical, null, null, "not_assessed: " + why, r, rSource, sd,
                sdSource);
    }
}
