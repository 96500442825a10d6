package fi.polku.jobs.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.jobs.spark.SparkSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The region_outcomes rule on constructed cells (counts made up for each case, consistent by construction) and on
 * the demo export as it was published before: nothing published lets complements, period differences or the LP
 * recover a hidden figure, and the old file is caught by both.
 */
public class OutcomeDisclosureTest {
    private static final int K = 5;
    private static final StructType SCHEMA = SparkSchemas.of(OutcomeTables.REGION_OUTCOMES);

    /** One row of region 12, ORS, parent: n_episodes, n_complete, categories (their sum is n_assessed), mean change (null: not made). */
    public static Row row(String arm, String period, long episodes, long complete, long[] categories, Double meanChange) {
        Map<String, Object> v = new HashMap<>();
        v.put("region", "12");
        v.put("instrument", "ORS");
        v.put("respondent", "parent");
        v.put("arm", arm);
        v.put("period", period);
        v.put("n_episodes", episodes);
        v.put("n_complete", complete);
        v.put("status", meanChange == null ? "too_few_complete" : "ok");
        v.put("mean_change", meanChange);
        v.put("intake_mean", 20.0);
        // Complete-case means as the stage makes them: present with the change, latest − intake = change.
        v.put("intake_mean_complete", meanChange == null ? null : 20.0);
        v.put("latest_mean_complete", meanChange == null ? null : 20.0 + meanChange);
        v.put("t_statistic", meanChange == null ? null : 2.0);
        long assessed = 0;
        for (int i = 0; i < categories.length; i++) {
            v.put(OutcomeTables.CATEGORIES.get(i) + "_n", categories[i]);
            v.put(OutcomeTables.CATEGORIES.get(i) + "_share", 0.1);
            assessed += categories[i];
        }
        v.put("n_assessed", assessed);
        v.put("shares_status", "ok");
        v.put("contrast_status", "ok");
        v.put("contrast_adjusted", 1.0);
        v.put("g_correction", "exact");
        v.put("boot_seed", 1L);
        v.put("rci_method", "JT");
        v.put("synthetic", true);
        Object[] values = new Object[SCHEMA.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(SCHEMA.fields()[i].name());
        }
        return new GenericRowWithSchema(values, SCHEMA);
    }

    /** Rows as column → text ("" for null), as a CSV reader sees them. */
    public static List<Map<String, String>> text(List<Row> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String f : r.schema().fieldNames()) {
                Object x = r.getAs(f);
                m.put(f, x == null ? "" : x.toString());
            }
            out.add(m);
        }
        return out;
    }

    /** Protects, then checks what an outsider can check: no small count shown, arithmetic and LP recover nothing. */
    private static OutcomeDisclosure protectAndAttack(List<Row> rows) {
        OutcomeDisclosure d = OutcomeDisclosure.protect(rows, K);
        for (Row r : d.published()) {
            for (String c : List.of("n_episodes", "n_complete", "n_assessed", "recovered_n", "improved_n", "unchanged_n", "deteriorated_n",
                    "harmed_n")) {
                Long n = r.getAs(c);
                assertTrue(n == null || n == 0 || n >= K, c + " = " + n + " shown");
            }
            if (r.getAs("n_complete") == null) {
                assertNull(r.getAs("mean_change"));
                assertNull(r.getAs("t_statistic"));
                assertEquals(OutcomeDisclosure.HIDDEN, r.getAs("status"));
            }
        }
        assertEquals(List.of(), ArithmeticAttack.run(text(d.published()), K));
        assertTrue(d.auditPublished().passed(), d.auditPublished().failures().toString());
        return d;
    }

    /**
     * Term 2 has 3 parents (n_complete 3, no mean made); the year is 38 = 20 + 3 + 15; sums of change
     * 18·4 + 3·2 + 14·3 = 120 over 35.
     */
    private static List<Row> aTinyTerm() {
        return List.of(
                row("project", "2024-autumn", 20, 18, new long[] {4, 5, 9, 0, 0}, 4.0),
                row("project", "2025-spring", 3, 3, new long[] {0, 1, 2, 0, 0}, null),
                row("project", "2025-autumn", 15, 14, new long[] {3, 3, 8, 0, 0}, 3.0),
                row("project", "all", 38, 35, new long[] {7, 9, 19, 0, 0}, 120.0 / 35));
    }

    @Test
    void tinyCellsInOneTermOnlyCannotBeDifferencedFromTheYear() {
        List<Row> rows = aTinyTerm();
        OutcomeDisclosure d = protectAndAttack(rows);
        assertEquals(38L, d.published().get(3).<Long>getAs("n_episodes"), "the year's n stays shown");
        assertTrue(d.result().count(fi.polku.privacy.CellSuppression.Reason.SECONDARY) > 0);
    }

    @Test
    void completeCaseMeansAreHiddenWithTheirNAndTheirSumsAreAudited() {
        // aTinyTerm: term 2's 3 complete cases have no means; the year's sums are 35·20 = 700 (intake) and
        // 700 + 120 = 820 (latest), so the shown terms (18·20 + 14·20 = 640) would give term 2's intake sum, 60, exactly.
        List<Row> rows = aTinyTerm();
        OutcomeDisclosure d = protectAndAttack(rows);
        for (Row r : d.published()) {
            if (r.getAs("n_complete") == null) {
                assertNull(r.getAs("intake_mean_complete"));
                assertNull(r.getAs("latest_mean_complete"));
            } else if (r.getAs("mean_change") != null) {
                assertEquals(r.<Double>getAs("mean_change"), r.<Double>getAs("latest_mean_complete") - r.<Double>getAs("intake_mean_complete"),
                        1e-9);
            }
        }
        var intervals = d.auditPublished().intervals();
        assertTrue(intervals.containsKey("12|ORS|parent|project|2025-spring/intake_sum"), intervals.keySet().toString());
        // A hidden sum of scores keeps one case's range (0..40 for ORS) of doubt.
        assertTrue(intervals.get("12|ORS|parent|project|2025-spring/intake_sum").width() >= 40 - 1e-6);
    }

    @Test
    void oneClientInOneCategoryIsNotPinnedByTheOthers() {
        // The region-12 example: n_assessed 74 = 11 recovered + 15 improved + 46 unchanged + 1 + 1 (15 %, 20 %,
        // 62 % shown before, and the two hidden ones exactly 1 each).
        OutcomeDisclosure d = protectAndAttack(List.of(row("project", "all", 90, 74, new long[] {11, 15, 46, 1, 1}, 5.6)));
        Row r = d.published().get(0);
        assertNull(r.getAs("recovered_n"));
        assertNull(r.getAs("recovered_share"));
        assertEquals(15L, r.<Long>getAs("improved_n"));
        assertEquals(46L, r.<Long>getAs("unchanged_n"));
    }

    @Test
    void aRegionWithSixClientsHidesItsWholeCell() {
        List<Row> rows = List.of(
                row("comparison", "2025-spring", 2, 2, new long[] {0, 1, 1, 0, 0}, null),
                row("comparison", "2025-autumn", 4, 3, new long[] {0, 0, 3, 0, 0}, null),
                row("comparison", "all", 6, 5, new long[] {0, 1, 4, 0, 0}, 2.0));
        OutcomeDisclosure d = protectAndAttack(rows);
        assertNull(d.published().get(2).getAs("n_episodes"));
    }

    @Test
    void zerosBesideSmallCategoriesDoNotPinThem() {
        // n_assessed 6 = 0 + 0 + 2 + 0 + 4: with the zeros shown, 2 and 4 would be [1, 5] each.
        OutcomeDisclosure d = protectAndAttack(List.of(row("project", "all", 10, 6, new long[] {0, 0, 2, 0, 4}, 1.0)));
        Row r = d.published().get(0);
        assertNull(r.getAs("unchanged_n"));
        assertNull(r.getAs("harmed_n"));
    }

    @Test
    void thePagesAndAnExportWithAnotherKAreAttackedTogether() {
        // Four terms, made up (found by a seeded random search over such series); every mean change 2.0, so the change
        // sums add up: 15 + 34 + 16 + 21 = 86 complete. Autumn 2025 has 2 recovered.
        List<Row> rows = List.of(
                row("project", "2024-autumn", 15, 15, new long[] {0, 8, 7, 0, 0}, 2.0),
                row("project", "2025-spring", 34, 34, new long[] {10, 12, 12, 0, 0}, 2.0),
                row("project", "2025-autumn", 18, 16, new long[] {2, 1, 13, 0, 0}, 2.0),
                row("project", "2026-spring", 23, 21, new long[] {0, 8, 13, 0, 0}, 2.0),
                row("project", "all", 90, 86, new long[] {12, 29, 45, 0, 0}, 2.0));
        OutcomeDisclosure pages = OutcomeDisclosure.protect(rows, 5);
        OutcomeDisclosure alone = OutcomeDisclosure.protect(rows, 10);
        assertTrue(pages.auditPublished().passed());
        assertTrue(alone.auditPublished().passed());
        // Protected each on its own (as before), each passes, but what one hides the other shows: together the 2 is exact.
        var leak = alone.auditTogether(pages);
        assertFalse(leak.passed());
        assertEquals(0, leak.intervals().get("12|ORS|parent|project|2025-autumn/recovered").width(), 1e-9, leak.failures().toString());
        // Protected beside the pages, the export hides all they hide; together they keep every protection at k = 5.
        OutcomeDisclosure export = OutcomeDisclosure.protect(rows, 10, pages);
        assertTrue(export.auditPublished().passed(), export.auditPublished().failures().toString());
        var together = export.auditTogether(pages);
        assertTrue(together.passed(), together.failures().toString());
        assertTrue(export.result().hidden().keySet().containsAll(pages.result().hidden().keySet()));
        for (Row r : export.published()) {
            for (String c : List.of("n_episodes", "n_complete", "n_assessed", "recovered_n", "improved_n", "unchanged_n")) {
                Long n = r.getAs(c);
                assertTrue(n == null || n == 0 || n >= 10, c + " = " + n + " shown at k = 10");
            }
        }
    }

    @Test
    void aLeakRefusesWithOneLineAndExitCode6() {
        // 38 = 20 + x + 15 with x hidden: x = 3 exactly.
        var view = fi.polku.privacy.LinkedTables.builder().count("all", 38L).count("t1", 20L).count("t2", null).count("t3", 15L)
                .additive("all", List.of("t1", "t2", "t3")).build();
        var refused = new DisclosureRefused("a test table", fi.polku.privacy.DisclosureAudit.of(view, fi.polku.privacy.Protection.of(K),
                List.of("t2")));
        assertEquals(fi.polku.jobs.pipeline.ExitCodes.DISCLOSURE, fi.polku.jobs.pipeline.ExitCodes.of(refused));
        assertEquals(6, fi.polku.jobs.pipeline.ExitCodes.DISCLOSURE);
        assertFalse(refused.getMessage().contains("\n"));
        assertTrue(refused.getMessage().contains("t2 to [3, 3] (needs a width of 5)"), refused.getMessage());
    }

    @Test
    void theExportPublishedBeforeIsCaughtByArithmeticAndByTheAudit() throws IOException {
        List<CSVRecord> records = csv("/disclosure/region_outcomes_before_issue18.csv");
        List<Map<String, String>> rows = new ArrayList<>();
        records.forEach(r -> rows.add(r.toMap()));
        List<String> found = ArithmeticAttack.run(rows, K);
        // The example: 43 − 9 − 16 − 15 = 3 parents in the comparison arm, spring 2026.
        assertTrue(found.contains("difference 12|ORS|parent|comparison|2026-spring n_episodes in [1, 3]"), found.toString());
        assertTrue(found.size() > 50, "found " + found.size());
        // The LP over the same file: the old disclosure column said "small_cell: <columns>".
        var audit = OutcomeDisclosure.audit(typed(records), (r, column) -> {
            String d = r.getAs("disclosure");
            return d.startsWith("small_cell: ") && Set.of(d.substring("small_cell: ".length()).split(" ")).contains(column);
        }, K);
        assertFalse(audit.passed());
        assertEquals(0, audit.tightest().width(), 1e-6, "some hidden figure is recovered exactly: " + audit.tightest());
    }

    /** Published region_outcomes CSV records as rows of the export's schema. */
    public static List<Row> typed(List<CSVRecord> records) {
        StructType schema = SparkSchemas.of(ExportTables.REGION_OUTCOMES);
        List<Row> typed = new ArrayList<>();
        for (CSVRecord r : records) {
            Object[] values = new Object[schema.size()];
            for (int i = 0; i < values.length; i++) {
                Column c = ExportTables.REGION_OUTCOMES.columns().get(i);
                // Columns added after the file was published are blank in it.
                String v = r.isMapped(c.name()) ? r.get(c.name()) : "";
                values[i] = v.isEmpty() ? null : switch (c.type()) {
                    case INT64 -> Long.parseLong(v);
                    case DOUBLE -> Double.parseDouble(v);
                    case BOOLEAN -> Boolean.parseBoolean(v);
                    case INT32 -> Integer.parseInt(v);
                    default -> v;
                };
            }
            typed.add(new GenericRowWithSchema(values, schema));
        }
        return typed;
    }

    private static List<CSVRecord> csv(String resource) throws IOException {
        try (InputStream in = OutcomeDisclosureTest.class.getResourceAsStream(resource);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r).getRecords();
        }
    }
}
