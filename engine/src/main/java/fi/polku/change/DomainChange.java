package fi.polku.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one 3X10D domain moved over an episode's assessments by one respondent: the first and the last
 * answered rating, their rounds, the change, and the traffic-light transition. A domain answered once has
 * a first rating and no change; one never answered has neither.
 */
public record DomainChange(int domain, int roundsAnswered, Integer firstRound, Integer firstRating, Integer lastRound,
                           Integer lastRating, Integer change, TrafficLight firstLight, TrafficLight lastLight) {

    /** One assessment: its round and the ten ratings (null = not answered). */
    public record Round(int round, List<Integer> ratings) {
    }

    /** The change of each of the ten domains over an episode's rounds, in domain order. */
    public static List<DomainChange> of(List<Round> rounds, int redMax, int yellowMax) {
        List<Round> ordered = new ArrayList<>(rounds);
        ordered.sort(Comparator.comparingInt(Round::round));
        List<DomainChange> out = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            Round first = null;
            Round last = null;
            int answered = 0;
            for (Round r : ordered) {
                if (r.ratings().get(d) != null) {
                    answered++;
                    first = first == null ? r : first;
                    last = r;
                }
            }
            Integer a = first == null ? null : first.ratings().get(d);
            Integer b = last == null ? null : last.ratings().get(d);
            out.add(new DomainChange(d + 1, answered, first == null ? null : first.round(), a,
                    last == null ? null : last.round(), b, answered >= 2 ? b - a : null,
                    a == null ? null : TrafficLight.of(a, redMax, yellowMax),
                    b == null ? null : TrafficLight.of(b, redMax, yellowMax)));
        }
        return out;
    }

    /** {@code red→yellow}, or null without two answered rounds. */
    public String transition() {
        return change == null ? null : firstLight.code() + "→" + lastLight.code();
    }
}
