package fi.polku.ingest;

import fi.polku.contract.RowSource;
import java.util.List;
import java.util.Objects;

/** The outcome of validating one input row: a typed value, or the problems that reject it. */
public sealed interface Parsed<T> {

    /** A row that passed every rule. */
    record Accepted<T>(T value) implements Parsed<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A row that broke at least one rule.
     *
     * @param raw    the row's text as read, for the quarantine table
     * @param region the region code the row was read with (as its clean row would hold it), or null when the row's
     *               region field was blank, unreadable or not a known region: the quarantine's {@code region}, so that
     *               rejected rows can be counted per county for the people who send the exports
     */
    record Rejected<T>(RowSource source, List<Problem> problems, String raw, String region) implements Parsed<T> {
        public Rejected {
            Objects.requireNonNull(source, "source");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected row needs at least one problem");
            }
        }

        /** The first problem, which names the column reported. */
        public Problem first() {
            return problems.get(0);
        }

        /** All messages joined, the quarantine table's reason. */
        public String reason() {
            StringBuilder b = new StringBuilder();
            for (Problem p : problems) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(p.column() == null ? "" : p.column() + ": ").append(p.message());
            }
            return b.toString();
        }
    }
}
