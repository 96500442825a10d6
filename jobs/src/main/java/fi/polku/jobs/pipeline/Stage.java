package fi.polku.jobs.pipeline;

import java.util.List;

/** One step of the pipeline: reads tables (inputs or earlier stages' outputs) and writes its own. */
public interface Stage {
    /** The stage's name, which is also its subcommand. */
    String name();

    /** One sentence for the stage's command help. */
    String description();

    /** The tables the stage writes. */
    List<String> produces();

    /** Runs the stage: read through {@code run}, write through {@code run}, report through {@code run}. */
    void run(StageRun run);
}
