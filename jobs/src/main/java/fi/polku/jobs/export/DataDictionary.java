package fi.polku.jobs.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The column documentation of {@code datasets/DATA_DICTIONARY.md} (carried in the jar), read so that the
 * datapackage's descriptions and units are the dictionary's own words: one source for both. An export
 * column is documented in its {@code Export: <table>} section, or else, unchanged, in {@code Table: <table>}.
 */
final class DataDictionary {
    static final String RESOURCE = "/polku/datasets/DATA_DICTIONARY.md";

    /** One documented column: unit (may be blank) and meaning. */
    record Entry(String type, String unit, String meaning) {
    }

    private final Map<String, Map<String, Entry>> sections;
    private final String text;

    private DataDictionary(String text) {
        this.text = text;
        this.sections = new LinkedHashMap<>();
        Map<String, Entry> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(3).strip(), current);
            } else if (current != null && line.startsWith("| ") && !line.startsWith("| column ")) {
                String[] cells = line.substring(1).split("\\|");
                if (cells.length >= 5) {
                    current.put(cells[0].strip(), new Entry(cells[1].strip(), cells[3].strip(), cells[4].strip().replace("`", "")));
                }
            }
        }
    }

    /** The bundled dictionary. */
    static DataDictionary bundled() {
        try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE);
            }
            return new DataDictionary(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole text, copied into the export beside the data. */
    String text() {
        return text;
    }

    /** A column of an export table, from its Export section or else its Table section. */
    Optional<Entry> column(String table, String column) {
        Entry e = sections.getOrDefault("Export: " + table, Map.of()).get(column);
        return Optional.ofNullable(e != null ? e : sections.getOrDefault("Table: " + table, Map.of()).get(column));
    }
}
