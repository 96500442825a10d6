package fi.polku.jobs.export;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.contract.TableSchema;
import fi.polku.privacy.SmallCells;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The region tables of the export, with the k rule applied to every count of people and to what rests on
 * one: a cell of fewer than k episodes keeps only its keys; estimates resting on fewer than k complete cases
 * are blanked; change-category counts go through {@link SmallCells} (primary and secondary suppression), and
 * a hidden count takes its share and interval with it; a rate whose count is 1 to k − 1 is blanked with it.
 * The {@code disclosure} column lists what was blanked in the row ({@code none} if nothing).
 */
final class RegionTables {
    static final String NONE = "none";

    private RegionTables() {
    }

    /** {@code region_outcomes} under the k rule. */
    static List<Row> outcomes(List<Row> rows, int k) {
        TableSchema export = ExportTables.REGION_OUTCOMES;
        Map<String, Long> smallestArm = new HashMap<>();
        for (Row r : rows) {
            smallestArm.merge(cell(r), r.<Long>getAs("n_complete"), Math::min);
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Set<String> blank = new LinkedHashSet<>();
            long episodes = r.<Long>getAs("n_episodes");
            long complete = r.<Long>getAs("n_complete");
            if (episodes > 0 && episodes < k) {
                export.columns().stream().filter(Column::nullable).forEach(c -> blank.add(c.name()));
            } else {
                if (complete > 0 && complete < k) {
                    blank.add("n_complete");
                    for (Column c : export.columns()) {
                        if (c.nullable() && estimate(c.name())) {
                            blank.add(c.name());
                        }
                    }
                }
                if (smallestArm.get(cell(r)) < k) {
                    export.columns().stream().filter(c -> c.nullable() && c.name().startsWith("contrast_")).forEach(c -> blank.add(c.name()));
                }
                categories(r, k, blank);
            }
            out.add(copy(r, export, blank));
        }
        return out;
    }

    /** {@code region_rates} under the k rule. */
    static List<Row> rates(List<Row> rows, int k) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            long count = r.<Long>getAs("count");
            Set<String> blank = new LinkedHashSet<>();
            if (count > 0 && count < k) {
                blank.addAll(List.of("count", "rate_per_1000", "ci_lower", "ci_upper"));
            }
            out.add(copy(r, ExportTables.REGION_RATES, blank));
        }
        return out;
    }

    /** Rows (of an export schema) with something blanked. */
    static long blanked(List<Row> rows, TableSchema export) {
        int column = export.indexOf("disclosure");
        return rows.stream().filter(r -> !NONE.equals(r.get(column))).count();
    }

    private static void categories(Row r, int k, Set<String> blank) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String category : OutcomeTables.CATEGORIES) {
            Long n = r.getAs(category + "_n");
            if (n != null) {
                parts.put(category, n);
            }
        }
        long assessed = r.<Long>getAs("n_assessed");
        if (assessed > 0 && assessed < k) {
            blank.add("n_assessed");
        }
        for (String category : SmallCells.suppress(parts, k).keySet()) {
            for (String suffix : List.of("_n", "_share", "_lower", "_upper")) {
                blank.add(category + suffix);
            }
        }
    }

    /** Columns computed from the complete (intake and latest) pairs. */
    private static boolean estimate(String column) {
        return column.startsWith("mean_change") || column.startsWith("d_") || column.startsWith("g_av") || column.startsWith("boot_g_av")
                || column.equals("t_statistic") || column.equals("p_value") || column.equals("boot_replicates");
    }

    private static String cell(Row r) {
        return String.join("\u0000", r.getAs("region"), r.getAs("instrument"), r.getAs("respondent"), r.getAs("period"));
    }

    private static Row copy(Row r, TableSchema export, Set<String> blank) {
        RowBuilder b = new RowBuilder(SparkSchemas.of(export));
        for (Column c : export.columns()) {
            if (c.name().equals("disclosure")) {
                b.set("disclosure", blank.isEmpty() ? NONE : "small_cell: " + String.join(" ", blank));
            } else {
                b.set(c.name(), blank.contains(c.name()) ? null : r.getAs(c.name()));
            }
        }
        return b.build();
    }
}
