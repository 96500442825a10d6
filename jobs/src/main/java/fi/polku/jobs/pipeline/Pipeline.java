package fi.polku.jobs.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.polku.contract.Tables;
import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.export.ExportStage;
import fi.polku.jobs.ingest.InputFile;
import fi.polku.jobs.ingest.InputPlanner;
import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.report.ReportStage;
import fi.polku.jobs.sotkanet.SotkanetPull;
import fi.polku.jobs.output.OutputBusy;
import fi.polku.jobs.output.OutputStore;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.JvmTuning;
import fi.polku.jobs.spark.Sessions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Runs stages in order into one new output version and publishes it only when every stage succeeded. A
 * run whose inputs (by SHA-256), config and Polku version equal those of the current outputs, and whose
 * stages the current outputs already hold, does nothing and says so, unless forced. Every run that gets the
 * output's lock, complete, skipped or failed, is recorded in {@code last_run.json} beside the outputs; a run that
 * finds the output busy leaves the active run's record alone.
 */
public final class Pipeline {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The staging folder, inside a new version, that holds the run's copies of its inputs until publication. */
    static final String SNAPSHOTS = "_inputs";

    /** How long a run may print nothing before a line says what it is still doing. */
    static final Duration QUIET = Duration.ofSeconds(30);

    private final PrintStream console;
    private final boolean verbose;
    private boolean offline;
    private Duration quiet = QUIET;
    private PrintStream out;
    private Progress progress;

    public Pipeline(PrintStream out, boolean verbose) {
        this.console = out;
        this.out = out;
        this.verbose = verbose;
    }

    /** How long a silence lasts before a line says what the run is still doing (half a minute unless changed). */
    public Pipeline quietAfter(Duration value) {
        quiet = value;
        return this;
    }

    /** Pull from Sotkanet's cache only (config key {@code sotkanet}). */
    public Pipeline offline(boolean value) {
        offline = value;
        return this;
    }

    /** Runs {@code stages} (as {@code command}) for a config; returns the exit code. */
    public int run(RunConfig config, List<Stage> stages, String command, boolean force) {
        try (Progress watched = Progress.watching(console, quiet)) {
            progress = watched;
            out = watched.out();
            return runWatched(config, stages, command, force);
        } finally {
            out = console;
            progress = null;
        }
    }

    private int runWatched(RunConfig config, List<Stage> stages, String command, boolean force) {
        Instant started = Instant.now();
        String runId = RUN_ID.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
        out.println("polku " + command + ": " + config.project() + " (as of " + config.asOf() + ")");
        Configuration hadoop = Sessions.hadoopConfiguration();
        OutputStore store = OutputStore.at(config.output(), hadoop);
        try (Interruption hook = Interruption.install((status, code, reason) -> store.recordLastRun(lastRun(runId, command,
                started, status, code, reason, config)), verbose)) {
            store.check();
            // The output's lock first: a busy output (another run holds it) stops here, leaving that run's record.
            Path version = store.begin(runId);
            List<String> notes = new ArrayList<>();
            Optional<Manifest> current;
            InputPlanner.Plan plan;
            try {
                // Said before any work: a run that ends without a word (kill -9, power loss, Spark halting the JVM)
                // leaves "running" with its process id, not the previous run's record.
                store.recordLastRun(lastRun(runId, command, started, "running", null, "", config));
                if (config.sotkanet() != null && stages.stream().anyMatch(s -> s.name().equals("ingest"))) {
                    notes.add(pull(config));
                }
                current = store.current().flatMap(c -> store.readText(c, Manifest.FILE)).flatMap(Manifest::parse);
                progress.doing("reading and checksumming the input files");
                plan = plan(config, stages, hadoop, version);
                if (!force && current.isPresent() && unchanged(current.get(), config, plan.files(), stages)) {
                    store.abandon(version);
                    out.println("nothing to do: inputs and config are unchanged since run " + current.get().runId()
                            + " (use --force to run again); outputs: " + config.output());
                    store.recordLastRun(lastRun(runId, command, started, "skipped", ExitCodes.OK, "unchanged", config));
                    return ExitCodes.OK;
                }
            } catch (RuntimeException e) {
                store.abandon(version);
                throw e;
            }
            notes.addAll(plan.warnings());
            RunHooks.at("planned");
            Quarantined quarantined = new Quarantined();
            Manifest manifest = execute(config, stages, command, runId, started, plan.files(), store, version,
                    current.isPresent(), notes, hadoop, quarantined);
            store.recordLastRun(lastRun(runId, command, started, "complete", ExitCodes.OK, "", config));
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            out.printf(Locale.ROOT, "%s complete: %s → %s (%.1f s)%n", command, tablesLine(manifest.tables()),
                    config.output(), seconds);
            if (manifest.tables().containsKey(ReportStage.FOLDER)) {
                out.println("HTML summary: " + store.location() + "/" + ReportStage.FOLDER + "/index.html");
            }
            if (manifest.tables().containsKey(ExportStage.FOLDER)) {
                out.println("student dataset: " + store.location() + "/" + ExportStage.FOLDER + " (start with README.md or LUEMINUT.md)");
            }
            if (manifest.synthetic()) {
                out.println("note: inputs are SYNTHETIC demo data; outputs say so (column synthetic, manifest).");
            }
            quarantined.print(out, store.location() + "/" + Tables.QUARANTINE.name(), config.consoleLanguage());
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            // A task's fatal error: Spark is stopping the JVM with its own code (perhaps already), and the run fails with it.
            FatalTaskError.Seen fatal = FatalTaskError.seen();
            RuntimeException failure = fatal == null ? e : new FatalTaskFailure(fatal.message(), fatal.exitCode(), e);
            if (!(failure instanceof OutputBusy)) {
                // A busy output's record is the active run's ("running", its pid): this run did nothing to record.
                recordFailure(store, lastRun(runId, command, started, "failed", ExitCodes.of(failure), recorded(failure),
                        config), failure);
            }
            throw failure;
        }
    }

    /**
     * Loads a config for {@code command}. A config error is recorded, best effort, in the {@code last_run.json} of
     * the output the file names (when it parses far enough to name one), so a scheduled run's record never goes on
     * saying "complete" after a run that failed.
     */
    public static RunConfig load(java.nio.file.Path file, String command) {
        Instant started = Instant.now();
        try {
            return RunConfig.load(file);
        } catch (ConfigError e) {
            RunConfig.outputOf(file).ifPresent(output -> {
                try {
                    OutputStore store = OutputStore.at(output, Sessions.hadoopConfiguration());
                    String runId = RUN_ID.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
                    recordFailure(store, lastRun(runId, command, started, "failed", ExitCodes.USAGE, e.getMessage(),
                            file.toAbsolutePath().toString(), output), e);
                } catch (RuntimeException unusable) {
                    e.addSuppressed(unusable);
                }
            });
            throw e;
        }
    }

    /**
     * Records a failed run; a record that cannot be written must not hide the failure. While the JVM is stopping the
     * run's hook records it (interrupted) instead, unless the failure is a task's fatal error: Spark's own exit may
     * have started after the hook was closed, so the record is written here, shutdown or not.
     */
    private static void recordFailure(OutputStore store, String record, RuntimeException failure) {
        try {
            if (!Interruption.inProgress() || failure instanceof FatalTaskFailure) {
                store.recordLastRun(record);
            }
        } catch (RuntimeException recordFailed) {
            failure.addSuppressed(recordFailed);
        }
    }

    /** A typed failure's message in full; an internal error's first line only (Spark puts whole traces in messages). */
    private static String recorded(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return ExitCodes.of(e) == ExitCodes.INTERNAL ? e.getClass().getName() + ": " + message.split("\n", 2)[0] : message;
    }

    /**
     * Reads every input once: a run that ingests copies each file into the new version's staging folder
     * ({@link #SNAPSHOTS}), from which it is screened and parsed; other commands only checksum the inputs.
     */
    private static InputPlanner.Plan plan(RunConfig config, List<Stage> stages, Configuration hadoop, Path version) {
        boolean ingests = stages.stream().anyMatch(s -> s.name().equals("ingest"));
        return new InputPlanner(hadoop, ReferenceData.bundled().aliases(), config.file().getParent(),
                config.ingest().splitBytes())
                .plan(config.inputs(), ingests ? new Path(version, SNAPSHOTS) : null);
    }

    private Manifest execute(RunConfig config, List<Stage> stages, String command, String runId, Instant started,
                             List<InputFile> inputs, OutputStore store, Path version, boolean hasCurrent, List<String> notes,
                             Configuration hadoop, Quarantined quarantined) {
        SparkSession spark;
        try {
            JvmTuning.forInputOf(inputs.stream().mapToLong(InputFile::bytes).sum());
            out.println("  starting Spark (local, the first half-minute is its start-up)");
            progress.doing("starting Spark");
            spark = Sessions.create("polku " + command, verbose);
        } catch (RuntimeException e) {
            store.abandon(version);
            throw e;
        }
        try {
            List<Manifest.Input> currentInputs = hasCurrent ? store.current().flatMap(c -> store.readText(c, Manifest.FILE))
                    .flatMap(Manifest::parse).map(Manifest::inputs).orElse(List.of()) : List.of();
            StageRun run = new StageRun(spark, config, inputs, store, version, out, runId, currentInputs);
            notes.forEach(run::warn);
            List<Manifest.StageSummary> summaries = new ArrayList<>();
            Set<String> produced = new HashSet<>();
            for (Stage stage : stages) {
                Instant t0 = Instant.now();
                out.printf(Locale.ROOT, "  %-14s %s%n", stage.name(), stage.description());
                progress.doing("in stage " + stage.name());
                stage.run(run);
                double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
                long[] s = run.summary();
                summaries.add(new Manifest.StageSummary(stage.name(), s[0], s[1], s[2], seconds));
                produced.addAll(stage.produces());
                RunHooks.at("stage:" + stage.name());
                out.printf(Locale.ROOT, "  %-14s done: %,d rows in → %,d out%s (%.1f s)%n", stage.name(), s[0], s[1],
                        s[2] == 0 ? "" : String.format(Locale.ROOT, ", %,d quarantined", s[2]), seconds);
            }
            progress.doing("writing the manifest and publishing the outputs");
            if (run.written().getOrDefault(Tables.QUARANTINE.name(), 0L) > 0) {
                quarantined.tally(run.read(Tables.QUARANTINE));
            }
            Map<String, Long> tables = new LinkedHashMap<>(run.written());
            List<Manifest.StageSummary> allStages = new ArrayList<>(summaries);
            if (hasCurrent) {
                carryOver(store, version, produced, stales(stages), tables, allStages);
            }
            // A stage run on its own rests on the current outputs' inputs: keep them, and their synthetic flag.
            boolean synthetic = run.provenance().stream().anyMatch(Manifest.Input::synthetic);
            Manifest manifest = new Manifest(Versions.polku(), Versions.spark(), System.getProperty("java.version"),
                    runId, command, started.toString(), Instant.now().toString(), "complete", config.project(),
                    config.asOf().toString(), synthetic, config.file().toString(), config.sha256(),
                    run.provenance(), allStages, tables, run.warnings());
            dropSnapshots(version, hadoop);
            RunHooks.at("publishing");
            store.writeText(version, Manifest.FILE, manifest.toJson());
            store.publish(version);
            return manifest;
        } catch (RuntimeException e) {
            store.abandon(version);
            throw e;
        } finally {
            spark.stop();
        }
    }

    /** The input snapshots are the run's working copies, not outputs: they go before the version is published. */
    private static void dropSnapshots(Path version, Configuration hadoop) {
        Path snapshots = new Path(version, SNAPSHOTS);
        try {
            snapshots.getFileSystem(hadoop).delete(snapshots, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the input snapshots " + snapshots + ": " + e.getMessage(), e);
        }
    }

    /** Pulls the configured Sotkanet indicators into the file the config reads; returns the manifest's note on it. */
    private String pull(RunConfig config) {
        SotkanetPull.Result r = new SotkanetPull(config.sotkanet(), offline, ReferenceData.bundled().regions(),
                ReferenceData.bundled().municipalities().regions(), out).run();
        out.printf(Locale.ROOT, "  %-14s %,d rows of %d indicator(s) → %s%s%n", "sotkanet", r.rows(), r.indicators().size(), r.table(),
                r.skipped().isEmpty() ? "" : " (left out: " + r.skipped() + ")");
        return "sotkanet: " + SotkanetPull.SOURCE + ", licence " + SotkanetPull.LICENCE + "; indicators " + String.join(", ", r.indicators())
                + "; metadata in " + r.table().resolveSibling("metadata.json");
    }

    /** What on-demand stages wrote goes stale when any pipeline stage runs again. */
    private static Set<String> stales(List<Stage> stages) {
        Set<String> onDemand = Stages.onDemand().stream().map(Stage::name).collect(Collectors.toSet());
        if (stages.stream().allMatch(s -> onDemand.contains(s.name()))) {
            return Set.of();
        }
        Set<String> stale = new HashSet<>(onDemand);
        Stages.onDemand().forEach(s -> stale.addAll(s.produces()));
        return stale;
    }

    /** A stage run on its own keeps the other stages' tables of the current outputs (but not stale ones). */
    private static void carryOver(OutputStore store, Path version, Set<String> produced, Set<String> stale, Map<String, Long> tables,
                                  List<Manifest.StageSummary> stages) {
        Manifest current = store.current().flatMap(c -> store.readText(c, Manifest.FILE)).flatMap(Manifest::parse).orElseThrow();
        for (Map.Entry<String, Long> t : current.tables().entrySet()) {
            if (!produced.contains(t.getKey()) && !stale.contains(t.getKey())) {
                store.carryOver(version, t.getKey());
                tables.put(t.getKey(), t.getValue());
            }
        }
        Set<String> ran = stages.stream().map(Manifest.StageSummary::name).collect(Collectors.toSet());
        for (Manifest.StageSummary s : current.stages()) {
            if (!ran.contains(s.name()) && !stale.contains(s.name())) {
                stages.add(s);
            }
        }
    }

    private static boolean unchanged(Manifest current, RunConfig config, List<InputFile> inputs, List<Stage> stages) {
        Set<String> before = current.inputs().stream().map(i -> i.dataset() + " " + i.path() + " " + i.sha256())
                .collect(Collectors.toSet());
        Set<String> now = inputs.stream().map(i -> i.dataset() + " " + i.path() + " " + i.sha256()).collect(Collectors.toSet());
        Set<String> ran = current.stages().stream().map(Manifest.StageSummary::name).collect(Collectors.toSet());
        return "complete".equals(current.status()) && config.sha256().equals(current.configSha256())
                && Versions.polku().equals(current.polkuVersion()) && before.equals(now)
                && stages.stream().allMatch(s -> ran.contains(s.name()));
    }

    private static String tablesLine(Map<String, Long> tables) {
        return tables.entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String lastRun(String runId, String command, Instant started, String status, Integer exitCode,
                                  String message, RunConfig config) {
        return lastRun(runId, command, started, status, exitCode, message, config.file().toString(), config.output());
    }

    /** The record of a run; a running one has no exit code and no end yet. */
    private static String lastRun(String runId, String command, Instant started, String status, Integer exitCode,
                                  String message, String configFile, String output) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("run_id", runId);
        record.put("command", command);
        record.put("status", status);
        record.put("exit_code", exitCode);
        record.put("message", message);
        record.put("pid", ProcessHandle.current().pid());
        record.put("started_at", started.toString());
        record.put("finished_at", exitCode == null ? null : Instant.now().toString());
        record.put("config_file", configFile);
        record.put("output", output);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
