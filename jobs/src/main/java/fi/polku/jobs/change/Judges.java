package fi.polku.jobs.change;

import fi.polku.change.ChangeAssessor;
import fi.polku.change.PrePostMoments;
import java.util.HashMap;
import java.util.Map;

/**
 * One assessor's {@link ChangeAssessor.Judge}s by instrument and age band, each made the first time a trajectory
 * of that pair is judged, against that pair's sample norms (an empty sample when the run has none). A task judges
 * millions of trajectories with a handful of judges; making one per trajectory (reliability text, SD source, rule)
 * cost more than the judging.
 */
final class Judges {
    private final ChangeAssessor assessor;
    private final Map<String, PrePostMoments> norms;
    private final Map<String, Map<String, ChangeAssessor.Judge>> byInstrument = new HashMap<>();

    /** @param norms sample norms by {@link Assessed#normKey} */
    Judges(ChangeAssessor assessor, Map<String, PrePostMoments> norms) {
        this.assessor = assessor;
        this.norms = norms;
    }

    ChangeAssessor.Judge of(String instrument, String ageBand) {
        return byInstrument.computeIfAbsent(instrument, i -> new HashMap<>()).computeIfAbsent(ageBand,
                band -> assessor.judge(instrument, band,
                        norms.getOrDefault(Assessed.normKey(instrument, band), PrePostMoments.create())));
    }
}
