package fi.polku.jobs.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A UTF-8, comma-separated output file that begins with a comment line declaring the data synthetic, so the
 * flag travels with the file into every output made from it. Doubles print with a decimal point and at
 * most one decimal, as the instruments record them.
 */
final class CsvOut implements Closeable {
    private final CSVPrinter printer;
    private long rows;

    CsvOut(Path file, String banner) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write("# " + banner + "\n");
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    }

    void header(String... names) throws IOException {
        printer.printRecord((Object[]) names);
    }

    void row(Object... values) throws IOException {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            out[i] = v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v;
        }
        printer.printRecord(out);
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
