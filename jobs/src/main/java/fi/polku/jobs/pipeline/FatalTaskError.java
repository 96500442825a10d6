package fi.polku.jobs.pipeline;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.memory.SparkOutOfMemoryError;
import org.apache.spark.util.SparkFatalException;

/**
 * Remembers a task's fatal error, which Spark logs ("Exception in task …") before it tells the driver the task
 * failed and then stops the JVM itself ({@code System.exit}): code 52 for an out-of-memory, 50 otherwise. Such a
 * stop comes without a signal and may overtake the run's own failure handling, so both the run's shutdown hook and
 * its failure path ask this appender whether to record the run as {@code failed} with Spark's code.
 *
 * <p>Fatal is what Spark's executor treats as fatal (Spark 4.2 {@code Executor.isFatalError} with its default depth
 * 5 and {@code Utils.isFatalError}): a {@link VirtualMachineError} (out of memory, stack overflow, internal error)
 * at most five causes deep, but not Spark's own {@link SparkOutOfMemoryError}, which only fails the task. Other
 * errors (an {@link AssertionError}, a {@link LinkageError}) fail the task and the run in the ordinary way.
 */
final class FatalTaskError extends AbstractAppender {
    private static final String NAME = "polku-fatal-task-error";
    private static final int DEPTH = 5;
    private static final AtomicReference<Seen> SEEN = new AtomicReference<>();

    /**
     * A fatal task error: {@code logged} is what Spark logged (and hands its exit handler), {@code fatal} the error
     * found in it.
     */
    record Seen(Throwable logged, Throwable fatal) {
        /** Spark's exit code: 52 when what it logged is an out-of-memory or a SparkFatalException around one, else 50. */
        int exitCode() {
            boolean outOfMemory = logged instanceof OutOfMemoryError
                    || logged instanceof SparkFatalException f && f.throwable() instanceof OutOfMemoryError;
            return outOfMemory ? ExitCodes.OUT_OF_MEMORY : ExitCodes.FATAL_TASK_ERROR;
        }

        /** The one line printed and recorded: what happened and what to do. */
        String message() {
            String what = fatal.getClass().getName() + (fatal.getMessage() == null ? "" : ": " + fatal.getMessage());
            if (fatal instanceof OutOfMemoryError) {
                return "a Spark task ran out of memory (" + what + ") and Spark stopped the run (exit code " + exitCode()
                        + "); the previous outputs are unchanged. Run again with a larger heap (POLKU_JAVA_OPTS=-Xmx8g, "
                        + "or spark-submit --driver-memory/--executor-memory on a cluster)";
            }
            return "a Spark task failed with a fatal error (" + what + ") and Spark stopped the run (exit code " + exitCode()
                    + "); the previous outputs are unchanged. Run again with --verbose and report it";
        }
    }

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

    /** The first fatal task error logged since {@link #forget}, or null. */
    static Seen seen() {
        return SEEN.get();
    }

    /** The fatal error in {@code logged} as Spark's executor judges it, or null. */
    static Throwable fatalIn(Throwable logged) {
        Throwable t = logged;
        for (int depth = 0; t != null && depth < DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SparkOutOfMemoryError) {
                return null;
            }
            if (t instanceof VirtualMachineError) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void append(LogEvent event) {
        Throwable fatal = fatalIn(event.getThrown());
        if (fatal != null) {
            SEEN.compareAndSet(null, new Seen(event.getThrown(), fatal));
        }
    }
}
