package fi.polku.jobs.export;

import fi.polku.contract.OutcomeTables;
import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a student with the export's trajectories and its region_outcomes tries, independently of the export's own
 * audit: count the records that fall in each hidden figure of region_outcomes. The figures tried are a row's group
 * size ({@code n_episodes}: any trajectory of the group's region, respondent, arm and intake period, the alliance
 * instrument's (SRS for ORS, CSRS for CORS) included, as the wave-2 attack counted them) and each change category
 * ({@code <category>_n}: the group's outcome trajectories of that category). A finding is a hidden figure the
 * microdata hold any record of; "exact" marks the ones recounted to their true value. Under the withholding policy
 * there is none: the cases of a hidden figure are never records.
 */
final class MicrodataRecount {
    /**
     * One published trajectory, as a student reads it.
     *
     * @param category its change category, "" when none
     */
    record Trajectory(String region, String instrument, String respondent, String arm, String period, String category) {
    }

    private MicrodataRecount() {
    }

    /**
     * Findings, one line each; empty when no hidden figure has a record.
     *
     * @param microdata the published trajectories
     * @param truth     region_outcomes as the pipeline made it: column → text, in any order
     * @param published the same rows as published ("" = hidden), keyed alike
     */
    static List<String> run(List<Trajectory> microdata, List<Map<String, String>> truth, List<Map<String, String>> published) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Trajectory t : microdata) {
            String instrument = switch (t.instrument()) {
                case "SRS" -> "ORS";
                case "CSRS" -> "CORS";
                default -> t.instrument();
            };
            for (String period : List.of(t.period(), ReportingPeriod.ALL_PERIODS)) {
                Map<String, Long> c = counts.computeIfAbsent(String.join("|", t.region(), instrument, t.respondent(), t.arm(), period),
                        x -> new HashMap<>());
                if (instrument.equals(t.instrument())) {
                    c.merge("n_episodes", 1L, Long::sum);
                    if (!t.category().isEmpty()) {
                        c.merge(t.category() + "_n", 1L, Long::sum);
                    }
                } else {
                    c.merge("alliance", 1L, Long::sum);
                }
            }
        }
        Map<String, Map<String, String>> trueRows = new HashMap<>();
        truth.forEach(r -> trueRows.put(key(r), r));
        List<String> figures = new ArrayList<>(List.of("n_episodes"));
        OutcomeTables.CATEGORIES.forEach(c -> figures.add(c + "_n"));
        List<String> found = new ArrayList<>();
        for (Map<String, String> r : published) {
            Map<String, String> t = trueRows.get(key(r));
            Map<String, Long> c = counts.getOrDefault(key(r), Map.of());
            for (String f : figures) {
                if (!r.get(f).isEmpty() || t.get(f) == null || t.get(f).isEmpty()) {
                    continue;
                }
                long recount = c.getOrDefault(f, 0L);
                long alliance = f.equals("n_episodes") ? c.getOrDefault("alliance", 0L) : 0;
                if (recount > 0 || alliance > 0) {
                    long value = Long.parseLong(t.get(f));
                    found.add((recount == value || alliance == value ? "exact " : "") + key(r) + " " + f + " = " + value
                            + ", microdata recount " + recount + (alliance > 0 ? ", alliance rows " + alliance : ""));
                }
            }
        }
        return found;
    }

    private static String key(Map<String, String> r) {
        return String.join("|", r.get("region"), r.get("instrument"), r.get("respondent"), r.get("arm"), r.get("period"));
    }
}
