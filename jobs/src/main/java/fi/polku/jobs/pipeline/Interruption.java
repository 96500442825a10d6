package fi.polku.jobs.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * What a run does when the JVM stops under it: a shutdown hook, held for the length of one run. Stopped by SIGTERM
 * or Ctrl-C, it prints one line and records the run as {@code interrupted} (exit code 143) in
 * {@code last_run.json}. Stopped by Spark after a task died of a fatal error (out of memory: Spark exits with 52),
 * it prints what happened and what to do and records the run as {@code failed} with Spark's exit code. Unless
 * {@code --verbose}, it silences the traces Spark and Netty print while they are torn down. The run's half-written
 * version is left for the next run to remove (as after a kill -9); the published outputs are never touched.
 */
public final class Interruption implements AutoCloseable {
    /** The message recorded, and (prefixed with "polku: ") printed. */
    static final String MESSAGE = "stopped by a signal (SIGTERM or Ctrl-C); the previous outputs are unchanged, run again to finish";

    private final Thread hook;

    private Interruption(Thread hook) {
        this.hook = hook;
    }

    /** Writes the run's record: status, exit code and reason. */
    @FunctionalInterface
    interface Record {
        void write(String status, int exitCode, String reason);
    }

    /** Installs the hook; {@code record} writes the stopped run's record. */
    static Interruption install(Record record, boolean verbose) {
        FatalTaskError.listen();
        FatalTaskError.forget();
        Thread hook = new Thread(() -> {
            PrintStream err = System.err;
            FatalTaskError.Seen fatal = FatalTaskError.seen();
            if (!verbose) {
                quiet();
            }
            err.println("polku: " + (fatal == null ? MESSAGE : fatal.message()));
            err.flush();
            try {
                if (fatal == null) {
                    record.write("interrupted", ExitCodes.INTERRUPTED, MESSAGE);
                } else {
                    record.write("failed", fatal.exitCode(), fatal.message());
                }
            } catch (RuntimeException e) {
                // The JVM is stopping; a record that cannot be written cannot be reported anywhere either.
            }
        }, "polku-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook);
    }

    /** Whether the JVM is shutting down (a signal arrived): failures now are its consequence, not errors to report. */
    public static boolean inProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void quiet() {
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
        } catch (RuntimeException | LinkageError e) {
            // Another logging backend: its lines stay, the record is still written.
        }
    }

    /** Removes the hook at the end of the run (a normal exit must not record an interruption). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook runs.
        }
    }
}
