package fi.polku.jobs.cli;

import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.pipeline.Pipeline;
import fi.polku.jobs.pipeline.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code polku ingest}: validated, typed Parquet and a quarantine from the configured inputs. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validates the configured inputs and writes clean Parquet tables, the quarantine and manifest.json.",
            "",
            "Reads fit_sessions, life_situation, region_statistics and populations; every rejected row goes to",
            "the quarantine with file, line, column and reason. A Finnish personal identity code in any file",
            "stops the run (exit 3) and nothing is written."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return new Pipeline(System.out, options.verbose).run(RunConfig.load(options.config),
                List.of(Stages.named("ingest")), "ingest", options.force);
    }
}
