package fi.polku.jobs.change;

import fi.polku.change.Assessment;
import fi.polku.change.ChangeAssessor;
import fi.polku.change.ChangeSettings;
import fi.polku.change.InstrumentParameters;
import fi.polku.change.PrePostMoments;
import fi.polku.change.ReliabilitySource;
import fi.polku.change.SampleAlphas;
import fi.polku.change.Trajectory;
import fi.polku.contract.ChangeTables;
import fi.polku.contract.ColumnType;
import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.outcome.Share;
import fi.polku.privacy.SmallCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code change_sensitivity}: every outcome series judged again under each reliability source alone, and the
 * category counts of each region × instrument × respondent × arm × period cell (the cells of
 * {@code region_outcomes}) under each source, with the same small-cell suppression. A cell's conclusion is its
 * most frequent category, whether more were reliably better (recovered, improved) than reliably worse
 * (deteriorated, harmed), and whether at least half were reliably better; when it differs between sources,
 * {@code conclusion_changes} says so.
 */
final class SensitivityRows {
    static final StructType SCHEMA = SparkSchemas.of(ChangeTables.CHANGE_SENSITIVITY);
    /** Partial counts: key, then episodes, assessed and the five categories, then synthetic. */
    static final StructType PARTIAL = SparkSchemas.of(List.of(
            fi.polku.contract.Column.required("key", ColumnType.STRING),
            fi.polku.contract.Column.required("episodes", ColumnType.INT64),
            fi.polku.contract.Column.required("assessed", ColumnType.INT64),
            fi.polku.contract.Column.required("c0", ColumnType.INT64),
            fi.polku.contract.Column.required("c1", ColumnType.INT64),
            fi.polku.contract.Column.required("c2", ColumnType.INT64),
            fi.polku.contract.Column.required("c3", ColumnType.INT64),
            fi.polku.contract.Column.required("c4", ColumnType.INT64),
            fi.polku.contract.Column.required("synthetic", ColumnType.BOOLEAN)));
    private static final List<String> CATEGORIES = OutcomeTables.CATEGORIES;

    /** The trajectory columns this class reads. */
    static final List<String> INPUT = List.of("instrument", "age_band", "region", "respondent", "arm", "first_date",
            "synthetic", "meetings", "measured_sessions", "skipped_share", "last_date", "days_in_service", "intake_score",
            "latest_score", "latest_session_no", "change", "slope_per_session", "slope_per_30_days");

    private SensitivityRows() {
    }

    /** One partition's trajectories → partial counts per cell × age band × source. */
    static Iterator<Row> count(Iterator<Row> trajectories, InstrumentParameters parameters, ChangeSettings settings,
                               Map<String, PrePostMoments> norms, SampleAlphas alphas, ReportingPeriod periods) {
        ReliabilitySource[] sources = ReliabilitySource.values();
        Judges[] judges = new Judges[sources.length];
        for (int s = 0; s < sources.length; s++) {
            judges[s] = new Judges(new ChangeAssessor(parameters, settings.withOnly(sources[s]), alphas), norms);
        }
        // cell × period × age band → each source's counts: the key is built twice a trajectory, not twice a source.
        Map<String, Tally> tallies = new HashMap<>();
        Assessment[] judged = new Assessment[sources.length];
        trajectories.forEachRemaining(r -> {
            String instrument = r.getAs("instrument");
            String ageBand = r.getAs("age_band");
            Trajectory t = Assessed.trajectory(r);
            Boolean synthetic = r.getAs("synthetic"); // read only for the counts it goes into
            for (int s = 0; s < sources.length; s++) {
                judged[s] = judges[s].of(instrument, ageBand).assess(t);
            }
            String cell = String.join("\u0000", r.<String>getAs("region"), instrument, r.<String>getAs("respondent"),
                    r.<String>getAs("arm"));
            for (String period : new String[] {periods.label(r.<LocalDate>getAs("first_date")), ReportingPeriod.ALL_PERIODS}) {
                Tally tally = tallies.computeIfAbsent(String.join("\u0000", cell, period, ageBand), x -> new Tally(sources.length));
                for (int s = 0; s < sources.length; s++) {
                    Assessment a = judged[s];
                    if (a.reliability() == null) {
                        continue;
                    }
                    long[] c = tally.counts[s];
                    c[0]++;
                    if (a.category() != null) {
                        c[1]++;
                        c[2 + a.category().ordinal()]++;
                    }
                    tally.synthetic[s] |= synthetic;
                }
            }
        });
        List<Row> out = new ArrayList<>();
        RowBuilder b = new RowBuilder(PARTIAL);
        tallies.forEach((key, tally) -> {
            for (int s = 0; s < sources.length; s++) {
                long[] c = tally.counts[s];
                if (c[0] == 0) {
                    continue; // no trajectory of this cell had a reliability from this source
                }
                b.clear().set("key", key + "\u0000" + sources[s].code()).set("episodes", c[0]).set("assessed", c[1]);
                for (int i = 0; i < CATEGORIES.size(); i++) {
                    b.set("c" + i, c[2 + i]);
                }
                out.add(b.set("synthetic", tally.synthetic[s]).build());
            }
        });
        return out.iterator();
    }

    /** One partition's counts of one cell × period × age band, by source (episodes, assessed, categories). */
    private static final class Tally {
        final long[][] counts;
        final boolean[] synthetic;

        Tally(int sources) {
            counts = new long[sources][2 + CATEGORIES.size()];
            synthetic = new boolean[sources];
        }
    }

    /** One cell × source, summed over its age bands. */
    private static final class Cell {
        final Set<String> ageBands = new TreeSet<>();
        long episodes;
        long assessed;
        final long[] categories = new long[CATEGORIES.size()];
        boolean synthetic;
    }

    /**
     * The table's rows from the summed partial counts (key, episodes, assessed, c0..c4, synthetic).
     *
     * @param reliability {@code change_reliability}'s rows: rxx, threshold and which source is chosen
     */
    static List<Row> rows(List<Row> summed, List<Row> reliability, ChangeSettings settings, int minCell) {
        Map<String, Row> byBandSource = new HashMap<>();
        for (Row r : reliability) {
            byBandSource.put(ReliabilityRows.get(r, "instrument") + "\u0000" + ReliabilityRows.get(r, "age_band") + "\u0000"
                    + ReliabilityRows.get(r, "reliability_source"), r);
        }
        // cell (region, instrument, respondent, arm, period) → source → counts
        Map<String, Map<String, Cell>> cells = new TreeMap<>();
        for (Row r : summed) {
            String[] k = r.<String>getAs("key").split("\u0000", -1);
            String cellKey = String.join("\u0000", k[0], k[1], k[2], k[3], k[4]);
            Cell c = cells.computeIfAbsent(cellKey, x -> new TreeMap<>()).computeIfAbsent(k[6], x -> new Cell());
            c.ageBands.add(k[5]);
            c.episodes += r.<Long>getAs("episodes");
            c.assessed += r.<Long>getAs("assessed");
            for (int i = 0; i < CATEGORIES.size(); i++) {
                c.categories[i] += r.<Long>getAs("c" + i);
            }
            c.synthetic |= r.<Boolean>getAs("synthetic");
        }
        List<Row> out = new ArrayList<>();
        RowBuilder b = new RowBuilder(SCHEMA);
        cells.forEach((cellKey, bySource) -> {
            String[] k = cellKey.split("\u0000", -1);
            Set<String> conclusions = new TreeSet<>();
            Map<String, String> conclusionOf = new HashMap<>();
            bySource.forEach((source, c) -> {
                if (SmallCells.publishable(c.assessed, minCell)) {
                    String conclusion = conclusion(c.categories);
                    conclusionOf.put(source, conclusion);
                    conclusions.add(conclusion);
                }
            });
            bySource.forEach((source, c) -> {
                b.clear().set("region", k[0]).set("instrument", k[1]).set("respondent", k[2]).set("arm", k[3])
                        .set("period", k[4]).set("reliability_source", source).set("age_bands", String.join(",", c.ageBands))
                        .set("n_episodes", c.episodes).set("n_assessed", c.assessed)
                        .set("rci_method", settings.method().name()).set("synthetic", c.synthetic);
                boolean chosen = false;
                Set<Double> rxx = new java.util.HashSet<>();
                Set<Double> points = new java.util.HashSet<>();
                for (String band : c.ageBands) {
                    Row rel = byBandSource.get(k[1] + "\u0000" + band + "\u0000" + source);
                    if (rel != null) {
                        chosen |= ReliabilityRows.<Boolean>get(rel, "chosen");
                        rxx.add(ReliabilityRows.get(rel, "rxx"));
                        points.add(ReliabilityRows.get(rel, "threshold_points"));
                    }
                }
                b.set("chosen", chosen).set("rxx", rxx.size() == 1 ? rxx.iterator().next() : null)
                        .set("threshold_points", points.size() == 1 ? points.iterator().next() : null);
                b.set("shares_status", shares(b, c, minCell));
                if (conclusionOf.containsKey(source)) {
                    b.set("conclusion", conclusionOf.get(source)).set("conclusion_changes", conclusions.size() > 1);
                }
                out.add(b.build());
            });
        });
        return out;
    }

    /** The most frequent category (ties: the earlier), better vs worse, and whether half or more were better. */
    static String conclusion(long[] categories) {
        int modal = 0;
        for (int i = 1; i < categories.length; i++) {
            if (categories[i] > categories[modal]) {
                modal = i;
            }
        }
        long better = categories[0] + categories[1];
        long worse = categories[3] + categories[4];
        long all = java.util.Arrays.stream(categories).sum();
        return "mostly " + CATEGORIES.get(modal) + "; "
                + (better > worse ? "more reliably better than worse" : better < worse ? "more reliably worse than better"
                : "as many reliably better as worse") + "; "
                + (2 * better >= all ? "at least half reliably better" : "under half reliably better");
    }

    private static String shares(RowBuilder b, Cell c, int minCell) {
        // The same order and words as region_outcomes, so the chosen source's row is that table's, status included.
        if (!SmallCells.publishable(c.episodes, minCell)) {
            return SmallCells.PRIMARY + ": fewer than " + minCell + " episodes";
        }
        if (c.assessed == 0) {
            return "not_assessed: no episode has a change category (see trajectories.assessment_status)";
        }
        if (!SmallCells.publishable(c.assessed, minCell)) {
            return SmallCells.PRIMARY + ": fewer than " + minCell + " assessed episodes";
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            counts.put(CATEGORIES.get(i), c.categories[i]);
        }
        Map<String, String> hidden = SmallCells.suppress(counts, minCell);
        counts.forEach((category, n) -> {
            if (!hidden.containsKey(category)) {
                b.set(category + "_n", n).set(category + "_share", Share.of(n, c.assessed).share());
            }
        });
        if (!hidden.containsKey("recovered") && !hidden.containsKey("improved")) {
            b.set("reliably_improved_share", (double) (c.categories[0] + c.categories[1]) / c.assessed);
        }
        if (hidden.isEmpty()) {
            return "ok";
        }
        List<String> parts = new ArrayList<>();
        hidden.forEach((category, why) -> parts.add(category + " " + why));
        return String.join("; ", parts);
    }
}
