package fi.polku.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent pieces of a stage (each planning and submitting its own Spark jobs) from a few driver
 * threads at once. Spark's scheduler takes jobs from several threads; what this buys is that the driver's own
 * work for one piece (query planning, code generation, collecting results) overlaps with the tasks of another,
 * which on a small input is most of a stage's time. A piece's result is waited for when it is needed; a
 * failure is rethrown as it was thrown, so data errors still reach the user as messages.
 *
 * <pre>{@code
 * try (Concurrently pieces = new Concurrently()) {
 *     Supplier<Long> rows = pieces.submit(table::count);
 *     Supplier<List<Row>> small = pieces.submit(other::collectAsList);
 *     use(rows.get(), small.get());
 * }
 * }</pre>
 */
public final class Concurrently implements AutoCloseable {
    /** Driver threads: enough to keep both cores of a small machine busy; tasks are bounded by Spark's slots anyway. */
    static final int THREADS = 4;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "polku-driver-" + NAMES.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Starts a piece; {@code get()} on the handle waits for its result or rethrows its failure. */
    public <T> Supplier<T> submit(Callable<T> piece) {
        Future<T> future = pool.submit(piece);
        return () -> get(future);
    }

    /** Runs every piece and returns their results in the given order (the first failure in that order is rethrown). */
    public static <T> List<T> run(List<Callable<T>> pieces) {
        try (Concurrently c = new Concurrently()) {
            List<Supplier<T>> handles = new ArrayList<>();
            for (Callable<T> piece : pieces) {
                handles.add(c.submit(piece));
            }
            List<T> results = new ArrayList<>(pieces.size());
            for (Supplier<T> h : handles) {
                results.add(h.get());
            }
            return results;
        }
    }

    /** Stops the threads; pieces not waited for are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent piece of the stage", e);
        }
    }
}
