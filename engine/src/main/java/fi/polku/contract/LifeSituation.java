package fi.polku.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One 3X10D life-situation assessment: ten domain satisfaction ratings 0–10, any of which may be
 * unanswered (null). The measure has no total score.
 *
 * @param round        the assessment round within the episode × respondent; null only before
 *                     {@code LifeSituationSeries} has derived it from date order
 * @param roundDerived whether the round was derived rather than given in the input
 * @param domains      exactly ten ratings, d01..d10 in order, null where not answered
 */
public record LifeSituation(
        RowSource source,
        String caseId,
        String episodeId,
        String region,
        Arm arm,
        Respondent respondent,
        LifeSituationVersion version,
        LocalDate assessmentDate,
        Integer round,
        boolean roundDerived,
        List<Integer> domains) {

    public LifeSituation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(respondent, "respondent");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(assessmentDate, "assessmentDate");
        if (domains.size() != LifeSituationVersion.DOMAINS) {
            throw new IllegalArgumentException("domains must have " + LifeSituationVersion.DOMAINS + " entries");
        }
        domains = Collections.unmodifiableList(new ArrayList<>(domains));
        for (Integer d : domains) {
            if (d != null && (d < LifeSituationVersion.RATING_MIN || d > LifeSituationVersion.RATING_MAX)) {
                throw new IllegalArgumentException("domain rating out of range: " + d);
            }
        }
        if (round != null && round < 1) {
            throw new IllegalArgumentException("round must be >= 1, was " + round);
        }
    }

    /** How many of the ten domains were answered. */
    public int domainsAnswered() {
        return (int) domains.stream().filter(Objects::nonNull).count();
    }

    /** A copy with the round set. */
    public LifeSituation withRound(int number, boolean derived) {
        return new LifeSituation(source, caseId, episodeId, region, arm, respondent, version, assessmentDate,
                number, derived, domains);
    }
}
