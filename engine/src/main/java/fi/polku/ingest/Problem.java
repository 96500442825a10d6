package fi.polku.ingest;

import java.util.Objects;

/**
 * One broken rule in one input row.
 *
 * @param column  the canonical column at fault, or null when the row as a whole is at fault
 * @param message a plain sentence for the user; never contains an identifying value
 */
public record Problem(String column, ReasonCode reason, String message) {
    public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
