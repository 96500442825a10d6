package fi.polku.jobs.pipeline;

import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.ingest.InputFile;
import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.output.OutputStore;
import fi.polku.jobs.output.ResultTable;
import fi.polku.jobs.output.TableWriter;
import fi.polku.jobs.spark.Concurrently;
import fi.polku.jobs.spark.SparkSchemas;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

/**
 * What a stage sees of its run: the session, the config and planned inputs, the tables of this run and of
 * the current outputs to read, and the new version to write into. Collects what goes into the manifest.
 */
public final class StageRun {
    private final SparkSession spark;
    private final RunConfig config;
    private final List<InputFile> inputs;
    private final OutputStore store;
    private final Path version;
    private final PrintStream out;
    private final String runId;
    private final List<Manifest.Input> currentInputs;
    private final Map<String, Long> written = new LinkedHashMap<>();
    private final List<Manifest.Input> inputRecords = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long[] summary = new long[3];

    StageRun(SparkSession spark, RunConfig config, List<InputFile> inputs, OutputStore store, Path version, PrintStream out,
             String runId, List<Manifest.Input> currentInputs) {
        this.runId = runId;
        this.currentInputs = currentInputs;
        this.spark = spark;
        this.config = config;
        this.inputs = inputs;
        this.store = store;
        this.version = version;
        this.out = out;
    }

    public SparkSession spark() {
        return spark;
    }

    public RunConfig config() {
        return config;
    }

    /** The input files as planned: detected format, header layout, fingerprint. */
    public List<InputFile> inputs() {
        return inputs;
    }

    /**
     * A table written earlier in this run, or else the current outputs' version of it, read with its
     * declared schema.
     *
     * @throws MissingTable when neither exists (the stage that writes it has not run): a usage error
     */
    public Dataset<Row> read(TableSchema table) {
        return spark.read().schema(SparkSchemas.of(table)).parquet(locationOf(table).toString());
    }

    /**
     * The same table as {@link #read}, read whole into a Tablesaw table on the driver ({@link ResultTable}): for the
     * small result tables (a few hundred rows), where a Spark job would cost more than the work.
     *
     * @throws MissingTable when neither exists (the stage that writes it has not run): a usage error
     */
    public Table table(TableSchema table) {
        return ResultTable.read(locationOf(table), table, spark.sparkContext().hadoopConfiguration());
    }

    private Path locationOf(TableSchema table) {
        return written.containsKey(table.name()) ? new Path(version, table.name())
                : store.current().map(c -> new Path(c, table.name())).filter(this::exists).orElseThrow(() -> missing(table));
    }

    private boolean exists(Path table) {
        try {
            return table.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(table);
        } catch (IOException e) {
            return false;
        }
    }

    private MissingTable missing(TableSchema table) {
        String writer = Stages.commands().stream().filter(s -> s.produces().contains(table.name()))
                .map(s -> " or `polku " + s.name() + "`, which writes it,").findFirst().orElse("");
        return new MissingTable("no table " + table.name() + " in " + store.location() + " yet: run `polku run`" + writer
                + " first (a stage run on its own reads the tables earlier stages published)");
    }

    /** Writes a table into the new version, rows in the given order. */
    public void write(TableSchema table, Dataset<Row> rows, long count, List<String> order) {
        write(List.of(new Output(table, rows, count, order)));
    }

    /**
     * Writes several independent tables into the new version at once (see {@link Concurrently}); the manifest
     * lists them in the given order, with the row counts read back from the written files (a stage count that
     * disagrees with its file is a bug and fails the run).
     */
    public void write(List<Output> outputs) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<Long> rows = Concurrently.run(outputs.stream().map(o -> (Callable<Long>) () -> {
            TableWriter.write(o.table().name(), o.rows(), o.count(), o.order(), version);
            return TableWriter.rowsIn(new Path(version, o.table().name()), hadoop);
        }).toList());
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (rows.get(i) != o.count()) {
                // The stage's own count and the file disagree: a bug, and nothing may be published under it.
                throw new IllegalStateException("table " + o.table().name() + ": " + rows.get(i) + " rows written but "
                        + o.count() + " counted by the stage");
            }
            written.put(o.table().name(), rows.get(i));
        }
    }

    /** A table to write: its rows, their known count, and the columns that fix the row order. */
    public record Output(TableSchema table, Dataset<Row> rows, long count, List<String> order) {
    }

    /** Rows read, written and rejected by the stage, for its progress line and the manifest. */
    public void summarise(long rowsIn, long rowsOut, long rejected) {
        summary = new long[] {rowsIn, rowsOut, rejected};
    }

    /** An input file's record for the manifest. */
    public void recordInput(Manifest.Input input) {
        inputRecords.add(input);
    }

    /** This run's id. */
    public String runId() {
        return runId;
    }

    /**
     * The input files this run's outputs rest on: those read by this run, or, for a stage run on its own, those
     * of the current outputs it builds on.
     */
    public List<Manifest.Input> provenance() {
        return inputRecords.isEmpty() ? currentInputs : inputRecords;
    }

    /** Where a file or folder of this run's new version goes (for writers that need a path, like the export). */
    public Path location(String name) {
        return new Path(version, name);
    }

    /** Writes a small UTF-8 file (e.g. {@code report/index.html}) into the new version. */
    public void writeText(String name, String text) {
        store.writeText(version, name, text);
    }

    /** Writes a small binary file (e.g. {@code report/index.xlsx}) into the new version. */
    public void writeBytes(String name, byte[] bytes) {
        store.writeBytes(version, name, bytes);
    }

    /** Records a folder of files written by {@link #writeText}, so the manifest lists it and stage-alone runs keep it. */
    public void recordFolder(String name, long files) {
        written.put(name, files);
    }

    /** A warning for the manifest (and the log). */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** A detail line under the stage's progress line. */
    public void detail(String line) {
        out.println("    " + line);
    }

    Map<String, Long> written() {
        return written;
    }

    List<Manifest.Input> inputRecords() {
        return inputRecords;
    }

    List<String> warnings() {
        return warnings;
    }

    long[] summary() {
        return summary;
    }
}
