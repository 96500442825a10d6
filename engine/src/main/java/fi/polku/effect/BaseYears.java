package fi.polku.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The base-year sensitivity of {@link ProjectEffects}' simple aggregation: the estimate with every cohort's base one
 * own pre-period earlier, and with the transition year (where a cohort has one) as base — a year later than the
 * g − 2 base that leaving the transition year out implies. Point estimates only: the sensitivity shows how much
 * the result rests on one year's level, not a second test.
 */
final class BaseYears {
    private BaseYears() {
    }

    /** The sensitivity of the simple aggregation to the base year, for the observed assignment of {@code treated}. */
    static ProjectEffects.BaseSensitivity of(CohortPanel panel, List<String> units, Map<String, ProjectEffects.Start> treated) {
        int k = treated.size();
        int[] index = new int[k];
        int[] firstPost = new int[k];
        int[] transition = new int[k];
        int[] none = new int[k];
        int next = 0;
        for (Map.Entry<String, ProjectEffects.Start> t : treated.entrySet()) {
            index[next] = units.indexOf(t.getKey());
            firstPost[next] = t.getValue().firstPost();
            transition[next] = t.getValue().transition() == null ? Integer.MIN_VALUE : t.getValue().transition();
            none[next] = Integer.MIN_VALUE;
            next++;
        }
        boolean anyTransition = treated.values().stream().anyMatch(s -> s.transition() != null);
        double earlier = panel.aggregates(index, firstPost, transition, 1).simple();
        double later = panel.aggregates(index, firstPost, none, 0).simple();
        return new ProjectEffects.BaseSensitivity(bases(panel, treated, 0, false), bases(panel, treated, 1, false),
                Double.isFinite(earlier) ? earlier : null, anyTransition ? bases(panel, treated, 0, true) : null,
                anyTransition && Double.isFinite(later) ? later : null);
    }

    /** Each cohort's base period with {@code lag} own pre-periods back, the transition year kept when {@code keepTransition}. */
    private static String bases(CohortPanel panel, Map<String, ProjectEffects.Start> treated, int lag, boolean keepTransition) {
        TreeMap<Integer, String> byCohort = new TreeMap<>();
        for (ProjectEffects.Start s : treated.values()) {
            List<Integer> own = new ArrayList<>();
            for (int t : panel.periods()) {
                if (t < s.firstPost() && (keepTransition || s.transition() == null || t != s.transition())) {
                    own.add(t);
                }
            }
            byCohort.put(s.firstPost(), own.size() > lag ? String.valueOf(own.get(own.size() - 1 - lag)) : "none");
        }
        if (new TreeSet<>(byCohort.values()).size() == 1) {
            return byCohort.firstEntry().getValue();
        }
        StringBuilder out = new StringBuilder();
        byCohort.forEach((g, b) -> out.append(out.length() == 0 ? "" : ", ").append(g).append(": ").append(b));
        return out.toString();
    }
}
