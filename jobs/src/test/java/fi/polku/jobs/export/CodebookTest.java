package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Column;
import fi.polku.contract.ColumnType;
import fi.polku.contract.ExportTables;
import fi.polku.contract.OutcomeTables;
import fi.polku.contract.TableSchema;
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
