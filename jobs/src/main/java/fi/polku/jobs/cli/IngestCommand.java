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
        description = {"Validates the configured inputs and writes clean Parquet tables, the quarantine and manifest.json.",
            "",
            "Reads fit_sessions, life_situation, region_statistics and populations; every rejected row goes to",
            "the quarantine with file, line, column and reason. A Finnish personal identity code in any file",
            "stops the run (exit 3) and nothing is written."})
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
