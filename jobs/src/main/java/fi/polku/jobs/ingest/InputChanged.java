package fi.polku.jobs.ingest;

/**
 * An input file changed, was replaced or vanished while a run was reading it: what was checked is no longer
 * what is there, so nothing is published (exit code 3). The message names the file, never its content.
 */
public final class InputChanged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputChanged(String message) {
        super(message);
    }
}
