package fi.polku.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Difference-in-differences with staggered adoption in the sense of Callaway &amp; Sant'Anna (2021), without
 * covariates: for each cohort g (first treated period) and period t,
 * ATT(g,t) = mean over cohort g of (Y_t − Y_b) − mean over controls of (Y_t − Y_b), with base period
 * b = the last period before g for t ≥ g and the last period before t for t &lt; g (the "varying" base of the
 * R package {@code did}: g − 1 and t − 1 when periods are consecutive; a period left out, such as a
 * project's partly exposed start year, is stepped over).
 * Controls are the never-treated units, or also the not-yet-treated ones (units with g &gt; max(t, b)).
 *
 * <p>Aggregations follow {@code did::aggte}, weighting cohorts by their total unit weight (unit counts by
 * default, populations on request): <em>simple</em> = weighted mean of all post-treatment cells;
 * <em>group</em> = weighted mean over cohorts of each cohort's plain mean of its post cells; <em>dynamic</em> =
 * the plain mean over event times e ≥ 0 of the weighted mean of cells with t − g = e. Each cell also gets
 * the analytic standard error √(var_g/n_g + var_c/n_c) of its two mean changes.
 *
 * <p>The two-way fixed-effects coefficient (unit and period effects, one treatment dummy) is given beside
 * as a diagnostic only: with staggered adoption it mixes already-treated units into the controls.
 */
public final class GroupTimeAtt {
    /** Which units serve as controls. */
    public enum Control { NEVER_TREATED, NOT_YET_TREATED }

    /** One ATT(g,t) cell. */
    public record Cell(int group, int period, int basePeriod, double att, double se, int treatedUnits, int controlUnits) {
        /** Whether the cell is after treatment (t ≥ g). */
        public boolean post() {
            return period >= group;
        }
    }

    private final Map<String, Map<Integer, Double>> outcomes;
    private final Map<String, Integer> cohort;
    private final Map<String, Double> weight;
    private final TreeSet<Integer> periods;
    private final Control control;

    private GroupTimeAtt(Map<String, Map<Integer, Double>> outcomes, Map<String, Integer> cohort, Map<String, Double> weight,
                         TreeSet<Integer> periods, Control control) {
        this.outcomes = outcomes;
        this.cohort = cohort;
        this.weight = weight;
        this.periods = periods;
        this.control = control;
    }

    /**
     * The estimator over a panel.
     *
     * @throws IllegalArgumentException when a unit appears twice in a period, changes cohort or weight, or there
     *                                  are no never-treated units (with {@link Control#NEVER_TREATED})
     */
    public static GroupTimeAtt of(List<PanelObservation> panel, Control control) {
        Map<String, Map<Integer, Double>> outcomes = new TreeMap<>();
        Map<String, Integer> cohort = new HashMap<>();
        Map<String, Double> weight = new HashMap<>();
        TreeSet<Integer> periods = new TreeSet<>();
        for (PanelObservation o : panel) {
            if (outcomes.computeIfAbsent(o.unit(), k -> new HashMap<>()).put(o.period(), o.outcome()) != null) {
                throw new IllegalArgumentException("unit " + o.unit() + " appears twice in period " + o.period());
            }
            Integer g = cohort.putIfAbsent(o.unit(), o.firstTreated());
            if (g != null && g != o.firstTreated()) {
                throw new IllegalArgumentException("unit " + o.unit() + " changes its first treated period");
            }
            Double w = weight.putIfAbsent(o.unit(), o.weight());
            if (w != null && !w.equals(o.weight())) {
                throw new IllegalArgumentException("unit " + o.unit() + " changes its weight");
            }
            periods.add(o.period());
        }
        if (control == Control.NEVER_TREATED && !cohort.containsValue(0)) {
            throw new IllegalArgumentException("no never-treated units to compare with");
        }
        return new GroupTimeAtt(outcomes, cohort, weight, periods, Objects.requireNonNull(control, "control"));
    }

    /** The treated cohorts, in order. */
    public List<Integer> groups() {
        return new ArrayList<>(new TreeSet<>(cohort.values().stream().filter(g -> g > 0).toList()));
    }

    /**
     * Every estimable ATT(g,t): all cohorts × all periods after the first, where base and controls exist. The base
     * is looked up among the periods the cohort's own units have, so a cohort whose start year was left out (a
     * transition) steps over it while other cohorts and the controls keep it.
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (int g : groups()) {
            TreeSet<Integer> own = cohortPeriods(g);
            for (int t : own) {
                Integer base = t >= g ? own.lower(g) : own.lower(t);
                if (base == null) {
                    continue;
                }
                double[] treated = changes(g, t, base, false);
                double[] controls = changes(g, t, base, true);
                if (treated.length == 0 || controls.length < 1) {
                    continue;
                }
                double att = mean(treated) - mean(controls);
                double se = Math.sqrt(variance(treated) / treated.length + variance(controls) / controls.length);
                cells.add(new Cell(g, t, base, att, se, treated.length, controls.length));
            }
        }
        return cells;
    }

    /** {@code did::aggte(type = "simple")}: weighted mean of all post cells. */
    public double simple(List<Cell> cells) {
        double num = 0;
        double den = 0;
        for (Cell c : cells) {
            if (c.post()) {
                num += c.att() * groupWeight(c.group());
                den += groupWeight(c.group());
            }
        }
        return num / den;
    }

    /** {@code did::aggte(type = "group")}: weighted mean over cohorts of each cohort's mean post ATT. */
    public double group(List<Cell> cells) {
        double num = 0;
        double den = 0;
        for (int g : groups()) {
            List<Double> post = cells.stream().filter(c -> c.group() == g && c.post()).map(Cell::att).toList();
            if (!post.isEmpty()) {
                num += post.stream().mapToDouble(Double::doubleValue).average().orElseThrow() * groupWeight(g);
                den += groupWeight(g);
            }
        }
        return num / den;
    }

    /** Each cohort's θ_sel(g) (Callaway &amp; Sant'Anna 2021, section 3.1): the plain mean of its post cells. */
    public Map<Integer, Double> groupEffects(List<Cell> cells) {
        Map<Integer, Double> out = new TreeMap<>();
        for (int g : groups()) {
            cells.stream().filter(c -> c.group() == g && c.post()).mapToDouble(Cell::att).average()
                    .ifPresent(v -> out.put(g, v));
        }
        return out;
    }

    /** {@code did::aggte(type = "dynamic")} per event time e = t − g: weighted mean of the cells with that e. */
    public Map<Integer, Double> eventTimes(List<Cell> cells) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (Cell c : cells) {
            double[] s = sums.computeIfAbsent(c.period() - c.group(), k -> new double[2]);
            s[0] += c.att() * groupWeight(c.group());
            s[1] += groupWeight(c.group());
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        sums.forEach((e, s) -> out.put(e, s[0] / s[1]));
        return out;
    }

    /** {@code did::aggte(type = "dynamic")} overall: the plain mean over event times e ≥ 0. */
    public double dynamic(List<Cell> cells) {
        return eventTimes(cells).entrySet().stream().filter(e -> e.getKey() >= 0)
                .mapToDouble(Map.Entry::getValue).average().orElse(Double.NaN);
    }

    /**
     * The two-way fixed-effects coefficient of the treatment dummy (1 from the unit's first treated period on),
     * by double demeaning; the panel must be balanced.
     *
     * @throws IllegalStateException when the panel is not balanced
     */
    public double twoWayFixedEffects() {
        for (Map<Integer, Double> y : outcomes.values()) {
            if (!y.keySet().equals(periods)) {
                throw new IllegalStateException("two-way fixed effects by demeaning needs a balanced panel");
            }
        }
        int units = outcomes.size();
        int t = periods.size();
        Map<String, double[]> unitMeans = new HashMap<>();
        Map<Integer, double[]> periodMeans = new HashMap<>();
        double[] grand = new double[2];
        outcomes.forEach((u, y) -> y.forEach((p, v) -> {
            double d = treated(u, p);
            add(unitMeans.computeIfAbsent(u, k -> new double[2]), v / t, d / t);
            add(periodMeans.computeIfAbsent(p, k -> new double[2]), v / units, d / units);
            add(grand, v / (units * t), d / (units * t));
        }));
        double sxy = 0;
        double sxx = 0;
        for (Map.Entry<String, Map<Integer, Double>> e : outcomes.entrySet()) {
            for (Map.Entry<Integer, Double> v : e.getValue().entrySet()) {
                double[] um = unitMeans.get(e.getKey());
                double[] pm = periodMeans.get(v.getKey());
                double y = v.getValue() - um[0] - pm[0] + grand[0];
                double d = treated(e.getKey(), v.getKey()) - um[1] - pm[1] + grand[1];
                sxy += y * d;
                sxx += d * d;
            }
        }
        return sxy / sxx;
    }

    /** The total weight of a cohort's units. */
    public double groupWeight(int g) {
        return cohort.entrySet().stream().filter(e -> e.getValue() == g).mapToDouble(e -> weight.get(e.getKey())).sum();
    }

    private TreeSet<Integer> cohortPeriods(int g) {
        TreeSet<Integer> own = new TreeSet<>();
        outcomes.forEach((unit, y) -> {
            if (cohort.get(unit) == g) {
                own.addAll(y.keySet());
            }
        });
        return own;
    }

    private double treated(String unit, int period) {
        int g = cohort.get(unit);
        return g > 0 && period >= g ? 1 : 0;
    }

    /** Changes Y_t − Y_base of cohort g's units, or of the controls. */
    private double[] changes(int g, int t, int base, boolean controls) {
        List<Double> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Double>> e : outcomes.entrySet()) {
            int gi = cohort.get(e.getKey());
            boolean member = controls ? isControl(gi, g, t, base) : gi == g;
            Double yt = e.getValue().get(t);
            Double yb = e.getValue().get(base);
            if (member && yt != null && yb != null) {
                out.add(yt - yb);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private boolean isControl(int gi, int g, int t, int base) {
        if (gi == 0) {
            return true;
        }
        return control == Control.NOT_YET_TREATED && gi != g && gi > Math.max(t, base);
    }

    private static void add(double[] into, double a, double b) {
        into[0] += a;
        into[1] += b;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
