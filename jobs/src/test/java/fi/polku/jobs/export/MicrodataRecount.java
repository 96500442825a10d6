package fi.polku.jobs.export;

import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a student with the export's trajectories and its region_outcomes tries: recount every hidden group size
 * ({@code n_episodes}) of region_outcomes from the microdata rows of its region × instrument × respondent × arm ×
 * period (or {@code all}). A finding is a hidden group the microdata hold any row of; "exact" marks the ones
 * recounted to their true size. (Counts inside a group whose size is shown, such as categories, are what
 * microdata publish: see {@code WithheldMicrodata}.)
 */
final class MicrodataRecount {
    /** One published trajectory, as a student reads it: its cell. */
    record Trajectory(String region, String instrument, String respondent, String arm, String period) {
    }

    private MicrodataRecount() {
    }

    /**
     * Findings, one line each; empty when no hidden figure can be recounted.
     *
     * @param microdata the published trajectories
     * @param truth     region_outcomes as the pipeline made it: column → text, in any order
     * @param published the same rows as published ("" = hidden), keyed alike
     */
    static List<String> run(List<Trajectory> microdata, List<Map<String, String>> truth, List<Map<String, String>> published) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Trajectory t : microdata) {
            for (String period : List.of(t.period(), ReportingPeriod.ALL_PERIODS)) {
                Map<String, Long> c = counts.computeIfAbsent(String.join("|", t.region(), t.instrument(), t.respondent(), t.arm(), period),
                        x -> new HashMap<>());
                c.merge("n_episodes", 1L, Long::sum);
            }
        }
        Map<String, Map<String, String>> trueRows = new HashMap<>();
        truth.forEach(r -> trueRows.put(key(r), r));
        List<String> figures = List.of("n_episodes");
        List<String> found = new ArrayList<>();
        for (Map<String, String> r : published) {
            Map<String, String> t = trueRows.get(key(r));
            for (String f : figures) {
                if (!r.get(f).isEmpty() || t.get(f).isEmpty()) {
                    continue;
                }
                long recount = counts.getOrDefault(key(r), Map.of()).getOrDefault(f, 0L);
                if (counts.containsKey(key(r))) {
                    long value = Long.parseLong(t.get(f));
                    found.add((recount == value ? "exact " : "") + key(r) + " " + f + " = " + value + ", microdata recount " + recount);
                }
            }
        }
        return found;
    }

    private static String key(Map<String, String> r) {
        return String.join("|", r.get("region"), r.get("instrument"), r.get("respondent"), r.get("arm"), r.get("period"));
    }
}
