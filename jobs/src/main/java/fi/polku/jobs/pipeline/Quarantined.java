package fi.polku.jobs.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import fi.polku.jobs.report.Messages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows a run quarantined (rejected input rows, kept with their reasons in the {@code quarantine} table), as the
 * console's last lines: where they are and the most frequent reasons, in the config's language or else English.
 */
final class Quarantined {
    /** How many reasons the console names. */
    static final int TOP = 3;

    private long rows;
    private final List<Reason> top = new ArrayList<>();

    /** A reason code and how many rows it quarantined. */
    record Reason(String code, long rows) {
    }

    /** Counts the quarantine table's rows by reason (before the run's Spark session stops). */
    void tally(Dataset<Row> quarantine) {
        top.clear();
        rows = 0;
        for (Row r : quarantine.groupBy(col("reason_code")).agg(count(lit(1)).as("n")).collectAsList()) {
            rows += r.getLong(1);
            top.add(new Reason(r.getString(0), r.getLong(1)));
        }
        top.sort((a, b) -> a.rows() != b.rows() ? Long.compare(b.rows(), a.rows()) : a.code().compareTo(b.code()));
        if (top.size() > TOP) {
            top.subList(TOP, top.size()).clear();
        }
    }

    /** Prints where the quarantined rows are and why, when there are any. */
    void print(PrintStream out, String table, Messages.Language language) {
        if (rows == 0) {
            return;
        }
        Messages m = Messages.of(language);
        out.println(m.text("console.quarantined", m.count(rows), table));
        for (Reason r : top) {
            out.println("  " + m.text("console.reason", m.count(r.rows()), m.textOr("reason." + r.code(), r.code()), r.code()));
        }
    }
}
