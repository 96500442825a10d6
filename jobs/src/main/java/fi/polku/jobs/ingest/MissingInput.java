package fi.polku.jobs.ingest;

/** A configured input path matches no file: the input is unavailable (exit code 3, as for a rejected input). */
public final class MissingInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingInput(String message) {
        super(message);
    }
}
