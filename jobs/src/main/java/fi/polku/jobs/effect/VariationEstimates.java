package fi.polku.jobs.effect;

import fi.polku.contract.VariationTables;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.config.VariationSettings;
import fi.polku.jobs.spark.Concurrently;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.region.AreaLevel;
import fi.polku.region.MunicipalityTable;
import fi.polku.variation.AreaCount;
import fi.polku.variation.Funnel;
import fi.polku.variation.Overdispersion;
import fi.polku.variation.VariationSeries;
import fi.polku.variation.VariationStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Funnel plots and between-area variation from yearly area counts, on the driver: for each level asked for, a
 * national scope (all areas of the level around their pooled rate) and, for municipalities, one scope per county
 * (its municipalities around the county's own rate). A scope-year with fewer than {@code min_areas} areas or no
 * event is left out.
 */
final class VariationEstimates {
    static final StructType POINTS = SparkSchemas.of(VariationTables.FUNNEL_POINTS);
    static final StructType LIMITS = SparkSchemas.of(VariationTables.FUNNEL_LIMITS);
    static final StructType BY_YEAR = SparkSchemas.of(VariationTables.VARIATION_BY_YEAR);
    static final StructType TREND = SparkSchemas.of(VariationTables.VARIATION_TREND);
    private static final int GRID = 40;

    /** The rows of the five tables. */
    record Output(List<Row> points, List<Row> outliers, List<Row> limits, List<Row> years, List<Row> trends) {
    }

    /** One funnel's key: level, scope, parent county (or null), indicator, age group. */
    private record Key(AreaLevel level, String scope, String parent, String indicator, String ageGroup) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }

    private VariationEstimates() {
    }

    static Output of(List<AreaObservation> observations, VariationSettings settings, long seed, List<RunConfig.Break> breaks,
                     MunicipalityTable municipalities) {
        Map<Key, TreeMap<Integer, List<AreaObservation>>> panels = new TreeMap<>();
        for (AreaObservation o : observations) {
            if (!settings.levels().contains(o.level()) || o.population() <= 0) {
                continue;
            }
            add(panels, new Key(o.level(), "national", null, o.indicator(), o.ageGroup()), o);
            if (o.level() == AreaLevel.MUNICIPALITY) {
                municipalities.countyOf(o.region(), o.year()).ifPresent(county ->
                        add(panels, new Key(o.level(), "county", county, o.indicator(), o.ageGroup()), o));
            }
        }
        // Panels are independent (each its own funnels, and its bootstrap from the same seed): computed side by side on
        // the driver's threads (the funnels' exact Poisson limits are chi-square quantiles, a root search each), and
        // their rows joined in key order, as one loop would have made them.
        List<Callable<Output>> work = new ArrayList<>();
        panels.forEach((key, years) -> work.add(() -> panel(key, years, settings, seed, breaks)));
        Output out = empty();
        for (Output one : Concurrently.run(work)) {
            out.points().addAll(one.points());
            out.outliers().addAll(one.outliers());
            out.limits().addAll(one.limits());
            out.years().addAll(one.years());
            out.trends().addAll(one.trends());
        }
        return out;
    }

    private static Output empty() {
        return new Output(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** One panel's rows: a funnel per year with enough areas and an event, and the series over those years. */
    private static Output panel(Key key, TreeMap<Integer, List<AreaObservation>> years, VariationSettings settings, long seed,
                                List<RunConfig.Break> breaks) {
        Output out = empty();
        TreeMap<Integer, List<AreaCount>> byYear = new TreeMap<>();
        boolean syntheticPanel = false;
        for (Map.Entry<Integer, List<AreaObservation>> year : years.entrySet()) {
            List<AreaObservation> obs = year.getValue();
            List<AreaCount> areas = obs.stream().map(o -> new AreaCount(o.region(), o.count(), o.population())).toList();
            if (areas.size() < settings.minAreas() || areas.stream().mapToLong(AreaCount::count).sum() == 0) {
                continue;
            }
            boolean synthetic = obs.stream().anyMatch(AreaObservation::synthetic);
            syntheticPanel |= synthetic;
            byYear.put(year.getKey(), areas);
            Funnel f = Funnel.pooled(areas, settings.overdispersion(), settings.winsorise());
            funnel(out, key, year.getKey(), f, synthetic);
        }
        if (!byYear.isEmpty()) {
            series(out, key, VariationSeries.of(byYear, settings.replicates(), seed, 0.95), byYear, breaks, syntheticPanel);
        }
        return out;
    }

    private static void add(Map<Key, TreeMap<Integer, List<AreaObservation>>> panels, Key key, AreaObservation o) {
        panels.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(o.year(), y -> new ArrayList<>()).add(o);
    }

    private static RowBuilder keyed(StructType schema, Key key) {
        return new RowBuilder(schema).set("level", key.level().key()).set("scope", key.scope()).set("parent_region", key.parent())
                .set("indicator", key.indicator()).set("age_group", key.ageGroup());
    }

    private static void funnel(Output out, Key key, int year, Funnel f, boolean synthetic) {
        double theta = f.referenceRate() * 1000;
        String method = f.statement() + "; reference " + (key.parent() == null ? "all areas of the level (national)"
                : "county " + key.parent()) + String.format(Locale.ROOT, " %.4f per 1 000", theta);
        for (Funnel.Point p : f.points()) {
            RowBuilder b = keyed(POINTS, key).set("year", year).set("region", p.area().area()).set("count", p.area().count())
                    .set("population", p.area().population()).set("rate_per_1000", p.area().rate() * 1000)
                    .set("expected", p.expected()).set("reference_rate_per_1000", theta).set("z", p.z())
                    .set("adjusted_z", p.adjustedZ());
            limits(b, p.limits(), p.poisson());
            b.set("band", p.band().key()).set("outside_95", p.band().outside95()).set("outside_998", p.band().outside998())
                    .set("overdispersion", f.requested().key()).set("adjustment", f.applied().key()).set("phi", f.phi())
                    .set("tau2", f.tau2()).set("areas", f.points().size()).set("method", method).set("synthetic", synthetic);
            Row row = b.build();
            out.points().add(row);
            if (p.band().outside95()) {
                out.outliers().add(row);
            }
        }
        long min = f.points().stream().mapToLong(p -> p.area().population()).min().orElseThrow();
        long max = f.points().stream().mapToLong(p -> p.area().population()).max().orElseThrow();
        double lo = Math.max(1, min / 2.0);
        double hi = max * 1.5;
        for (int i = 0; i < GRID; i++) {
            double n = lo * Math.pow(hi / lo, i / (GRID - 1.0));
            RowBuilder b = keyed(LIMITS, key).set("year", year).set("population", n).set("expected", f.referenceRate() * n)
                    .set("reference_rate_per_1000", theta);
            Funnel.Limits poisson = f.poissonLimits(n);
            limits(b, f.applied() == Overdispersion.NONE ? poisson : f.limits(n), poisson);
            out.limits().add(b.set("adjustment", f.applied().key()).set("synthetic", synthetic).build());
        }
    }

    private static void limits(RowBuilder b, Funnel.Limits inUse, Funnel.Limits poisson) {
        b.set("lower95", inUse.lower95() * 1000).set("upper95", inUse.upper95() * 1000).set("lower998", inUse.lower998() * 1000)
                .set("upper998", inUse.upper998() * 1000).set("poisson_lower95", poisson.lower95() * 1000)
                .set("poisson_upper95", poisson.upper95() * 1000).set("poisson_lower998", poisson.lower998() * 1000)
                .set("poisson_upper998", poisson.upper998() * 1000);
    }

    private static void series(Output out, Key key, VariationSeries s, TreeMap<Integer, List<AreaCount>> byYear,
                               List<RunConfig.Break> breaks, boolean synthetic) {
        String interval = String.format(Locale.ROOT, "parametric Poisson bootstrap, percentile %.0f %%", s.confidence() * 100);
        for (VariationSeries.Year y : s.years()) {
            for (VariationStatistics.Measure m : VariationStatistics.Measure.values()) {
                double v = y.value().get(m);
                double[] ci = y.interval(m);
                out.years().add(keyed(BY_YEAR, key).set("year", y.year()).set("areas", y.value().areas())
                        .set("events", y.value().events()).set("population", y.value().population()).set("measure", m.key())
                        .set("value", finite(v)).set("ci_lower", finite(ci[0])).set("ci_upper", finite(ci[1]))
                        .set("interval_method", interval).set("replicates", s.replicates()).set("seed", s.seed())
                        .set("synthetic", synthetic).build());
            }
        }
        for (VariationStatistics.Measure m : VariationStatistics.Measure.values()) {
            s.trend(m).ifPresent(t -> {
                String crossed = breaks.stream().filter(b -> b.date().getYear() > t.firstYear() && b.date().getYear() <= t.lastYear())
                        .map(b -> b.date() + " " + b.label().text()).collect(Collectors.joining("; "));
                out.trends().add(keyed(TREND, key).set("measure", m.key()).set("years", t.years()).set("first_year", t.firstYear())
                        .set("last_year", t.lastYear()).set("slope_per_year", t.slope()).set("ci_lower", t.lower())
                        .set("ci_upper", t.upper()).set("direction", t.direction())
                        .set("method", "OLS of the yearly " + m.key() + " on the year, t interval 95 %")
                        .set("breaks_crossed", crossed.isEmpty() ? null : crossed).set("synthetic", synthetic).build());
            });
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
