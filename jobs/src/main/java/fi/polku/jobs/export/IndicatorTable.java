package fi.polku.jobs.export;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * {@code project_indicators} under the export's k rule, as {@link RegionTables} does for the other region
 * tables: a count of 1 to k − 1 (families, episodes or administrations) is blanked with everything computed from
 * it (a share of target, coverage and whether it met its target, a skipped or dropout share with its interval),
 * and the {@code disclosure} column lists what was blanked ({@code none} if nothing).
 */
final class IndicatorTable {
    /** Each count and the columns computed from it. */
    private static final Map<String, List<String>> DEPENDENTS = Map.of(
            "families_reached", List.of("families_share_of_target"),
            "episodes_reached", List.of(),
            "measured_episodes", List.of("coverage", "coverage_met"),
            "meetings", List.of("skipped_share", "skipped_lower", "skipped_upper"),
            "skipped_meetings", List.of("skipped_share", "skipped_lower", "skipped_upper"),
            "ended_episodes", List.of("dropout_share", "dropout_lower", "dropout_upper"),
            "dropouts", List.of("dropout_share", "dropout_lower", "dropout_upper"));

    private IndicatorTable() {
    }

    /** {@code project_indicators} rows (outcomes-stage schema) in the export schema, under the k rule. */
    static List<Row> indicators(List<Row> rows, int k) {
        TableSchema export = ExportTables.PROJECT_INDICATORS;
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Set<String> blank = new LinkedHashSet<>();
            for (Column c : export.columns()) {
                List<String> dependents = DEPENDENTS.get(c.name());
                Object n = dependents == null ? null : r.getAs(c.name());
                if (n instanceof Number count && count.longValue() > 0 && count.longValue() < k) {
                    blank.add(c.name());
                    blank.addAll(dependents);
                }
            }
            RowBuilder b = new RowBuilder(SparkSchemas.of(export));
            for (Column c : export.columns()) {
                if (c.name().equals("disclosure")) {
                    b.set("disclosure", blank.isEmpty() ? RegionTables.NONE : RegionTables.PREFIX + String.join(" ", blank));
                } else {
                    b.set(c.name(), blank.contains(c.name()) ? null : r.getAs(c.name()));
                }
            }
            out.add(b.build());
        }
        return out;
    }
}
