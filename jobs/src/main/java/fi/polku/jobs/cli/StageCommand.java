package fi.polku.jobs.cli;

import fi.polku.jobs.pipeline.Pipeline;
import fi.polku.jobs.pipeline.Stage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * One pipeline stage as a command of its own ({@code polku ingest}, {@code polku change}, …): it reads the
 * current outputs for what earlier stages wrote and publishes a new version with its own tables replaced.
 */
final class StageCommand implements Callable<Integer> {
    private final Stage stage;

    @Mixin
    RunOptions options;

    StageCommand(Stage stage) {
        this.stage = stage;
    }

    @Override
    public Integer call() {
        return new Pipeline(System.out, options.verbose).offline(options.offline).run(Pipeline.load(options.config, stage.name()), List.of(stage), stage.name(),
                options.force);
    }
}
