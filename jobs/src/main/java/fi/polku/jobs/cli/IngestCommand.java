package fi.polku.jobs.cli;

import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.ingest.IngestRun;
import fi.polku.jobs.spark.Sessions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polku ingest}: validated, typed Parquet and a quarantine from the configured inputs. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads fit_sessions, life_situation, region_statistics and populations as configured,",
            "validates every row, and writes the clean tables, the quarantine and manifest.json as Parquet",
            "under the output root. A file with a Finnish personal identity code stops the run (exit 3)."})
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the run configuration (YAML)")
    Path config;

    @Option(names = "--verbose", description = "Spark's own logging and stack traces")
    boolean verbose;

    @Override
    public Integer call() {
        RunConfig cfg = RunConfig.load(config);
        System.out.println("polku ingest: " + cfg.project() + " (as of " + cfg.asOf() + ")");
        SparkSession spark = Sessions.create("polku ingest", verbose);
        try {
            new IngestRun(spark, System.out).execute(cfg);
            return Polku.OK;
        } finally {
            spark.stop();
        }
    }
}
