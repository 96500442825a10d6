package fi.polku.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.change.ChangeNorms.SdSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryTest {
    private static final LocalDate D0 = LocalDate.of(2025, 1, 6);

    private static SeriesPoint p(int no, int day, Double total) {
        return new SeriesPoint(no, D0.plusDays(day), total);
    }

    @Test
    void summarisesASeries() {
        Trajectory t = Trajectory.of(List.of(p(3, 14, 24.0), p(1, 0, 18.0), p(2, 7, null), p(4, 21, 27.0)));
        assertEquals(4, t.meetings());
        assertEquals(3, t.measured());
        assertEquals(0.25, t.skippedShare(), 0.0);
        assertEquals(21, t.daysInService());
        assertEquals(18.0, t.intake());
        assertEquals(27.0, t.latest());
        assertEquals(4, t.latestSessionNo());
        assertEquals(9.0, t.change());
        // [COMP] OLS by hand: x = 1, 3, 4; y = 18, 24, 27; x̄ = 8/3, ȳ = 23; Sxy = 14, Sxx = 14/3 → 3.
        assertEquals(3.0, t.slopePerSession(), 1e-12);
        // days 0, 14, 21: d̄ = 35/3; Sdy = 98, Sdd = 686/3 → 3/7 points a day, 90/7 per 30 days.
        assertEquals(90.0 / 7, t.slopePer30Days(), 1e-12);
    }

    @Test
    void singleMeasurementsAreKeptAndMarked() {
        Trajectory t = Trajectory.of(List.of(p(1, 0, 21.5), p(2, 7, null)));
        assertTrue(t.singleMeasurement());
        assertEquals(21.5, t.intake());
        assertNull(t.change());
        assertNull(t.slopePerSession());
    }

    @Test
    void allianceFlagsLowTotalsAndDrops() {
        AllianceSummary a = AllianceSummary.of(List.of(p(1, 0, 38.0), p(2, 7, 37.0), p(3, 14, 37.5)), 36, 1);
        assertEquals(3, a.sessions());
        assertEquals(37.5, a.last(), 0.0);
        assertEquals(false, a.belowCutoff());
        assertEquals(true, a.dropped(), "38 → 37 is a drop of 1");
        assertEquals(true, AllianceSummary.of(List.of(p(1, 0, 35.9)), 36, 1).belowCutoff());
        assertNull(AllianceSummary.of(List.of(p(1, 0, null)), 36, 1));
    }

    @Test
    void expectedResponseBandsAndStatuses() {
        assertEquals("0-10", ExpectedResponse.band(9.99));
        assertEquals("15-20", ExpectedResponse.band(15.0));
        assertEquals("30-40", ExpectedResponse.band(40.0));
        assertEquals(12, ExpectedResponse.curveSession(19));
        ExpectedResponse.Point point = new ExpectedResponse.Point("15-20", 4, 25, -1, 1.5, 4, 7, 9);
        assertEquals(ExpectedResponse.Status.ON_TRACK, ExpectedResponse.status(point, 1.5, Direction.HIGHER_IS_BETTER));
        assertEquals(ExpectedResponse.Status.AT_RISK, ExpectedResponse.status(point, 0.0, Direction.HIGHER_IS_BETTER));
        assertEquals(ExpectedResponse.Status.OFF_TRACK, ExpectedResponse.status(point, -2.0, Direction.HIGHER_IS_BETTER));
        assertEquals(ExpectedResponse.Status.NOT_ENOUGH_DATA, ExpectedResponse.status(point, null, Direction.HIGHER_IS_BETTER));
        ExpectedResponse.Point thin = new ExpectedResponse.Point("15-20", 4, 19, -1, 1.5, 4, 7, 9);
        assertEquals(ExpectedResponse.Status.NOT_ENOUGH_DATA, ExpectedResponse.status(thin, 5.0, Direction.HIGHER_IS_BETTER));
    }

    @Test
    void domainChangeWithTrafficLights() {
        List<Integer> first = new ArrayList<>(List.of(3, 5, 8, 6, 7, 2, 4, 5, 6, 5));
        List<Integer> second = new ArrayList<>(List.of(6, 5, 7, 6, 9, 2, 4, 5, 6, 5));
        first.set(9, null);
        List<DomainChange> changes = DomainChange.of(List.of(new DomainChange.Round(2, second), new DomainChange.Round(1, first)), 5, 7);
        assertEquals(10, changes.size());
        DomainChange health = changes.get(0);
        assertEquals(3, health.firstRating());
        assertEquals(6, health.lastRating());
        assertEquals(3, health.change());
        assertEquals("red→yellow", health.transition());
        assertEquals(-1, changes.get(2).change());
        assertEquals("green→yellow", changes.get(2).transition());
        DomainChange life = changes.get(9);
        assertEquals(1, life.roundsAnswered());
        assertNull(life.change(), "answered once: no change");
    }

    @Test
    void assessorUsesTheParameterTableAndSaysWhatItRestsOn() {
        InstrumentParameters params = InstrumentParameters.of(List.of(
                new InstrumentParameters.Parameter("ORS", "direction", "", "higher_is_better", "", "structural", "form"),
                new InstrumentParameters.Parameter("ORS", "clinical_cutoff", "13-17", "28", "points", "unverified", "cited"),
                new InstrumentParameters.Parameter("ORS", "reliability_alpha", "", "0.83", "", "secondary", "Miller 2003"),
                new InstrumentParameters.Parameter("ORS", "norm_sd", "", "5.83", "points", "secondary", "Miller 2003"),
                new InstrumentParameters.Parameter("CORS", "direction", "", "higher_is_better", "", "structural", "form")));
        ChangeSettings norm = new ChangeSettings(RciMethod.JT, ReliabilitySource.ALPHA, null, SdSource.NORM,
                ClinicalRange.AtCutoff.FUNCTIONAL, 10);
        Trajectory t = Trajectory.of(List.of(p(1, 0, 18.0), p(2, 7, 30.0)));
        Assessment a = new ChangeAssessor(params, norm).assess("ORS", "13-17", t, PrePostMoments.create());
        // [COMP] JT: 12 / (√2 · 5.83 · √0.17) = 3.5363...
        assertEquals(12 / (Math.sqrt(2) * 5.83 * Math.sqrt(0.17)), a.rci(), 1e-12);
        assertEquals(ChangeCategory.RECOVERED, a.category());
        assertEquals(true, a.intakeClinical());
        assertTrue(a.sdSource().startsWith("norm"), a.sdSource());
        Assessment sample = new ChangeAssessor(params, ChangeSettings.defaults()).assess("ORS", "13-17", t, PrePostMoments.create());
        assertTrue(sample.status().startsWith("not_assessed: intake SD needs 10 complete cases"), sample.status());
        Assessment cors = new ChangeAssessor(params, norm).assess("CORS", "6-12", t, PrePostMoments.create());
        assertTrue(cors.status().contains("no reliability_alpha for CORS"), cors.status());
    }
}
