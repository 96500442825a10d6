package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.memory.SparkOutOfMemoryError;
import org.apache.spark.util.SparkFatalException;
import org.junit.jupiter.api.Test;

/**
 * Which logged errors make a run "failed with Spark's exit code", judged as Spark 4.2's executor judges them
 * ({@code Executor.isFatalError} with depth 5, {@code Utils.isFatalError}; {@code SparkUncaughtExceptionHandler}
 * for the code: 52 when what it is handed is an OutOfMemoryError or a SparkFatalException around one, else 50).
 */
class FatalTaskErrorTest {
    private static Throwable wrapped(Throwable inner, int times) {
        Throwable t = inner;
        for (int i = 0; i < times; i++) {
            t = new RuntimeException("wrapper " + i, t);
        }
        return t;
    }

    @Test
    void anOutOfMemoryErrorIsFatalWithCode52() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, FatalTaskError.fatalIn(oom));
        assertEquals(52, new FatalTaskError.Seen(oom, oom).exitCode());
        assertEquals(52, new FatalTaskError.Seen(new SparkFatalException(oom), oom).exitCode());
    }

    @Test
    void anOutOfMemoryErrorInsideAnotherExceptionIsFatalButSparkExitsWith50() {
        // Spark wraps an error inside a Parquet write in a SparkException (TASK_WRITE_FAILED); its handler then
        // sees no OutOfMemoryError at the top and exits 50.
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Throwable logged = wrapped(oom, 1);
        assertSame(oom, FatalTaskError.fatalIn(logged));
        FatalTaskError.Seen seen = new FatalTaskError.Seen(logged, oom);
        assertEquals(50, seen.exitCode());
        assertTrue(seen.message().contains("ran out of memory") && seen.message().contains("exit code 50"), seen.message());
    }

    @Test
    void onlyFiveCausesDeepAsSparkLooks() {
        StackOverflowError deep = new StackOverflowError();
        assertSame(deep, FatalTaskError.fatalIn(wrapped(deep, 4)));
        assertNull(FatalTaskError.fatalIn(wrapped(deep, 5)));
    }

    @Test
    void errorsSparkDoesNotStopForAreNotFatal() {
        assertNull(FatalTaskError.fatalIn(new AssertionError("a failed check")));
        assertNull(FatalTaskError.fatalIn(new NoClassDefFoundError("x/Y")));
        assertNull(FatalTaskError.fatalIn(new SparkOutOfMemoryError("UNABLE_TO_ACQUIRE_MEMORY", Map.of("requestedBytes", "1024", "receivedBytes", "0"))));
        assertNull(FatalTaskError.fatalIn(wrapped(new SparkOutOfMemoryError("UNABLE_TO_ACQUIRE_MEMORY", Map.of("requestedBytes", "1024", "receivedBytes", "0")), 2)));
        assertNull(FatalTaskError.fatalIn(new IllegalStateException("not an error")));
        assertNull(FatalTaskError.fatalIn(null));
    }

    @Test
    void theAppenderRemembersTheFirstFatalErrorSparkLogs() {
        FatalTaskError.listen();
        FatalTaskError.listen(); // a second run's install: still one appender
        FatalTaskError.forget();
        var executor = LogManager.getLogger("org.apache.spark.executor.Executor");
        executor.error("Exception in task 0.0 in stage 1.0 (TID 1)", new AssertionError("not fatal"));
        assertNull(FatalTaskError.seen());
        OutOfMemoryError first = new OutOfMemoryError("Java heap space");
        executor.error("Exception in task 1.0 in stage 1.0 (TID 2)", first);
        executor.error("Exception in task 2.0 in stage 1.0 (TID 3)", new OutOfMemoryError("later"));
        assertNotNull(FatalTaskError.seen());
        assertSame(first, FatalTaskError.seen().fatal());
        FatalTaskError.forget();
        assertNull(FatalTaskError.seen());
    }
}
