package fi.polku.ingest;

import java.util.List;

/**
 * The outcome of cross-row rules over a group of rows: the rows kept (possibly completed, e.g. with a derived
 * session number) and those rejected.
 */
public record Checked<T>(List<Candidate<T>> kept, List<Parsed.Rejected<T>> rejected) {
    public Checked {
        kept = List.copyOf(kept);
        rejected = List.copyOf(rejected);
    }
}
