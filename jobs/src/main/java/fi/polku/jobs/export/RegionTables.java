package fi.polku.jobs.export;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.disclosure.OutcomeDisclosure;
import fi.polku.jobs.disclosure.RateDisclosure;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.privacy.DisclosureAudit;
import fi.polku.jobs.spark.RowBuilder;
import fi.polku.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * The region tables of the export. {@code region_outcomes} goes through {@link OutcomeDisclosure}, the rule the
 * pages use too: primary and secondary suppression over the linked tables (categories, periods, change sums),
 * audited by linear programming. A rate whose count is 1 to k − 1 is blanked with it. The {@code disclosure}
 * column lists what was blanked in the row ({@code none} if nothing), the same list whatever the reason.
 */
final class RegionTables {
    static final String NONE = "none";
    static final String PREFIX = "hidden: ";

    private RegionTables() {
    }

    /**
     * {@code region_outcomes} under disclosure control, in the export's schema, hiding at least what the pages hide
     * ({@code pages}: the same rows protected at {@code min_cell}).
     */
    static Outcomes outcomes(List<Row> rows, int k, OutcomeDisclosure pages) {
        OutcomeDisclosure protectedRows = OutcomeDisclosure.protect(rows, k, pages);
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(copy(protectedRows.published().get(i), ExportTables.REGION_OUTCOMES, protectedRows.blanked().get(i)));
        }
        return new Outcomes(out, protectedRows);
    }

    /** The export's outcome rows and the disclosure control that made them. */
    record Outcomes(List<Row> rows, OutcomeDisclosure disclosure) {
    }

    /** The audit over the published outcome rows alone, reading what was hidden from their {@code disclosure} column. */
    static DisclosureAudit.Result audit(List<Row> published, int k) {
        return OutcomeDisclosure.audit(named(published, ExportTables.REGION_OUTCOMES), (r, column) -> hidden(r).contains(column), k);
    }

    /** Rows of an export table with their columns named, so they can be read by name. */
    static List<Row> named(List<Row> published, TableSchema export) {
        StructType schema = SparkSchemas.of(export);
        List<Row> named = new ArrayList<>(published.size());
        for (Row r : published) {
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            named.add(new GenericRowWithSchema(values, schema));
        }
        return named;
    }

    /** The columns a published row's {@code disclosure} column names. */
    static Set<String> hidden(Row r) {
        String d = r.getAs("disclosure");
        return d == null || !d.startsWith(PREFIX) ? Set.of() : Set.of(d.substring(PREFIX.length()).split(" "));
    }

    /**
     * {@code region_rates} under {@link RateDisclosure} (the rule the pages use too), protected over every row and
     * published for the counties only: the codebook labels the counties of regions.csv, and municipal rows (issue 22)
     * are not part of the student dataset yet.
     */
    static Rates rates(List<Row> rows, RunConfig config) {
        RateDisclosure control = RateDisclosure.protect(rows, config);
        Set<String> counties = new HashSet<>();
        ReferenceData.bundled().regions().regions().forEach(r -> counties.add(r.code()));
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (counties.contains(rows.get(i).<String>getAs("region"))) {
                Set<String> blank = control.hidden(rows.get(i)) ? new LinkedHashSet<>(RateDisclosure.DEPENDENTS) : Set.of();
                out.add(copy(control.published().get(i), ExportTables.REGION_RATES, blank));
            }
        }
        return new Rates(out, control, RateDisclosure.k(config));
    }

    /** The export's county rate rows and the control that made them. */
    record Rates(List<Row> rows, RateDisclosure disclosure, int k) {
        /** The audit over the published county rows alone, reading what was hidden from their {@code disclosure} column. */
        DisclosureAudit.Result audit() {
            return disclosure.audit(named(rows, ExportTables.REGION_RATES), (r, column) -> hidden(r).contains(column), k,
                    ReferenceData.bundled().municipalities());
        }
    }

    /** Rows (of an export schema) with something blanked. */
    static long blanked(List<Row> rows, TableSchema export) {
        int column = export.indexOf("disclosure");
        return rows.stream().filter(r -> !NONE.equals(r.get(column))).count();
    }

    private static Row copy(Row r, TableSchema export, Set<String> blank) {
        RowBuilder b = new RowBuilder(SparkSchemas.of(export));
        for (Column c : export.columns()) {
            if (c.name().equals("disclosure")) {
                b.set("disclosure", blank.isEmpty() ? NONE : PREFIX + String.join(" ", blank));
            } else {
                // A required column in the list (a status) already says it is hidden.
                b.set(c.name(), blank.contains(c.name()) && c.nullable() ? null : r.getAs(c.name()));
            }
        }
        return b.build();
    }
}
