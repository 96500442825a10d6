package fi.polku.jobs.disclosure;

import fi.polku.contract.Column;
import fi.polku.contract.Instrument;
import fi.polku.contract.OutcomeTables;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.privacy.LinkedTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.spark.sql.Row;

/**
 * What {@link OutcomeDisclosure} knows about {@code region_outcomes}: the linked tables its rows form (categories add
 * up to {@code n_assessed}; {@code n_assessed ≤ n_complete ≤ n_episodes}; the terms add up to {@code all} for every
 * count and for the sums over the complete cases) and the columns a hidden cell blanks.
 */
final class OutcomeLinks {
    /** The counts of a row, besides its categories. */
    static final List<String> COUNTS = List.of("n_episodes", "n_complete", "n_assessed");
    private static final String CHANGE = "change_sum";
    /** The sums over the complete cases, each with the mean column that publishes it (sum = n_complete · mean). */
    static final Map<String, String> COMPLETE_SUMS = completeSums();

    private OutcomeLinks() {
    }

    /** The columns a row's hidden cells blank. */
    static Set<String> columns(Set<String> hidden, boolean contrast) {
        Set<String> out = new LinkedHashSet<>();
        if (hidden.contains("n_episodes")) {
            out.addAll(List.of("n_episodes", "intake_mean", "latest_mean", "status"));
        }
        if (hidden.contains("n_complete") || COMPLETE_SUMS.keySet().stream().anyMatch(hidden::contains)) {
            out.add("n_complete");
            out.add("status");
            // The all-episode means too: where every episode with an intake has a latest score, n_complete × mean_change
            // = n × (latest_mean − intake_mean), which gave hidden change sums back exactly (attack on the demo, 2026-12-01).
            out.add("intake_mean");
            out.add("latest_mean");
            for (Column c : OutcomeTables.REGION_OUTCOMES.columns()) {
                if (estimate(c.name())) {
                    out.add(c.name());
                }
            }
        }
        if (hidden.contains("n_assessed")) {
            out.add("n_assessed");
            out.add("shares_status");
            for (String category : OutcomeTables.CATEGORIES) {
                out.addAll(List.of(category + "_share", category + "_lower", category + "_upper"));
            }
        }
        for (String category : OutcomeTables.CATEGORIES) {
            if (hidden.contains(category)) {
                out.addAll(List.of(category + "_n", category + "_share", category + "_lower", category + "_upper", "shares_status"));
            }
        }
        if (contrast) {
            OutcomeTables.REGION_OUTCOMES.columns().stream().map(Column::name).filter(c -> c.startsWith("contrast_")).forEach(out::add);
        }
        return out;
    }

    /** Columns computed from the complete (intake and latest) pairs. */
    static boolean estimate(String column) {
        return column.startsWith("mean_change") || column.startsWith("d_") || column.startsWith("g_av") || column.startsWith("boot_g_av")
                || column.equals("t_statistic") || column.equals("p_value") || column.equals("boot_replicates")
                || COMPLETE_SUMS.containsValue(column);
    }

    /** The linked tables of region_outcomes rows; a cell whose column {@code hidden} names has no value. */
    static LinkedTables model(List<Row> rows, BiPredicate<Row, String> hidden) {
        LinkedTables.Builder b = LinkedTables.builder();
        Map<String, Map<String, String>> periods = new TreeMap<>();
        for (Row r : rows) {
            String key = key(r);
            for (String count : COUNTS) {
                b.count(key + "/" + count, hidden.test(r, count) ? null : r.<Long>getAs(count));
            }
            boolean whole = ReportingPeriod.ALL_PERIODS.equals(r.getAs("period"));
            // Categories are not made when no episode was assessed: then they are 0.
            boolean noneAssessed = !hidden.test(r, "n_assessed") && r.<Long>getAs("n_assessed") == 0;
            List<String> parts = new ArrayList<>();
            for (String category : OutcomeTables.CATEGORIES) {
                Long n = r.getAs(category + "_n");
                b.count(key + "/" + category, hidden.test(r, category + "_n") ? null : n == null && noneAssessed ? Long.valueOf(0) : n);
                parts.add(key + "/" + category);
            }
            if (whole) {
                // The pages show the whole-period rows: secondary suppression takes their cells last.
                COUNTS.forEach(c -> b.keep(key + "/" + c));
                parts.forEach(b::keep);
            }
            b.additive(key + "/n_assessed", parts).atMost(key + "/n_assessed", key + "/n_complete")
                    .atMost(key + "/n_complete", key + "/n_episodes");
            Long complete = hidden.test(r, "n_complete") ? null : r.<Long>getAs("n_complete");
            double max = maxScore(r.getAs("instrument"));
            b.sum(key + "/" + CHANGE, completeSum(r, "mean_change", complete, hidden), key + "/n_complete", -max, max);
            b.sum(key + "/intake_sum", completeSum(r, "intake_mean_complete", complete, hidden), key + "/n_complete", 0, max);
            b.sum(key + "/latest_sum", completeSum(r, "latest_mean_complete", complete, hidden), key + "/n_complete", 0, max);
            b.additive(key + "/latest_sum", List.of(key + "/intake_sum", key + "/" + CHANGE));
            periods.computeIfAbsent(key.substring(0, key.lastIndexOf('|')), x -> new TreeMap<>()).put(r.getAs("period"), key);
        }
        for (PeriodRows cell : PeriodRows.of(periods.values())) {
            String all = cell.all();
            List<String> terms = cell.terms();
            List<String> figures = new ArrayList<>(COUNTS);
            figures.addAll(OutcomeTables.CATEGORIES);
            figures.addAll(COMPLETE_SUMS.keySet());
            for (String figure : figures) {
                b.additive(all + "/" + figure, terms.stream().map(t -> t + "/" + figure).toList());
            }
        }
        return b.build();
    }

    private static Map<String, String> completeSums() {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(CHANGE, "mean_change");
        sums.put("intake_sum", "intake_mean_complete");
        sums.put("latest_sum", "latest_mean_complete");
        return java.util.Collections.unmodifiableMap(sums);
    }

    /** n_complete · the row's mean {@code column}; 0 over no cases; null when either is not published. */
    private static Double completeSum(Row r, String column, Long complete, BiPredicate<Row, String> hidden) {
        Double mean = hidden.test(r, column) ? null : r.<Double>getAs(column);
        if (complete != null && mean != null) {
            return complete * mean;
        }
        return complete != null && complete == 0 ? Double.valueOf(0.0) : null;
    }

    private static double maxScore(String instrument) {
        for (Instrument i : Instrument.values()) {
            if (i.code().equals(instrument)) {
                return i.totalMax();
            }
        }
        throw new IllegalArgumentException("region_outcomes: unknown instrument " + instrument);
    }

    private static String key(Row r) {
        return OutcomeDisclosure.key(r);
    }
}
