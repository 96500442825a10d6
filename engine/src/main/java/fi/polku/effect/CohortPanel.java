package fi.polku.effect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link GroupTimeAtt} with never-treated controls and unit weights, on arrays, for the thousands of
 * re-assignments of a randomisation test: the same cells (cohort means of Y_t − Y_b minus the controls' mean,
 * base b the cohort's last own period before g, or before t for t &lt; g) and the same simple, group and dynamic
 * aggregations. The controls' sums come from the all-unit sums minus the assigned units', so an assignment costs
 * O(assigned units × periods). ProjectEffectsTest checks it against GroupTimeAtt on every assignment.
 */
final class CohortPanel {
    /** The aggregates of one assignment; NaN where nothing is estimable. */
    record Aggregates(double simple, double group, double dynamic, Map<Integer, Double> events) {
    }

    private final int[] periods;
    private final double[][] y;
    private final double[] totals;

    /** @param y unit × period outcomes, every unit with every period (period order as {@code periods}) */
    CohortPanel(int[] periods, double[][] y) {
        this.periods = periods.clone();
        this.y = y;
        this.totals = new double[periods.length];
        for (double[] unit : y) {
            for (int t = 0; t < periods.length; t++) {
                totals[t] += unit[t];
            }
        }
    }

    /** The periods, in order. */
    int[] periods() {
        return periods.clone();
    }

    /**
     * The aggregates when {@code units[i]} starts in {@code firstPost[i]} with {@code transition[i]} left out
     * (−1 for none).
     */
    Aggregates aggregates(int[] units, int[] firstPost, int[] transition) {
        return aggregates(units, firstPost, transition, 0);
    }

    /**
     * The same with the post cells' base period moved {@code baseLag} own pre-periods back (0: the last own period
     * before g; 1: the one before it), for the base-year sensitivity; pre-period cells keep their varying base.
     */
    Aggregates aggregates(int[] units, int[] firstPost, int[] transition, int baseLag) {
        int controls = y.length - units.length;
        double[] assignedTotals = new double[periods.length];
        for (int u : units) {
            for (int t = 0; t < periods.length; t++) {
                assignedTotals[t] += y[u][t];
            }
        }
        TreeMap<Integer, double[]> events = new TreeMap<>();
        double simpleSum = 0;
        int simpleCount = 0;
        double groupSum = 0;
        int groupUnits = 0;
        for (int g : distinct(firstPost)) {
            int members = 0;
            int skip = -1;
            double[] memberTotals = new double[periods.length];
            for (int i = 0; i < units.length; i++) {
                if (firstPost[i] == g) {
                    members++;
                    skip = transition[i];
                    for (int t = 0; t < periods.length; t++) {
                        memberTotals[t] += y[units[i]][t];
                    }
                }
            }
            double cohortPost = 0;
            int cohortCells = 0;
            int previous = -1;
            List<Integer> bases = new java.util.ArrayList<>();
            for (int t = 0; t < periods.length; t++) {
                if (periods[t] == skip) {
                    continue;
                }
                if (periods[t] < g) {
                    bases.add(t);
                }
                if (previous >= 0) {
                    int b = periods[t] < g ? previous : bases.size() > baseLag ? bases.get(bases.size() - 1 - baseLag) : -1;
                    if (b >= 0) {
                        double att = (memberTotals[t] - memberTotals[b]) / members
                                - (totals[t] - assignedTotals[t] - totals[b] + assignedTotals[b]) / controls;
                        double[] e = events.computeIfAbsent(periods[t] - g, k -> new double[2]);
                        e[0] += att * members;
                        e[1] += members;
                        if (periods[t] >= g) {
                            simpleSum += att * members;
                            simpleCount += members;
                            cohortPost += att;
                            cohortCells++;
                        }
                    }
                }
                previous = t;
            }
            if (cohortCells > 0) {
                groupSum += cohortPost / cohortCells * members;
                groupUnits += members;
            }
        }
        Map<Integer, Double> out = new TreeMap<>();
        double dynamicSum = 0;
        int dynamicCount = 0;
        for (Map.Entry<Integer, double[]> e : events.entrySet()) {
            double v = e.getValue()[0] / e.getValue()[1];
            out.put(e.getKey(), v);
            if (e.getKey() >= 0) {
                dynamicSum += v;
                dynamicCount++;
            }
        }
        return new Aggregates(simpleCount == 0 ? Double.NaN : simpleSum / simpleCount,
                groupUnits == 0 ? Double.NaN : groupSum / groupUnits, dynamicCount == 0 ? Double.NaN : dynamicSum / dynamicCount, out);
    }

    private static List<Integer> distinct(int[] values) {
        return java.util.Arrays.stream(values).distinct().sorted().boxed().toList();
    }
}
