package fi.polku.jobs.pipeline;

import fi.polku.jobs.cli.Polku;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;

/**
 * {@code polku} in a child JVM whose run, after the ingest stage, starts a Spark task that dies of an
 * {@link OutOfMemoryError}, as a task of a too-big run does: Spark then stops the JVM itself (exit code 52).
 * Used by {@link InterruptTest}; a real out-of-memory takes minutes and gigabytes to provoke.
 */
public final class FatalTaskErrorMain {
    private FatalTaskErrorMain() {
    }

    public static void main(String[] args) {
        RunHooks.listen(point -> {
            if (point.equals("stage:ingest")) {
                SparkSession.builder().getOrCreate().range(1).foreach((ForeachFunction<Long>) x -> {
                    throw new OutOfMemoryError("Java heap space (provoked by the test)");
                });
            }
        });
        Polku.main(args);
    }
}
