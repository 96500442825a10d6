package fi.polku.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every pipeline command takes. */
final class RunOptions {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the run configuration (YAML)")
    Path config;

    @Option(names = "--force", description = "run even when inputs and config are unchanged since the last run")
    boolean force;

    @Option(names = "--offline", description = "take Sotkanet statistics (config key sotkanet) from the local cache only")
    boolean offline;

    @Option(names = "--verbose", description = "Spark's own logging, and stack traces of internal errors")
    boolean verbose;
}
