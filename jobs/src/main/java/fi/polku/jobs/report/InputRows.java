package fi.polku.jobs.report;

import static fi.polku.jobs.report.ReportContext.l;
import static fi.polku.jobs.report.ReportContext.s;
import static fi.polku.jobs.report.ReportContext.same;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;

import fi.polku.contract.Tables;
import fi.polku.jobs.ingest.DatasetSpec;
import fi.polku.jobs.output.Manifest;
import fi.polku.jobs.pipeline.StageRun;
import fi.polku.region.MunicipalityTable;
import fi.polku.region.RegionTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows of the input files per file × county, for the data-quality section ({@link QualitySection}): accepted
 * rows counted on the clean tables, rejected rows on the {@code quarantine} by reason, with the first line numbers.
 * A municipality's rows (statistics and populations may come per municipality) count to its county; a rejected row
 * whose region was blank or not valid has no county ({@code null}: "region unknown"). Per file the counties add
 * up to the manifest's clean and quarantined rows, or the report stops: the section must reconcile with the run.
 */
final class InputRows {
    /** How many line numbers per file, county and reason the page lists. */
    static final int LINES = 5;

    /** Rejected rows of one reason in one county of one file: how many, and the first {@link #LINES} line numbers. */
    record Rejected(long rows, List<Long> firstLines) {
    }

    /**
     * One county's rows of one file.
     *
     * @param county   the county code, null when the rows' region is unknown (rejected for it or without one)
     * @param accepted rows in the clean table
     * @param reasons  reason code → rejected rows, in code order
     */
    record County(String county, long accepted, Map<String, Rejected> reasons) {
        /** Rows read: accepted and rejected. */
        long rowsIn() {
            return accepted + reasons.values().stream().mapToLong(Rejected::rows).sum();
        }
    }

    private InputRows() {
    }

    /**
     * Per dataset × file × region code × reason code (null for accepted rows): rows and the first {@link #LINES}
     * line numbers (none for accepted rows).
     */
    static Dataset<Row> collect(StageRun run) {
        Dataset<Row> rejected = run.read(Tables.QUARANTINE).groupBy("dataset", "source_file", "region", "reason_code")
                .agg(count("*").as("rows"), slice(sort_array(collect_list(col("line"))), 1, LINES).as("first_lines"));
        Dataset<Row> all = rejected;
        for (DatasetSpec<?> spec : DatasetSpec.all()) {
            all = all.unionByName(run.read(spec.table()).groupBy("source_file", "region").agg(count("*").as("rows"))
                    .select(lit(spec.dataset()).as("dataset"), col("source_file"), col("region"),
                            lit(null).cast("string").as("reason_code"), col("rows"),
                            array().cast("array<bigint>").as("first_lines")));
        }
        return all.orderBy("dataset", "source_file", "region", "reason_code");
    }

    /**
     * One input file's rows per county: counties in code order, the unknown one last.
     *
     * @throws IllegalStateException if they do not add up to the file's clean and quarantined rows in the manifest
     */
    static List<County> of(List<Row> rows, Manifest.Input input, RegionTable counties, MunicipalityTable municipalities) {
        Map<String, long[]> accepted = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Map<String, List<Long>>> lines = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Map<String, Long>> rejected = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Row r : rows) {
            if (!same(r, "dataset", input.dataset()) || !same(r, "source_file", input.file())) {
                continue;
            }
            String county = county(s(r, "region"), counties, municipalities);
            accepted.computeIfAbsent(county, k -> new long[1]);
            String reason = s(r, "reason_code");
            if (reason == null) {
                accepted.get(county)[0] += l(r, "rows");
            } else {
                rejected.computeIfAbsent(county, k -> new TreeMap<>()).merge(reason, l(r, "rows"), Long::sum);
                lines.computeIfAbsent(county, k -> new TreeMap<>()).computeIfAbsent(reason, k -> new ArrayList<>())
                        .addAll(r.getList(r.fieldIndex("first_lines")));
            }
        }
        List<County> out = new ArrayList<>();
        accepted.forEach((county, n) -> {
            Map<String, Rejected> reasons = new LinkedHashMap<>();
            rejected.getOrDefault(county, Map.of()).forEach((reason, count) -> {
                List<Long> first = lines.get(county).get(reason).stream().sorted().limit(LINES).toList();
                reasons.put(reason, new Rejected(count, first));
            });
            out.add(new County(county, n[0], reasons));
        });
        long clean = out.stream().mapToLong(County::accepted).sum();
        long quarantined = out.stream().mapToLong(c -> c.rowsIn() - c.accepted()).sum();
        if (clean != input.clean() || quarantined != input.quarantined()) {
            throw new IllegalStateException(input.file() + ": the tables hold " + clean + " clean and " + quarantined
                    + " quarantined rows, the manifest " + input.clean() + " and " + input.quarantined()
                    + "; the outputs are not of one run: run ingest again");
        }
        return out;
    }

    /** The county of a region code as the tables hold it: a county's own, a municipality's county, null when unknown. */
    private static String county(String region, RegionTable counties, MunicipalityTable municipalities) {
        if (region == null || counties.byCode(region).isPresent()) {
            return region;
        }
        return municipalities.byCode(region).map(m -> m.countyCode()).orElse(region);
    }
}
