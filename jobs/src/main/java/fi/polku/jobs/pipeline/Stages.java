package fi.polku.jobs.pipeline;

import fi.polku.jobs.change.ChangeStage;
import fi.polku.jobs.effect.EffectsStage;
import fi.polku.jobs.export.ExportStage;
import fi.polku.jobs.ingest.IngestStage;
import fi.polku.jobs.outcome.OutcomesStage;
import fi.polku.jobs.report.ReportStage;
import java.util.List;

/** The pipeline's stages in the order {@code polku run} runs them. Later stages join as they are built. */
public final class Stages {
    private Stages() {
    }

    /** Every stage, in order. */
    public static List<Stage> all() {
        return List.of(new IngestStage(), new ChangeStage(), new OutcomesStage(), new EffectsStage(), new ReportStage());
    }

    /**
     * Stages that only run when asked for by name ({@code polku export}). What they wrote rests on the tables of
     * the run before, so a later run of the pipeline drops it rather than carry a stale copy.
     */
    public static List<Stage> onDemand() {
        return List.of(new ExportStage());
    }

    /** Every stage that is a command of its own: the pipeline's, then the on-demand ones. */
    public static List<Stage> commands() {
        return java.util.stream.Stream.concat(all().stream(), onDemand().stream()).toList();
    }

    /** The stage with this name. */
    public static Stage named(String name) {
        return commands().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }
}
