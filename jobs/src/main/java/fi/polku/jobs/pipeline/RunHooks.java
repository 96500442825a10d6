package fi.polku.jobs.pipeline;

import java.util.function.Consumer;

/**
 * Named moments of a run, where a test can act (change an input, delete it, send a signal) at exactly that
 * point instead of guessing with sleeps. Without a listener, and in production, each call does nothing.
 *
 * <p>Points: {@code planned} (inputs read and copied, before Spark starts), {@code screened} (identity-code
 * screen passed, before parsing), {@code ingested} (ingest tables written, before the sources are checked
 * again), {@code stage:NAME} (after each stage), {@code publishing} (before the new version is made visible).
 */
public final class RunHooks {
    private static volatile Consumer<String> listener;

    private RunHooks() {
    }

    /** Called by the run at each point. */
    public static void at(String point) {
        Consumer<String> l = listener;
        if (l != null) {
            l.accept(point);
        }
    }

    /** Installs a listener until the returned handle is closed (tests only). */
    public static AutoCloseable listen(Consumer<String> action) {
        listener = action;
        return () -> listener = null;
    }
}
