package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.ExportTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.ExportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codebook (datasets/codebook_columns.csv, codebook_values.csv) against the export's declared schemas and
 * the data dictionary: every published column labelled in Finnish and English with a Finnish meaning, every
 * English unit with a Finnish one, every status column with a code set, change categories in the engine's
 * order; and the status codes and Excel rules on constructed values.
 */
class CodebookTest {
    private static final Codebook BOOK = Codebook.bundled();
    private static final DataDictionary DICTIONARY = DataDictionary.bundled();

    @Test
    void everyPublishedColumnHasFinnishAndEnglishLabelsAndAFinnishMeaning() {
        for (TableSchema table : ExportTables.all()) {
            for (Column c : table.columns()) {
                Codebook.Entry e = BOOK.column(table.name(), c.name()).orElse(null);
                assertTrue(e != null, "codebook_columns.csv does not label " + table.name() + "." + c.name());
                assertFalse(e.labelFi().isBlank() || e.labelEn().isBlank() || e.meaningFi().isBlank(), table.name() + "." + c.name());
                String english = DICTIONARY.column(table.name(), c.name()).orElseThrow().meaning();
                assertFalse(e.meaningFi().equals(english), "Finnish meaning of " + table.name() + "." + c.name() + " is the English one");
                assertFalse(Koodikirja.unit(BOOK, DICTIONARY, table.name(), c).isBlank() != DICTIONARY.column(table.name(), c.name())
                        .orElseThrow().unit().isBlank(), "unit of " + table.name() + "." + c.name());
            }
            for (String status : ExportTables.statusColumns(table)) {
                assertTrue(BOOK.codes(table.name(), status).isPresent(), table.name() + "." + status + " has no code set");
            }
        }
    }

    @Test
    void changeCategoriesAreOrderedAsTheEngineOrdersThemWithClearFinnishLabels() {
        Codebook.CodeSet set = BOOK.set("change_category").orElseThrow();
        assertTrue(set.ordered());
        assertEquals(OutcomeTables.CATEGORIES, set.values().stream().map(Codebook.Value::code).toList());
        // "toipunut" alone is read as weaker than "parantunut" in everyday Finnish: both labels say "luotettavasti parantunut".
        assertEquals("luotettavasti parantunut ja toipunut kliiniseltä alueelta", set.value("recovered").orElseThrow().labelFi());
        assertEquals("luotettavasti parantunut, ei toipunut", set.value("improved").orElseThrow().labelFi());
    }

    @Test
    void regionsAndIndicatorsAreLabelledFromTheReferenceTablesWithOther() {
        Codebook.CodeSet regions = BOOK.set("region").orElseThrow();
        assertEquals("Itä-Uusimaa", regions.value("01").orElseThrow().labelFi());
        assertTrue(regions.value("other").isPresent());
        assertEquals("kiireellisesti sijoitetut lapset", BOOK.set("indicator").orElseThrow().value("emergency_placements").orElseThrow().labelFi());
    }

    @Test
    void statusTextsMapToShortCodes() {
        Codebook.CodeSet shares = BOOK.set("shares_status").orElseThrow();
        assertEquals("ok", shares.codeOf("ok").orElseThrow());
        assertEquals("suppressed_small_cell", shares.codeOf("suppressed_small_cell: fewer than 5 episodes").orElseThrow());
        assertEquals("suppressed", shares.codeOf("deteriorated suppressed_small_cell; recovered suppressed_secondary").orElseThrow());
        assertEquals("not_assessed", shares.codeOf("not_assessed: no episode has a change category").orElseThrow());
        assertEquals("ok", BOOK.set("pooled_status").orElseThrow().codeOf("ok; with 4 regions tau2 is poorly estimated").orElseThrow());
        assertEquals("not_pooled", BOOK.set("pooled_status").orElseThrow().codeOf("fewer than 2 project regions").orElseThrow());
        assertTrue(BOOK.set("outcome_status").orElseThrow().codeOf("okay").isEmpty(), "a code matches only up to a separator");
    }

    /** Issue 24: every status code explained in Finnish and English (datasets/codebook_details.csv). */
    @Test
    void everyStatusCodeHasAFinnishAndAnEnglishExplanationUsingOnlyItsFormsGroups() {
        int forms = 0;
        for (TableSchema table : ExportTables.all()) {
            for (String status : ExportTables.statusColumns(table)) {
                Codebook.CodeSet set = BOOK.codes(table.name(), status).orElseThrow();
                List<Codebook.Detail> details = BOOK.details(set.name());
                for (Codebook.Value v : set.values()) {
                    // A code the engine only ever writes bare (e.g. ok of shares) needs no form; all others do.
                    if (!BARE.contains(set.name() + " " + v.code())) {
                        assertTrue(details.stream().anyMatch(d -> d.code().equals(v.code())),
                                "codebook_details.csv has no form for " + set.name() + " " + v.code());
                    }
                }
                for (Codebook.Detail d : details) {
                    forms++;
                    int groups = d.form().matcher("").groupCount();
                    for (String text : List.of(d.fi(), d.en())) {
                        assertFalse(text.isBlank(), d.toString());
                        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{(\\d+)}").matcher(text);
                        while (placeholder.find()) {
                            assertTrue(Integer.parseInt(placeholder.group(1)) <= groups, "{" + placeholder.group(1)
                                    + "} beyond the form's " + groups + " groups: " + d);
                        }
                    }
                    assertFalse(d.fi().equals(d.en()) && groups == 0, "Finnish text is the English one: " + d);
                }
            }
        }
        assertTrue(forms > 30, "forms read: " + forms);
    }

    /** Codes the engine writes as the bare code only (their explanation is the code's label). */
    private static final java.util.Set<String> BARE = java.util.Set.of("shares_status ok", "contrast_status ok",
            "indicator_status ok");

    @Test
    void detailsFollowTheExportLanguageWithTheirNumbersAndEveryPart() {
        Codebook.CodeSet pooled = BOOK.set("pooled_status").orElseThrow();
        // PooledRows' status with two caveats: the bare "ok" part is the code and is dropped.
        String raw = "ok; 2 region(s) left out: small or not estimable; with 3 regions tau2 is poorly estimated: read the"
                + " prediction interval";
        assertEquals("2 aluetta jätetty pois: pieni tai ei laskettavissa; 3 alueella tau²-estimaatti on epävarma: katso"
                + " ennusteväliä", StatusColumns.detail(BOOK, pooled, "ok", raw, ExportSettings.Language.FI));
        assertEquals("2 region(s) left out: small or not estimable; with 3 regions tau2 is poorly estimated: read the"
                + " prediction interval", StatusColumns.detail(BOOK, pooled, "ok", raw, ExportSettings.Language.EN));
        assertEquals(null, StatusColumns.detail(BOOK, pooled, "ok", "ok", ExportSettings.Language.FI), "a bare code: no detail");

        Codebook.CodeSet shares = BOOK.set("shares_status").orElseThrow();
        assertEquals("luokka deteriorated piilotettu: pieni luku; luokka recovered piilotettu toissijaisesti (muuten"
                + " laskettavissa muista luvuista)", StatusColumns.detail(BOOK, shares, "suppressed",
                "deteriorated suppressed_small_cell; recovered suppressed_secondary", ExportSettings.Language.FI));
        assertEquals("piilotettu tietosuojan vuoksi", StatusColumns.detail(BOOK, shares, "hidden",
                fi.polku.jobs.disclosure.OutcomeDisclosure.HIDDEN, ExportSettings.Language.FI));

        Codebook.CodeSet rates = BOOK.set("rate_status").orElseThrow();
        assertEquals("väestötietoa ei ole tälle alueelle, vuodelle ja ikäryhmälle", StatusColumns.detail(BOOK, rates, "no_rate",
                "no population for this region, year and age group", ExportSettings.Language.FI));

        // A text the codebook has no form for stays English, marked so in Finnish output.
        assertEquals("(englanniksi) a newer engine's reason", StatusColumns.detail(BOOK, rates, "no_rate",
                "a newer engine's reason", ExportSettings.Language.FI));
    }

    @Test
    void excelWouldConvertNumberAndDateLookingCodesButNotWords() {
        for (String risky : List.of("01", "6-12", "13-17", "2025-05", "1.3.2025", "7-17", "0,5", "1e5", "12:30", "1/2", "-3", "=A1", "10 %")) {
            assertTrue(ExcelText.wouldConvert(risky), risky);
        }
        for (String safe : List.of("E000001", "2025-spring", "ORS", "18+", "red→yellow", "ok", "")) {
            assertFalse(ExcelText.wouldConvert(safe), safe);
        }
        assertTrue(ExcelText.keepAsText(ColumnType.INT64, "6566208324186676200"), "19 digits: Excel keeps 15");
        assertFalse(ExcelText.keepAsText(ColumnType.INT64, "123456789012345"));
        assertFalse(ExcelText.keepAsText(ColumnType.DOUBLE, "27,3"));
    }
}
