package fi.polku.jobs.config;

/** The configuration cannot be used: a missing or unknown key, a bad value, a missing file (exit code 2). */
public final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }
}
