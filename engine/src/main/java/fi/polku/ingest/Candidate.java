package fi.polku.ingest;

import fi.polku.contract.RowSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A row that passed its row rules and now faces the cross-row rules, carried with its raw text and its region code
 * so that a rejection can still be quarantined with them.
 */
public record Candidate<T>(RowSource source, T value, String raw, String region) {
    /** File order: by file name, then line. Cross-row rules keep the first row in this order. */
    public static final Comparator<Candidate<?>> FILE_ORDER =
            Comparator.comparing((Candidate<?> c) -> c.source().file()).thenComparingLong(c -> c.source().line());

    public Candidate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
    }

    /** A rejection of this row for one problem. */
    public Parsed.Rejected<T> reject(String column, ReasonCode reason, String message) {
        return new Parsed.Rejected<>(source, List.of(new Problem(column, reason, message)), raw, region);
    }
}
