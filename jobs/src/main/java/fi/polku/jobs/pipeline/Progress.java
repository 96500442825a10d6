package fi.polku.jobs.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The console of a run, watched: everything written through {@link #out()} resets a silence clock, and while the run
 * is {@linkplain #doing doing something} that prints nothing for a quiet spell (half a minute by default: Spark's
 * start and a large ingest are silent that long), a line says what it is still doing and for how long.
 */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final Duration quiet;
    private final ScheduledExecutorService timer;
    private volatile long lastWrite = System.nanoTime();
    private volatile String doing;
    private volatile long doingSince;

    private Progress(PrintStream target, Duration quiet) {
        this.quiet = quiet;
        this.out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                lastWrite = System.nanoTime();
                target.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                lastWrite = System.nanoTime();
                target.write(b, off, len);
            }

            @Override
            public void flush() {
                target.flush();
            }
        }, true, StandardCharsets.UTF_8);
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "polku-progress");
            t.setDaemon(true);
            return t;
        };
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon);
        long tick = Math.max(50, Math.min(1000, quiet.toMillis() / 10));
        timer.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Starts watching a console; {@code quiet} is how long a silence lasts before a line says what is going on. */
    static Progress watching(PrintStream target, Duration quiet) {
        if (quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("quiet must be positive: " + quiet);
        }
        return new Progress(target, quiet);
    }

    /** The console to write to. */
    PrintStream out() {
        return out;
    }

    /** What the run is doing from now on ("starting Spark"), said if it stays silent; null when nothing is going on. */
    void doing(String what) {
        doingSince = System.nanoTime();
        doing = what;
    }

    private void check() {
        String what = doing;
        long now = System.nanoTime();
        if (what != null && now - lastWrite >= quiet.toNanos()) {
            out.printf(Locale.ROOT, "    … still %s (%d s so far)%n", what, TimeUnit.NANOSECONDS.toSeconds(now - doingSince));
        }
    }

    @Override
    public void close() {
        doing = null;
        timer.shutdownNow();
        out.flush();
    }
}
