package fi.polku.jobs.pipeline;

/**
 * A stage run on its own needs a table that no earlier run has written to the output (e.g. {@code polku report}
 * after only {@code polku ingest}): a usage error (exit code 2) that says which command to run first.
 */
public final class MissingTable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingTable(String message) {
        super(message);
    }
}
