package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.Column;
import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** datasets/DATA_DICTIONARY.md and the schemas in code say the same thing, column by column. */
class DataDictionaryTest {
    private static final Path DICTIONARY = Path.of("..", "datasets", "DATA_DICTIONARY.md");

    /** Section title → rows of its table (cells split on '|'), from the Markdown. */
    private static Map<String, List<String[]>> sections() throws IOException {
        Map<String, List<String[]>> sections = new LinkedHashMap<>();
        List<String[]> current = null;
        for (String line : Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                sections.put(line.substring(3).strip(), current);
            } else if (current != null && line.startsWith("|---")) {
                current.clear(); // what came before the separator was the header row
            } else if (current != null && line.startsWith("| ")) {
                String[] cells = line.substring(1).split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                current.add(cells);
            }
        }
        return sections;
    }

    @Test
    void everyInputContractIsDocumentedColumnByColumn() throws IOException {
        Map<String, List<String[]>> sections = sections();
        for (InputContract contract : List.of(FitSessionRules.CONTRACT, LifeSituationRules.CONTRACT,
                RegionStatisticRules.CONTRACT, SotkanetRules.CONTRACT, PopulationRules.CONTRACT)) {
            List<String[]> rows = sections.get("Input: " + contract.dataset());
            assertTrue(rows != null, "no section 'Input: " + contract.dataset() + "'");
            List<String> documented = new ArrayList<>();
            for (String[] r : rows) {
                documented.add(r[0] + " " + r[1]);
            }
            List<String> declared = new ArrayList<>();
            for (InputContract.InputColumn c : contract.columns()) {
                declared.add(c.name() + " " + (c.required() ? "yes" : "no"));
            }
            assertEquals(declared, documented, "Input: " + contract.dataset());
        }
    }

    @Test
    void everyOutputTableIsDocumentedColumnByColumn() throws IOException {
        Map<String, List<String[]>> sections = sections();
        for (TableSchema table : Tables.all()) {
            List<String[]> rows = sections.get("Table: " + table.name());
            assertTrue(rows != null, "no section 'Table: " + table.name() + "'");
            List<String> documented = new ArrayList<>();
            for (String[] r : rows) {
                documented.add(r[0] + " " + r[1] + " " + r[2]);
                assertTrue(!r[4].isEmpty(), table.name() + "." + r[0] + " has no meaning");
            }
            List<String> declared = new ArrayList<>();
            for (Column c : table.columns()) {
                declared.add(c.name() + " " + c.type().dictionaryName() + " " + (c.nullable() ? "yes" : "no"));
            }
            assertEquals(declared, documented, "Table: " + table.name());
        }
    }

    @Test
    void everyExportColumnIsDocumentedInItsExportSectionOrUnchangedInItsTable() throws IOException {
        Map<String, List<String[]>> sections = sections();
        for (TableSchema table : ExportTables.all()) {
            List<String[]> export = sections.get("Export: " + table.name());
            assertTrue(export != null, "no section 'Export: " + table.name() + "'");
            Map<String, String> documented = new LinkedHashMap<>();
            for (String[] r : sections.getOrDefault("Table: " + table.name(), List.of())) {
                documented.put(r[0], r[1] + " " + r[2]);
            }
            List<String> exportColumns = new ArrayList<>();
            for (String[] r : export) {
                documented.put(r[0], r[1] + " " + r[2]);
                exportColumns.add(r[0]);
                assertTrue(!r[4].isEmpty(), "Export: " + table.name() + "." + r[0] + " has no meaning");
            }
            List<String> declared = new ArrayList<>();
            for (Column c : table.columns()) {
                declared.add(c.name());
                assertEquals(c.type().dictionaryName() + " " + (c.nullable() ? "yes" : "no"), documented.get(c.name()),
                        "Export: " + table.name() + "." + c.name() + " (documented in its Export section, or unchanged in its Table section)");
            }
            assertTrue(declared.containsAll(exportColumns), "Export: " + table.name() + " documents columns it does not have: " + exportColumns);
        }
    }

    @Test
    void everyReasonCodeIsDocumented() throws IOException {
        String text = Files.readString(DICTIONARY, StandardCharsets.UTF_8);
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(text.contains("`" + code.code() + "`"), code.code());
        }
    }
}
