package fi.polku.contract;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static fi.polku.contract.ColumnType.INT32;
import static fi.polku.contract.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of the student dataset written by {@code polku export}, derived from the output tables by fixed
 * rules so that the two cannot drift apart:
 * <ul>
 * <li>{@code case_id} and {@code episode_id} become one {@code episode_key} that links the export's tables
 * and nothing else; families are not linkable across episodes;</li>
 * <li>{@code age_band} is the episode's child's age band (a quasi-identifier, beside {@code region}), placed
 * after {@code respondent}; the respondent's own band is dropped (the respondent says it);</li>
 * <li>each date column {@code x_date} becomes {@code x_period}: the month ({@code 2025-03}) or term
 * ({@code 2025-spring}) as the export is configured;</li>
 * <li>provenance pointing into the county's files ({@code source_file}, {@code source_line}) is dropped;</li>
 * <li>region tables keep their columns; counts that may be suppressed become optional, and a
 * {@code disclosure} column says what was blanked;</li>
 * <li>in the published tables ({@link #published}) each status column holds a short code of the codebook, and
 * a {@code <status>_detail} column after it keeps the engine's own text when it says more than the code.</li>
 * </ul>
 */
public final class ExportTables {
    private static final Set<String> DROPPED = Set.of("case_id", "episode_id", "age_band", "source_file", "source_line");

    /** FIT administrations, one row each. */
    public static final TableSchema SESSIONS = microdata(Tables.SESSIONS, "days_since_first");
    /** One row per episode × respondent × instrument. */
    public static final TableSchema TRAJECTORIES = microdata(Tables.TRAJECTORIES, null);
    /** One row per episode × respondent × 3X10D domain. */
    public static final TableSchema DOMAIN_CHANGE = microdata(Tables.DOMAIN_CHANGE, null);
    /** Region outcomes with small counts blanked. */
    public static final TableSchema REGION_OUTCOMES = aggregate(OutcomeTables.REGION_OUTCOMES, Set.of("n_episodes", "n_complete",
            "n_assessed"));
    /** Regional rates with small counts blanked. */
    public static final TableSchema REGION_RATES = aggregate(Tables.REGION_RATES, Set.of("count"));
    /** Regional effect estimates (no counts of people). */
    public static final TableSchema REGION_EFFECTS = Tables.REGION_EFFECTS;
    /** The project regions' pooled effects (no counts of people: k counts regions). */
    public static final TableSchema POOLED_EFFECTS = OutcomeTables.POOLED_EFFECTS;
    /** Project indicators (reach, coverage, skipped measures, dropout) with small counts blanked. */
    public static final TableSchema PROJECT_INDICATORS = aggregate(OutcomeTables.PROJECT_INDICATORS, Set.of("families_reached",
            "episodes_reached", "measured_episodes", "meetings", "skipped_meetings", "ended_episodes", "dropouts"));
    /** The regions named in the export, with their names. */
    public static final TableSchema REGIONS = new TableSchema("regions", List.of(
            required("region", STRING),
            required("name_fi", STRING),
            required("name_sv", STRING),
            required("name_en", STRING)));

    private ExportTables() {
    }

    /** The status columns of each table that are published as a short code plus a detail column. */
    private static final Map<String, List<String>> STATUS = Map.of(
            "trajectories", List.of("assessment_status"),
            "domain_change", List.of("rci_status"),
            "region_outcomes", List.of("status", "shares_status", "contrast_status"),
            "region_rates", List.of("rate_status"),
            "pooled_effects", List.of("status"),
            "project_indicators", List.of("status"));

    /** Every table of the export as published, in the order the datapackage lists them. */
    public static List<TableSchema> all() {
        return List.of(SESSIONS, TRAJECTORIES, DOMAIN_CHANGE, REGION_OUTCOMES, REGION_RATES, REGION_EFFECTS, POOLED_EFFECTS, PROJECT_INDICATORS,
                        REGIONS)
                .stream().map(ExportTables::published).toList();
    }

    /** A table's status columns that are published as a code plus {@code <name>_detail}; empty if none. */
    public static List<String> statusColumns(TableSchema table) {
        return STATUS.getOrDefault(table.name(), List.of());
    }

    /** A table as published: each status column followed by its optional {@code <name>_detail} text column. */
    public static TableSchema published(TableSchema table) {
        List<String> status = statusColumns(table);
        if (status.isEmpty() || table.columns().stream().anyMatch(c -> c.name().equals(status.get(0) + "_detail"))) {
            return table;
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(c);
            if (status.contains(c.name())) {
                columns.add(optional(c.name() + "_detail", STRING));
            }
        }
        return new TableSchema(table.name(), columns);
    }

    /** The tables whose rows are episodes' rows, and so carry the quasi-identifiers. */
    public static List<TableSchema> microdata() {
        return List.of(SESSIONS, TRAJECTORIES, DOMAIN_CHANGE);
    }

    /** The export's name for an output column ({@code first_date} → {@code first_period}); other names unchanged. */
    public static String exportName(Column column) {
        return column.type() == ColumnType.DATE ? column.name().replaceAll("_date$", "") + "_period" : column.name();
    }

    private static TableSchema microdata(TableSchema source, String afterFirstPeriod) {
        List<Column> columns = new ArrayList<>();
        columns.add(required("episode_key", STRING));
        for (Column c : source.columns()) {
            if (DROPPED.contains(c.name())) {
                continue;
            }
            columns.add(c.type() == ColumnType.DATE ? new Column(exportName(c), STRING, c.nullable()) : c);
            if (c.name().equals("respondent")) {
                columns.add(required("age_band", STRING));
            }
            if (c.type() == ColumnType.DATE && afterFirstPeriod != null) {
                columns.add(required(afterFirstPeriod, INT32));
            }
        }
        return new TableSchema(source.name(), columns);
    }

    private static TableSchema aggregate(TableSchema source, Set<String> suppressible) {
        List<Column> columns = new ArrayList<>();
        for (Column c : source.columns()) {
            columns.add(suppressible.contains(c.name()) ? optional(c.name(), c.type()) : c);
        }
        columns.add(required("disclosure", STRING));
        return new TableSchema(source.name(), columns);
    }
}
