package fi.polku.contract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One administration of one FIT instrument at one meeting: the clean, typed form of a {@code fit_sessions}
 * row.
 *
 * @param sessionNo        the meeting's number within its series (episode × respondent × instrument);
 *                         null only before {@code SessionSeries} has derived it from date order
 * @param sessionNoDerived whether the number was derived rather than given in the input
 */
public record FitSession(
        RowSource source,
        String caseId,
        String episodeId,
        String region,
        Arm arm,
        Respondent respondent,
        AgeBand ageBand,
        Instrument instrument,
        LocalDate sessionDate,
        Integer sessionNo,
        boolean sessionNoDerived,
        Scores scores) {

    public FitSession {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(respondent, "respondent");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(sessionDate, "sessionDate");
        Objects.requireNonNull(scores, "scores");
        if (sessionNo != null && sessionNo < 1) {
            throw new IllegalArgumentException("sessionNo must be >= 1, was " + sessionNo);
        }
        if (scores.total() != null && (scores.total() < 0 || scores.total() > instrument.totalMax() + 1e-9)) {
            throw new IllegalArgumentException("total out of range: " + scores.total());
        }
    }

    /** The series this session belongs to: one episode's ratings by one respondent on one instrument. */
    public SeriesKey seriesKey() {
        return new SeriesKey(caseId, episodeId, respondent, instrument);
    }

    /** A copy with the session number set. */
    public FitSession withSessionNo(int number, boolean derived) {
        return new FitSession(source, caseId, episodeId, region, arm, respondent, ageBand, instrument,
                sessionDate, number, derived, scores);
    }

    /** Identifies one episode × respondent × instrument series. */
    public record SeriesKey(String caseId, String episodeId, Respondent respondent, Instrument instrument) {
    }
}
