package fi.polku.jobs.pipeline;

/**
 * A run failed because a Spark task died of a fatal error (out of memory): Spark stops the JVM with its own code
 * (52, or 50), and this failure, when the run's own handling gets there first, exits with the same code and says the
 * same one line.
 */
public final class FatalTaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    FatalTaskFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Spark's exit code for the error: 52 out of memory, 50 another fatal error. */
    public int exitCode() {
        return exitCode;
    }
}
