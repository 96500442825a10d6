package fi.polku.jobs.disclosure;

import fi.polku.contract.OutcomeTables;
import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a student with the published {@code region_outcomes} and a pocket calculator tries: complements within a
 * row (categories → {@code n_assessed}) and differences of periods ({@code all} minus the shown terms), for every
 * count, and the change mean of a recovered n_complete from Σ n·mean. A hidden count is taken to be at least 1
 * unless a total it belongs to is hidden too (the published rule). Returns what it recovers or pins below k.
 */
public final class ArithmeticAttack {
    private static final List<String> COUNTS = List.of("n_episodes", "n_complete", "n_assessed");

    private ArithmeticAttack() {
    }

    /** Findings, one line each; empty when nothing is recovered. Rows are column → text ("" = blank). */
    public static List<String> run(List<Map<String, String>> rows, int k) {
        List<String> found = new ArrayList<>();
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            groups.computeIfAbsent(r.get("region") + "|" + r.get("instrument") + "|" + r.get("respondent") + "|" + r.get("arm"),
                    x -> new ArrayList<>()).add(r);
        }
        groups.forEach((group, rs) -> {
            Map<String, String> all = rs.stream().filter(r -> r.get("period").equals(ReportingPeriod.ALL_PERIODS)).findFirst().orElse(null);
            for (Map<String, String> r : rs) {
                complements(group, r, all, k, found);
            }
            if (all != null) {
                List<String> figures = new ArrayList<>(COUNTS);
                OutcomeTables.CATEGORIES.forEach(c -> figures.add(c + "_n"));
                for (String f : figures) {
                    differences(group, all, rs, f, k, found);
                }
            }
        });
        return found;
    }

    private static void complements(String group, Map<String, String> r, Map<String, String> all, int k, List<String> found) {
        if (r.get("n_assessed").isEmpty()) {
            return;
        }
        long rest = Long.parseLong(r.get("n_assessed"));
        List<String> hidden = new ArrayList<>();
        long minimum = 0;
        for (String c : OutcomeTables.CATEGORIES) {
            String v = r.get(c + "_n");
            if (v.isEmpty()) {
                hidden.add(c);
                minimum += lowest(r, all, c + "_n");
            } else {
                rest -= Long.parseLong(v);
            }
        }
        if (rest <= 0) {
            return;
        }
        for (String c : hidden) {
            long low = lowest(r, all, c + "_n");
            long high = rest - (minimum - low);
            if (high - low < k) {
                found.add("complement " + group + "|" + r.get("period") + " " + c + "_n in [" + low + ", " + high + "]");
            }
        }
    }

    private static void differences(String group, Map<String, String> all, List<Map<String, String>> rs, String f, int k,
                                    List<String> found) {
        if (all.get(f).isEmpty()) {
            return;
        }
        long rest = Long.parseLong(all.get(f));
        List<Map<String, String>> hidden = new ArrayList<>();
        for (Map<String, String> t : rs) {
            if (t == all) {
                continue;
            }
            if (t.get(f).isEmpty()) {
                hidden.add(t);
            } else {
                rest -= Long.parseLong(t.get(f));
            }
        }
        if (rest <= 0 || hidden.isEmpty()) {
            return;
        }
        // The year is shown; a hidden term may still be a hidden zero when its own row's whole is hidden.
        long minimum = hidden.stream().mapToLong(t -> termLowest(t, f)).sum();
        for (Map<String, String> t : hidden) {
            long low = termLowest(t, f);
            long high = rest - (minimum - low);
            if (high - low < k) {
                found.add("difference " + group + "|" + t.get("period") + " " + f + " in [" + low + ", " + high + "]");
            }
        }
    }

    private static long termLowest(Map<String, String> t, String f) {
        String whole = switch (f) {
            case "n_episodes" -> null;
            case "n_complete" -> "n_episodes";
            case "n_assessed" -> "n_complete";
            default -> "n_assessed";
        };
        return whole != null && t.get(whole).isEmpty() ? 0 : 1;
    }

    /** 1, or 0 when the cell may be a hidden zero: its row's n_assessed or its year's same figure is hidden. */
    private static long lowest(Map<String, String> r, Map<String, String> all, String f) {
        boolean totalHidden = r.get("n_assessed").isEmpty() || all != null && r != all && all.get(f).isEmpty();
        return totalHidden ? 0 : 1;
    }
}
