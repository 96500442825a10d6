package fi.polku.jobs.sotkanet;

/** Sotkanet could not give what was asked (offline, cold cache, bad answer): nothing was written. Exit code 3. */
public final class SotkanetFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SotkanetFailure(String message) {
        super(message);
    }

    public SotkanetFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
