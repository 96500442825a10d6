package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.polku.contract.AgeBand;
import fi.polku.contract.Arm;
import fi.polku.contract.FitSession;
import fi.polku.contract.Instrument;
import fi.polku.contract.Respondent;
import fi.polku.contract.RowSource;
import fi.polku.contract.Scores;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EpisodeRulesTest {

    private static Candidate<FitSession> row(long line, String region, Arm arm, Instrument instrument,
                                             String date, Integer no, double total) {
        FitSession s = new FitSession(new RowSource("f.csv", line), "C1", "E1", region, arm, Respondent.YOUTH,
                AgeBand.AGE_13_17, instrument, LocalDate.parse(date), no, false, Scores.ofTotal(total));
        return new Candidate<>(s.source(), s, "raw " + line, region);
    }

    private static Candidate<FitSession> row(long line, String date, Integer no, double total) {
        return row(line, "12", Arm.PROJECT, Instrument.ORS, date, no, total);
    }

    private static String summary(Checked<FitSession> c) {
        String kept = c.kept().stream()
                .map(k -> k.source().line() + "#" + k.value().sessionNo() + (k.value().sessionNoDerived() ? "d" : ""))
                .collect(Collectors.joining(","));
        String rejected = c.rejected().stream()
                .map(r -> r.source().line() + ":" + r.first().reason().code())
                .sorted().collect(Collectors.joining(","));
        return kept + " | " + rejected;
    }

    @Test
    void givenNumbersAreKeptAndChecked() {
        Checked<FitSession> c = EpisodeRules.SESSIONS.check(List.of(
                row(2, "2025-01-10", 1, 20),
                row(3, "2025-02-10", 2, 22),
                row(4, "2025-02-10", 2, 22),      // exact repeat of line 3: line 3 kept
                row(5, "2025-03-10", 5, 25),      // number 5 twice with different values: neither kept
                row(6, "2025-01-05", 3, 24),      // number 3 dated before number 2
                row(7, "2025-04-10", 4, 26),
                row(8, "2025-03-10", 5, 27)));
        assertEquals("2#1,3#2,7#4 | 4:duplicate,5:conflicting_duplicate,6:session_order,8:conflicting_duplicate", summary(c));
    }

    @Test
    void conflictingDuplicatesAreAllQuarantinedEachNamingTheOthers() {
        Checked<FitSession> c = EpisodeRules.SESSIONS.check(List.of(
                row(2, "2025-01-10", 1, 20),
                row(9, "2025-01-10", 1, 20),
                row(4, "2025-01-10", 1, 31)));
        assertEquals(" | 2:conflicting_duplicate,4:conflicting_duplicate,9:conflicting_duplicate", summary(c));
        List<String> reasons = c.rejected().stream().map(r -> r.source().line() + " " + r.reason()).sorted().toList();
        assertEquals(List.of(
                "2 session_no: session_no 1 is also on f.csv line 4, f.csv line 9 with different values; none of them is used, as nothing"
                        + " says which is right: correct the export and run again",
                "4 session_no: session_no 1 is also on f.csv line 2, f.csv line 9 with different values; none of them is used, as nothing"
                        + " says which is right: correct the export and run again",
                "9 session_no: session_no 1 is also on f.csv line 2, f.csv line 4 with different values; none of them is used, as nothing"
                        + " says which is right: correct the export and run again"), reasons);
    }

    @Test
    void missingNumbersAreDerivedFromDateOrder() {
        Checked<FitSession> c = EpisodeRules.SESSIONS.check(List.of(
                row(2, "2025-03-01", null, 25),
                row(3, "2025-01-01", null, 20),
                row(4, "2025-02-01", null, 22),
                row(5, "2025-02-01", null, 22)));  // same date and scores as line 4
        assertEquals("2#3d,3#1d,4#2d | 5:duplicate", summary(c));
    }

    @Test
    void episodeKeepsOneRegionAndArm() {
        Checked<FitSession> c = EpisodeRules.SESSIONS.check(List.of(
                row(2, "12", Arm.PROJECT, Instrument.ORS, "2025-01-01", 1, 20),
                row(3, "13", Arm.PROJECT, Instrument.ORS, "2025-02-01", 2, 20),
                row(4, "12", Arm.COMPARISON, Instrument.ORS, "2025-03-01", 3, 20),
                row(5, "12", Arm.PROJECT, Instrument.SRS, "2025-01-01", 1, 38)));
        assertEquals("2#1,5#1 | 3:episode_inconsistent,4:episode_inconsistent", summary(c));
        assertEquals("region", c.rejected().get(0).first().column());
    }

    @Test
    void outcomeDoesNotDependOnArrivalOrder() {
        List<Candidate<FitSession>> rows = new ArrayList<>(List.of(
                row(2, "2025-01-10", null, 20), row(3, "2025-02-10", null, 22), row(4, "2025-02-10", null, 23),
                row(5, "2025-03-10", null, 25), row(6, "2025-01-10", null, 20), row(7, "2025-04-10", null, 26)));
        String expected = summary(EpisodeRules.SESSIONS.check(rows));
        Random random = new Random(20261122);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(rows, random);
            assertEquals(expected, summary(EpisodeRules.SESSIONS.check(rows)));
        }
    }
}
