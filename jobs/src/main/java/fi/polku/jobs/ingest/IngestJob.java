package fi.polku.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fi.polku.contract.Column;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.ingest.IngestContext;
import fi.polku.jobs.pipeline.RunHooks;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.spark.Columns;
import fi.polku.jobs.spark.Concurrently;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingest on Spark: screens every file for identity codes, then parses each byte range of each file
 * ({@link ByteRange}: a big file is many tasks) with the engine's row rules, applies the engine's cross-row
 * rules per episode (or per statistics key), and hands back the clean tables, the quarantine and per-file
 * counts. Nothing is written here.
 */
public final class IngestJob {
    private final SparkSession spark;
    private final ReferenceData reference;
    private final LocalDate asOf;

    public IngestJob(SparkSession spark, ReferenceData reference, LocalDate asOf) {
        this.spark = spark;
        this.reference = reference;
        this.asOf = asOf;
    }

    /** The outcome: clean tables by name (quarantine included) and counts per input file, in input order. */
    public record Result(Map<String, Dataset<Row>> tables, List<FileCount> counts) {
    }

    /**
     * Screens all files, then ingests them, the datasets concurrently (they are independent), then checks the
     * statistics against the joined populations ({@link JoinedPopulations}) and counts every file.
     *
     * @throws InputRejected when any file holds an identity code or cannot be read; nothing is ingested then
     */
    public Result run(List<InputFile> files) {
        screen(files);
        RunHooks.at("screened");
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        Dataset<Row> quarantine = spark.createDataFrame(List.of(), fi.polku.jobs.spark.SparkSchemas.of(Tables.QUARANTINE));
        List<Callable<Ingested>> pieces = new ArrayList<>();
        for (DatasetSpec<?> spec : DatasetSpec.all()) {
            List<InputFile> mine = files.stream().filter(f -> f.dataset().equals(spec.dataset())).collect(Collectors.toList());
            pieces.add(() -> new Ingested(spec, mine, ingest(spec, mine)));
        }
        List<Ingested> done = withJoinedPopulations(Concurrently.run(pieces));
        List<List<FileCount>> counted = Concurrently.run(done.stream()
                .map(d -> (Callable<List<FileCount>>) () -> count(d.spec(), d.files(), d.all())).toList());
        List<FileCount> counts = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            Ingested d = done.get(i);
            DatasetSpec<?> spec = d.spec();
            tables.put(spec.table().name(), d.all().filter(col(Staged.Q_REASON_CODE).isNull()).select(columns(spec.table())));
            quarantine = quarantine.unionByName(d.all().filter(col(Staged.Q_REASON_CODE).isNotNull())
                    .select(Staged.quarantineColumns(spec.dataset())));
            counts.addAll(counted.get(i));
        }
        tables.put(Tables.QUARANTINE.name(), quarantine);
        return new Result(tables, counts);
    }

    /** One task's work: a range of a file. */
    private record Part(InputFile file, ByteRange range) implements java.io.Serializable {
    }

    /** Every range of every file, in file order: one Spark task each, so one big file uses every core. */
    private static List<Part> parts(List<InputFile> files) {
        List<Part> parts = new ArrayList<>();
        for (InputFile f : files) {
            for (ByteRange r : f.ranges()) {
                parts.add(new Part(f, r));
            }
        }
        return parts;
    }

    /** One dataset: its files and all its staged rows (one per record) after the cross-row rules. */
    private record Ingested(DatasetSpec<?> spec, List<InputFile> files, Dataset<Row> all) {
    }

    /**
     * The datasets with {@code region_statistics} checked against the joined {@code populations}
     * ({@link JoinedPopulations}): the only rule that needs two datasets, so it runs after both are ingested.
     */
    private List<Ingested> withJoinedPopulations(List<Ingested> done) {
        Dataset<Row> populations = done.stream().filter(d -> d.spec().dataset().equals("populations")).findFirst()
                .orElseThrow().all();
        List<Ingested> out = new ArrayList<>();
        for (Ingested d : done) {
            out.add(!d.spec().dataset().equals("region_statistics") || d.files().isEmpty() ? d
                    : new Ingested(d.spec(), d.files(), JoinedPopulations.check(d.all(), populations, reference)
                            .persist(StorageLevel.MEMORY_AND_DISK())));
        }
        return out;
    }

    private void screen(List<InputFile> files) {
        if (files.isEmpty()) {
            return;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Part> parts = parts(files);
        List<IdentityCodeScreen.Result> byRange = Failures.unwrapped(() -> jsc.parallelize(parts, parts.size())
                .map(p -> IdentityCodeScreen.screen(p.file(), p.range())).collect());
        List<IdentityCodeScreen.Result> results = new ArrayList<>();
        for (int i = 0, from = 0; i < files.size(); i++) {
            int to = from + files.get(i).ranges().size();
            results.add(IdentityCodeScreen.merge(byRange.subList(from, to)));
            from = to;
        }
        List<String> stops = new ArrayList<>();
        for (IdentityCodeScreen.Result r : results) {
            if (!r.clean()) {
                String where = r.listed().stream().map(f -> "line " + f.line() + ", column " + f.column())
                        .collect(Collectors.joining("; "));
                stops.add(r.file() + ": " + r.findings() + " Finnish personal identity code"
                        + (r.findings() == 1 ? "" : "s") + " at " + where
                        + (r.findings() > r.listed().size() ? "; …" : ""));
            }
        }
        if (!stops.isEmpty()) {
            throw new InputRejected(String.join("\n", stops) + "\nInputs must be anonymised: nothing from "
                    + (stops.size() == 1 ? "this file" : "these files") + " was read further or written."
                    + " Remove the identity codes (the values are not shown here) and run again.");
        }
    }

    /**
     * All staged rows of a dataset's files, one per input record, after the cross-row rules.
     *
     * @throws InputRejected when a file cannot be read on
     */
    private <T> Dataset<Row> ingest(DatasetSpec<T> spec, List<InputFile> files) {
        StructType staged = Staged.schema(spec.table());
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), staged);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ReferenceData ref = reference;
        LocalDate date = asOf;
        List<Part> parts = parts(files);
        JavaRDD<Row> rows = jsc.parallelize(parts, parts.size()).flatMap(p ->
                ParsedRows.open(spec, p.file(), p.range(), ref, new IngestContext(ref.aliases(), ref.regions(),
                        ref.municipalities().regions(), date)));
        // One pass: parse, the cross-row rules (rejected rows pass through them untouched), then one cache of
        // the outcome, which the checks, the counts and the writes all read.
        Dataset<Row> all = CrossRowRules.apply(spec, spark.createDataFrame(rows, staged))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> unreadable = Failures.unwrapped(() -> all.filter(col(Staged.UNREADABLE).isNotNull())
                .select("source_file", Staged.UNREADABLE).collectAsList());
        if (!unreadable.isEmpty()) {
            List<String> order = files.stream().map(InputFile::name).toList();
            throw new InputRejected(unreadable.stream()
                    .sorted(Comparator.comparing((Row r) -> order.indexOf(r.getString(0))).thenComparing(r -> r.getString(1)))
                    .map(r -> r.getString(1)).collect(Collectors.joining("\n")));
        }
        return all;
    }

    /**
     * Rows in, clean and quarantined per file, from the one staged row each record makes. That no row is lost
     * or duplicated on the way is checked where it could happen, group by group in {@link CrossRowRules}.
     */
    private static List<FileCount> count(DatasetSpec<?> spec, List<InputFile> files, Dataset<Row> all) {
        Map<String, long[]> out = new HashMap<>();
        for (Row r : all.groupBy("source_file")
                .agg(org.apache.spark.sql.functions.count(lit(1)).as("rows_in"),
                        sum(when(col(Staged.Q_REASON_CODE).isNull(), 1).otherwise(0)).as("clean"),
                        sum(when(col(Staged.Q_REASON_CODE).isNotNull(), 1).otherwise(0)).as("quarantined"))
                .collectAsList()) {
            out.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
        }
        List<FileCount> counts = new ArrayList<>();
        for (InputFile f : files) {
            long[] c = out.getOrDefault(f.name(), new long[3]);
            counts.add(new FileCount(spec.dataset(), f.name(), c[0], c[1], c[2]));
        }
        return counts;
    }

    private static org.apache.spark.sql.Column[] columns(TableSchema table) {
        return Columns.named(table.columns().stream().map(Column::name).toList());
    }
}
