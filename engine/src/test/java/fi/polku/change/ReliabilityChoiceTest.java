package fi.polku.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.change.ChangeNorms.SdSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which reliability a series is judged with: the configured source, the fallback where the instrument has
 * none (CORS has no published α), the sample's own α with its n rule, and YCORS kept descriptive.
 */
class ReliabilityChoiceTest {
    private static final LocalDate D0 = LocalDate.of(2025, 1, 6);
    private static final InstrumentParameters PARAMS = InstrumentParameters.of(List.of(
            new InstrumentParameters.Parameter("ORS", "direction", "", "higher_is_better", "", "structural", "form"),
            new InstrumentParameters.Parameter("ORS", "reliability_alpha", "", "0.83", "", "secondary", "Miller 2003"),
            new InstrumentParameters.Parameter("ORS", "norm_sd", "", "5.83", "points", "secondary", "Miller 2003"),
            new InstrumentParameters.Parameter("CORS", "direction", "", "higher_is_better", "", "structural", "form"),
            new InstrumentParameters.Parameter("CORS", "clinical_cutoff", "6-12", "32", "points", "verified", "OpenFIT"),
            new InstrumentParameters.Parameter("CORS", "reliability_alpha", "", "", "", "not_found", "searched"),
            new InstrumentParameters.Parameter("CORS", "norm_sd", "", "6", "points", "secondary", "test only"),
            new InstrumentParameters.Parameter("YCORS", "direction", "", "higher_is_better", "", "structural", "form"),
            new InstrumentParameters.Parameter("YCORS", "reliable_change", "", "descriptive", "", "structural", "none found"),
            new InstrumentParameters.Parameter("YCORS", "norm_sd", "", "6", "points", "secondary", "test only")));
    /** A sample α of 0.90 from 40 intakes (values only matter through the estimate). */
    private static final SampleAlphas ALPHAS = SampleAlphas.of(Map.of(
            SampleAlphas.key("CORS", "6-12"), new CronbachAlpha.Estimate(40, 4, 0.90, 0.85, 0.94, 0.95),
            SampleAlphas.key("YCORS", "0-5"), new CronbachAlpha.Estimate(40, 4, 0.90, 0.85, 0.94, 0.95),
            SampleAlphas.key("ORS", "18+"), new CronbachAlpha.Estimate(9, 4, 0.95, 0.85, 0.99, 0.95)));
    private static final Trajectory T = Trajectory.of(List.of(new SeriesPoint(1, D0, 20.0),
            new SeriesPoint(2, D0.plusDays(14), 34.0)));

    private static ChangeSettings settings(ReliabilitySource source, ReliabilitySource fallback) {
        return new ChangeSettings(RciMethod.JT, source, fallback, SdSource.NORM, ClinicalRange.AtCutoff.FUNCTIONAL, 10);
    }

    @Test
    void corsWithoutPublishedAlphaFallsBackToTheSampleAlphaAndSaysSo() {
        Assessment a = new ChangeAssessor(PARAMS, settings(ReliabilitySource.ALPHA, ReliabilitySource.SAMPLE_ALPHA), ALPHAS)
                .assess("CORS", "6-12", T, PrePostMoments.create());
        assertEquals(0.90, a.reliability(), 0.0);
        // [COMP] JT: 14 / (√2 · 6 · √0.10) = 5.2174...; 20 → 34 crosses the cutoff 32: recovered.
        assertEquals(14 / (Math.sqrt(2) * 6 * Math.sqrt(0.10)), a.rci(), 1e-12);
        assertEquals(ChangeCategory.RECOVERED, a.category());
        assertTrue(a.reliabilitySource().startsWith("sample_alpha: Cronbach's alpha of the 4 items at 40 intakes"),
                a.reliabilitySource());
        assertTrue(a.reliabilitySource().contains("(fallback: no reliability_alpha for CORS"), a.reliabilitySource());
    }

    @Test
    void withoutFallbackCorsStaysNotAssessed() {
        Assessment a = new ChangeAssessor(PARAMS, settings(ReliabilitySource.ALPHA, null), ALPHAS)
                .assess("CORS", "6-12", T, PrePostMoments.create());
        assertNull(a.category());
        assertTrue(a.status().startsWith("not_assessed: no reliability_alpha for CORS"), a.status());
    }

    @Test
    void ycorsIsDescriptiveWhateverTheSource() {
        for (ReliabilitySource s : ReliabilitySource.values()) {
            Assessment a = new ChangeAssessor(PARAMS, settings(s, ReliabilitySource.SAMPLE_ALPHA), ALPHAS)
                    .assess("YCORS", "0-5", T, PrePostMoments.create());
            assertNull(a.rci(), s.code());
            assertEquals("not_assessed: YCORS is descriptive only: none found", a.status(), s.code());
        }
        ChangeAssessor assessor = new ChangeAssessor(PARAMS, ChangeSettings.defaults(), ALPHAS);
        assertEquals("YCORS is descriptive only: none found", assessor.descriptive("YCORS", "0-5").orElseThrow());
        assertTrue(assessor.descriptive("CORS", "6-12").isEmpty());
    }

    @Test
    void sampleAlphaNeedsMinSampleCasesIntakes() {
        ChangeAssessor assessor = new ChangeAssessor(PARAMS, settings(ReliabilitySource.SAMPLE_ALPHA, null), ALPHAS);
        ChangeAssessor.Reliability r = assessor.reliability("ORS", "18+");
        assertNull(r.value());
        assertEquals("sample_alpha of ORS 18+ needs 10 intakes with all items, found 9", r.text());
        // The published α is still there for the sensitivity table.
        assertEquals(0.83, assessor.of(ReliabilitySource.ALPHA, "ORS", "18+").value(), 0.0);
        assertEquals("no sample_alpha for ORS 13-17: no intake with all items",
                assessor.reliability("ORS", "13-17").text());
    }

    /**
     * A judge prepared once for many trajectories must not fail sooner than judging each did: with unusable norms (a
     * sample whose intakes are all equal: SD 0) a series without a change is still "single measurement", and only a
     * series with a change fails, with ChangeNorms' message (the review of the judge refactor found the first throwing).
     */
    @Test
    void unusableNormsFailOnlyTheSeriesThatNeedThem() {
        ChangeSettings sampleSd = new ChangeSettings(RciMethod.JT, ReliabilitySource.ALPHA, null, SdSource.SAMPLE_INTAKE,
                ClinicalRange.AtCutoff.FUNCTIONAL, 2);
        PrePostMoments equalIntakes = PrePostMoments.create().accept(20, 30).accept(20, 35);
        ChangeAssessor.Judge judge = new ChangeAssessor(PARAMS, sampleSd).judge("ORS", "18+", equalIntakes);
        Trajectory single = Trajectory.of(List.of(new SeriesPoint(1, D0, 21.0)));
        assertEquals("not_assessed: single measurement", judge.assess(single).status());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> judge.assess(T));
        assertEquals("preSd must be positive and finite, was 0.0", e.getMessage());
    }
}
