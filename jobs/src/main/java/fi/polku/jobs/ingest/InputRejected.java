package fi.polku.jobs.ingest;

/**
 * An input file cannot be used as a whole: an identity code in it, an unreadable encoding, a header that
 * misses required columns, a broken quote. The message names the file, line and column and never the
 * offending value; the command exits with code 3 and writes nothing.
 */
public final class InputRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputRejected(String message) {
        super(message);
    }
}
