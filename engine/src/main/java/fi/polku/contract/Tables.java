package fi.polku.contract;

import static fi.polku.contract.Column.optional;
import static fi.polku.contract.Column.required;
import static fi.polku.contract.ColumnType.BOOLEAN;
import static fi.polku.contract.ColumnType.DATE;
import static fi.polku.contract.ColumnType.DOUBLE;
import static fi.polku.contract.ColumnType.INT32;
import static fi.polku.contract.ColumnType.INT64;
import static fi.polku.contract.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The declared schemas of Polku's output tables. {@code datasets/DATA_DICTIONARY.md} documents each column
 * and a test keeps the two in step.
 */
public final class Tables {
    private Tables() {
    }

    /** Columns every clean table ends with: whether the source was synthetic, and where the row came from. */
    private static final List<Column> PROVENANCE = List.of(
            required("synthetic", BOOLEAN),
            required("source_file", STRING),
            required("source_line", INT64));

    /** Clean FIT administrations. */
    public static final TableSchema SESSIONS = table("sessions",
            required("case_id", STRING),
            required("episode_id", STRING),
            required("region", STRING),
            required("arm", STRING),
            required("respondent", STRING),
            required("age_band", STRING),
            required("instrument", STRING),
            required("session_date", DATE),
            required("session_no", INT32),
            required("session_no_derived", BOOLEAN),
            optional("item1", DOUBLE),
            optional("item2", DOUBLE),
            optional("item3", DOUBLE),
            optional("item4", DOUBLE),
            optional("total", DOUBLE),
            required("skipped", BOOLEAN));

    /** Clean 3X10D assessments. */
    public static final TableSchema LIFE_SITUATION = table("life_situation",
            required("case_id", STRING),
            required("episode_id", STRING),
            required("region", STRING),
            required("arm", STRING),
            required("respondent", STRING),
            required("version", STRING),
            required("assessment_date", DATE),
            required("round", INT32),
            required("round_derived", BOOLEAN),
            optional("d01", INT32),
            optional("d02", INT32),
            optional("d03", INT32),
            optional("d04", INT32),
            optional("d05", INT32),
            optional("d06", INT32),
            optional("d07", INT32),
            optional("d08", INT32),
            optional("d09", INT32),
            optional("d10", INT32),
            required("domains_answered", INT32));

    /** Clean regional placement and notification statistics. */
    public static final TableSchema REGION_STATISTICS = table("region_statistics",
            required("region", STRING),
            required("period", STRING),
            required("year", INT32),
            optional("month", INT32),
            required("indicator", STRING),
            required("age_group", STRING),
            required("count", INT64),
            optional("population", INT64),
            optional("value", DOUBLE),
            optional("source", STRING));

    /** Clean population denominators. */
    public static final TableSchema POPULATIONS = table("populations",
            required("region", STRING),
            required("year", INT32),
            required("age_group", STRING),
            required("population", INT64),
            optional("source", STRING));

    /** Every rejected input row, with where and why. */
    public static final TableSchema QUARANTINE = new TableSchema("quarantine", List.of(
            required("dataset", STRING),
            required("source_file", STRING),
            required("line", INT64),
            optional("column", STRING),
            required("reason_code", STRING),
            required("reason", STRING),
            required("problem_count", INT32),
            optional("raw", STRING)));

    /** All output tables written by ingest, in write order. */
    public static List<TableSchema> ingestOutputs() {
        return List.of(SESSIONS, LIFE_SITUATION, REGION_STATISTICS, POPULATIONS, QUARANTINE);
    }

    private static TableSchema table(String name, Column... columns) {
        List<Column> all = new ArrayList<>(List.of(columns));
        all.addAll(PROVENANCE);
        return new TableSchema(name, all);
    }
}
