package fi.polku.jobs.ingest;

import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.pipeline.RunHooks;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.jobs.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ingest stage: the planned input files (their run snapshots) through {@link IngestJob} into
 * {@code sessions}, {@code life_situation}, {@code region_statistics}, {@code populations} and
 * {@code quarantine}, with one line per file (detected format, rows in, clean, quarantined) and its record in
 * the manifest. Ends by checking that no source changed since it was read ({@link InputChanged}).
 */
public final class IngestStage implements Stage {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "Validates the configured inputs into clean Parquet tables and a quarantine.";
    }

    @Override
    public List<String> produces() {
        return Tables.ingestOutputs().stream().map(TableSchema::name).collect(Collectors.toList());
    }

    @Override
    public void run(StageRun run) {
        List<InputFile> files = run.inputs();
        IngestJob.Result result = new IngestJob(run.spark(), ReferenceData.bundled(), run.config().asOf()).run(files);
        long rowsIn = 0;
        long quarantined = 0;
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            FileCount c = result.counts().get(i);
            rowsIn += c.rowsIn();
            quarantined += c.quarantined();
            run.recordInput(new Manifest.Input(f.dataset(), f.name(), f.path(), f.sha256(), f.bytes(),
                    f.format().describe(), f.format().synthetic(), f.ignored(), c.rowsIn(), c.clean(), c.quarantined()));
            run.detail(String.format(Locale.ROOT, "%-18s %-24s %s: %,d rows → %,d clean, %,d quarantined",
                    f.dataset(), f.name(), f.format().describe(), c.rowsIn(), c.clean(), c.quarantined()));
            if (!f.ignored().isEmpty()) {
                run.warn(f.name() + ": columns not used: " + String.join(", ", f.ignored()));
            }
            if (c.quarantined() > 0) {
                run.warn(f.name() + ": " + c.quarantined() + " of " + c.rowsIn() + " rows quarantined (see quarantine)");
            }
        }
        List<StageRun.Output> outputs = new ArrayList<>();
        for (DatasetSpec<?> spec : DatasetSpec.all()) {
            long clean = result.counts().stream().filter(c -> c.dataset().equals(spec.dataset())).mapToLong(FileCount::clean).sum();
            outputs.add(new StageRun.Output(spec.table(), result.tables().get(spec.table().name()), clean,
                    List.of("source_file", "source_line")));
        }
        outputs.add(new StageRun.Output(Tables.QUARANTINE, result.tables().get(Tables.QUARANTINE.name()), quarantined,
                List.of("dataset", "source_file", "line")));
        run.write(outputs);
        RunHooks.at("ingested");
        // The snapshots are what was read; a source that changed since is still a run on stale input.
        InputSnapshot.verifyUnchanged(run.spark().sparkContext().hadoopConfiguration(), files);
        run.summarise(rowsIn, rowsIn - quarantined, quarantined);
    }
}
