package fi.polku.jobs.cli;

import fi.polku.jobs.pipeline.Pipeline;
import fi.polku.jobs.pipeline.Stages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code polku run}: every stage, in order, into one new output version. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline for a config and publishes the outputs only when every stage succeeded.",
            "",
            "Safe to repeat (unchanged inputs and config: nothing to do) and safe to kill (the previous",
            "outputs stay as they were). Each stage is also a command of its own."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return new Pipeline(System.out, options.verbose).offline(options.offline).run(Pipeline.load(options.config, "run"), Stages.all(), "run", options.force);
    }
}
