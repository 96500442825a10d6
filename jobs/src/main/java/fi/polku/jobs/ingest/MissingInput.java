package fi.polku.jobs.ingest;

/** A configured input path matches no file: a configuration error (exit code 2). */
public final class MissingInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingInput(String message) {
        super(message);
    }
}
