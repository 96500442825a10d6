package fi.polku.jobs.ingest;

import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.cli.Polku;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.output.OutputRoot;
import fi.polku.jobs.output.TableWriter;
import fi.polku.jobs.reference.ReferenceData;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One ingest run end to end: plan the inputs, ingest them on Spark, write the tables and the manifest into
 * staging, and publish. Prints one line per input file and a summary.
 */
public final class IngestRun {
    private final SparkSession spark;
    private final PrintStream out;

    public IngestRun(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    /** Runs ingest for a config and returns the published manifest. */
    public Manifest execute(RunConfig config) {
        Instant started = Instant.now();
        ReferenceData reference = ReferenceData.bundled();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<InputFile> files = new InputPlanner(hadoop, reference.aliases()).plan(config.inputs());
        IngestJob.Result result = new IngestJob(spark, reference, config.asOf()).run(files);

        OutputRoot root = OutputRoot.at(config.output(), hadoop);
        String runId = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path staging = root.stage(runId);
        try {
            Map<String, Long> written = rowCounts(result.counts());
            TableWriter.write(result.tables(), written, sortOrder(), staging);
            Manifest manifest = manifest(config, runId, started, files, result, written);
            root.writeText(staging, Manifest.FILE, manifest.toJson());
            root.publish(staging, runId, Manifest.FILE);
            report(manifest, root, started);
            return manifest;
        } catch (RuntimeException e) {
            root.discard(staging);
            throw e;
        }
    }

    /** Rows per output table, from the per-file counts. */
    private static Map<String, Long> rowCounts(List<FileCount> counts) {
        Map<String, Long> rows = new LinkedHashMap<>();
        long quarantined = 0;
        for (DatasetSpec<?> spec : DatasetSpec.all()) {
            long clean = 0;
            for (FileCount c : counts) {
                if (c.dataset().equals(spec.dataset())) {
                    clean += c.clean();
                    quarantined += c.quarantined();
                }
            }
            rows.put(spec.table().name(), clean);
        }
        rows.put(Tables.QUARANTINE.name(), quarantined);
        return rows;
    }

    private static Map<String, List<String>> sortOrder() {
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (TableSchema t : Tables.ingestOutputs()) {
            order.put(t.name(), t == Tables.QUARANTINE ? List.of("dataset", "source_file", "line")
                    : List.of("source_file", "source_line"));
        }
        return order;
    }

    private static Manifest manifest(RunConfig config, String runId, Instant started, List<InputFile> files,
                                     IngestJob.Result result, Map<String, Long> written) {
        List<Manifest.Input> inputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean synthetic = false;
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            IdentityCodeScreen.Result s = result.screening().get(i);
            FileCount c = result.counts().get(i);
            synthetic |= f.format().synthetic();
            inputs.add(new Manifest.Input(f.dataset(), f.name(), f.path(), s.sha256(), s.bytes(),
                    f.format().describe(), f.format().synthetic(), f.ignored(), c.rowsIn(), c.clean(), c.quarantined()));
            if (!f.ignored().isEmpty()) {
                warnings.add(f.name() + ": columns not used: " + String.join(", ", f.ignored()));
            }
            if (c.quarantined() > 0) {
                warnings.add(f.name() + ": " + c.quarantined() + " of " + c.rowsIn() + " rows quarantined");
            }
        }
        return new Manifest(Polku.version(), org.apache.spark.package$.MODULE$.SPARK_VERSION(),
                System.getProperty("java.version"), runId, "ingest", started.toString(), Instant.now().toString(),
                "complete", config.project(), config.asOf().toString(), synthetic, config.file().toString(),
                config.sha256(), inputs, written, warnings);
    }

    private void report(Manifest m, OutputRoot root, Instant started) {
        for (Manifest.Input i : m.inputs()) {
            out.printf(Locale.ROOT, "  %-18s %-28s %s: %,d rows → %,d clean, %,d quarantined%n", i.dataset(), i.file(),
                    i.format(), i.rowsIn(), i.clean(), i.quarantined());
        }
        StringBuilder tables = new StringBuilder();
        m.tables().forEach((k, v) -> tables.append(tables.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%,d", v)));
        double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        out.printf(Locale.ROOT, "ingest: wrote %s → %s (%.1f s)%n", tables, root.path(), seconds);
        if (m.synthetic()) {
            out.println("note: inputs are SYNTHETIC demo data; outputs say so (column synthetic, manifest).");
        }
    }
}
