package fi.polku.jobs.ingest;

/**
 * An input file changed or vanished while the run was reading it (deleted, replaced, truncated): what was planned
 * is no longer what is there. The message names the file and what happened, never its content; the command exits
 * with code 3 and the previous outputs stay as they were. Run again when the file is in place.
 */
public final class InputChanged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputChanged(String message) {
        super(message);
    }
}
