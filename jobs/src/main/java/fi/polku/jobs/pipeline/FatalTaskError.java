package fi.polku.jobs.pipeline;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Remembers the fatal error (an {@link Error} such as {@link OutOfMemoryError}) that Spark logs when a task dies of
 * one. Spark then stops the JVM itself ({@code System.exit}, code 52 for out of memory, 50 otherwise) without a
 * signal and without returning to Polku, so the run's shutdown hook asks this appender whether the stop was a
 * failure to record as {@code failed} rather than an interruption.
 */
final class FatalTaskError extends AbstractAppender {
    private static final String NAME = "polku-fatal-task-error";
    private static final AtomicReference<Throwable> SEEN = new AtomicReference<>();

    private FatalTaskError() {
        super(NAME, null, null, true, Property.EMPTY_ARRAY);
    }

    /**
     * Listens on the root logger for the rest of the JVM's life; calling it again does nothing. Without Log4j 2 as
     * the logging backend nothing is listened to, and a fatal stop is recorded as an interruption, as before.
     */
    static synchronized void listen() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return;
        }
        Configuration config = context.getConfiguration();
        if (config.getAppender(NAME) != null) {
            return;
        }
        FatalTaskError appender = new FatalTaskError();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.ERROR, null);
        context.updateLoggers();
    }

    /** Starts a run with nothing seen (a test JVM runs many). */
    static void forget() {
        SEEN.set(null);
    }

    /** The first fatal error logged since {@link #forget}, or null. */
    static Throwable seen() {
        return SEEN.get();
    }

    @Override
    public void append(LogEvent event) {
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof Error) {
                SEEN.compareAndSet(null, t);
                return;
            }
        }
    }
}
