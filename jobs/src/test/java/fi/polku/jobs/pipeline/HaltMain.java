package fi.polku.jobs.pipeline;

import fi.polku.jobs.cli.Polku;

/**
 * {@code polku} in a child JVM that is halted once the ingest stage starts, without shutdown hooks: what
 * {@code kill -9}, a power loss or Spark's {@code Runtime.halt(52)} (an out-of-memory error while logging one) leave.
 * Used by {@link InterruptTest}.
 */
public final class HaltMain {
    private HaltMain() {
    }

    public static void main(String[] args) {
        RunHooks.listen(point -> {
            if (point.equals("stage:ingest")) {
                Runtime.getRuntime().halt(52);
            }
        });
        Polku.main(args);
    }
}
