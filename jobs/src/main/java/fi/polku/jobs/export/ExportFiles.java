package fi.polku.jobs.export;

import fi.polku.contract.ExportTables;
import fi.polku.contract.TableSchema;
import fi.polku.jobs.config.ExportSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes one export table three ways: a single Parquet file, a CSV (UTF-8, comma, decimal point: pandas, R,
 * DuckDB) and a CSV for Finnish Excel (UTF-8 with BOM so Excel reads ä and ö, semicolon, decimal comma). Both
 * CSVs have the same header, the same rows in the same order, numbers written in full without exponents, and
 * blank for null. In the Finnish CSV a text value that Excel would turn into a number or a date ({@link ExcelText})
 * and an integer longer than Excel's 15 digits are always quoted, so they are text to any reader that honours
 * quotes; {@code datapackage.json}, the SPSS and R syntax declare those columns as text.
 */
final class ExportFiles {
    static final String PARQUET = "parquet";
    static final String CSV = "csv";
    static final String CSV_FI = "csv-fi";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * What was written for one table: its rows, each CSV's size and SHA-256 (for the datapackage), and each
     * column's widest value in UTF-8 bytes (for the SPSS string formats).
     */
    record Written(TableSchema table, long rows, FileFacts csv, FileFacts csvFi, FileFacts parquet, int[] widths) {
        /** The widest value of a column, in UTF-8 bytes (at least 1). */
        int width(String column) {
            return Math.max(1, widths[table.indexOf(column)]);
        }
    }

    /** A written file's path (relative to the export folder), size in bytes and SHA-256, hex. */
    record FileFacts(String path, long bytes, String sha256) {
    }

    private final FileSystem fs;
    private final Path folder;
    private final Codebook codebook;
    private final ExportSettings.Language language;

    ExportFiles(FileSystem fs, Path folder, Codebook codebook, ExportSettings.Language language) {
        this.fs = fs;
        this.folder = folder;
        this.codebook = codebook;
        this.language = language;
    }

    /** Writes {@code rows} (export order, disclosure-stage schema) as published: status columns as codes. */
    Written publish(TableSchema table, Dataset<Row> rows) {
        return write(ExportTables.published(table), StatusColumns.publish(table, rows, codebook, language));
    }

    /** Writes {@code rows} (already in export order, export schema) in every format. */
    Written write(TableSchema table, Dataset<Row> rows) {
        String name = table.name();
        FileFacts parquet = parquet(name, rows);
        String csvPath = CSV + "/" + name + ".csv";
        String fiPath = CSV_FI + "/" + name + ".csv";
        long count = 0;
        try (CountingDigest plain = open(csvPath); CountingDigest finnish = open(fiPath)) {
            finnish.out.write(BOM);
            try (Writer pw = new OutputStreamWriter(plain.out, StandardCharsets.UTF_8);
                 Writer fw = new OutputStreamWriter(finnish.out, StandardCharsets.UTF_8);
                 CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(pw)) {
                String[] header = table.columns().stream().map(c -> c.name()).toArray(String[]::new);
                p.printRecord((Object[]) header);
                excelLine(fw, header, new boolean[header.length]);
                String[] a = new String[header.length];
                String[] b = new String[header.length];
                boolean[] quote = new boolean[header.length];
                int[] widths = new int[header.length];
                for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
                    Row r = it.next();
                    for (int i = 0; i < header.length; i++) {
                        a[i] = text(r.get(i), '.');
                        b[i] = text(r.get(i), ',');
                        quote[i] = ExcelText.keepAsText(table.columns().get(i).type(), b[i]);
                        widths[i] = Math.max(widths[i], b[i].getBytes(StandardCharsets.UTF_8).length);
                    }
                    p.printRecord((Object[]) a);
                    excelLine(fw, b, quote);
                    count++;
                }
                fw.flush();
                pw.flush();
                return new Written(table, count, plain.facts(csvPath), finnish.facts(fiPath), parquet, widths);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("export " + name + ": " + e.getMessage(), e);
        }
    }

    /** One line of the Finnish CSV: ';'-separated, a field quoted when asked or when it holds ';', '"' or a line break. */
    static void excelLine(Writer out, String[] fields, boolean[] quote) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(';');
            }
            String f = fields[i];
            if (quote[i] || f.indexOf(';') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write('\n');
    }

    /** A value as CSV text: numbers in full (no exponent), with the given decimal mark; null as blank. */
    static String text(Object value, char decimalMark) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            String plain = d == 0 ? "0" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return decimalMark == '.' ? plain : plain.replace('.', decimalMark);
        }
        return value.toString();
    }

    private FileFacts parquet(String name, Dataset<Row> rows) {
        Path staging = new Path(folder, PARQUET + "/." + name);
        Path target = new Path(folder, PARQUET + "/" + name + ".parquet");
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
        try {
            FileStatus part = null;
            for (FileStatus s : fs.listStatus(staging)) {
                if (s.getPath().getName().endsWith(".parquet")) {
                    part = s;
                }
            }
            if (part == null || !fs.rename(part.getPath(), target)) {
                throw new IOException("could not place the Parquet file of " + name);
            }
            fs.delete(staging, true);
            return new FileFacts(PARQUET + "/" + name + ".parquet", fs.getFileStatus(target).getLen(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("export " + name + ": " + e.getMessage(), e);
        }
    }

    /** Writes a small UTF-8 text file; returns its facts. */
    FileFacts writeText(String path, String content) {
        try (CountingDigest out = open(path)) {
            out.out.write(content.getBytes(StandardCharsets.UTF_8));
            out.out.flush();
            return out.facts(path);
        } catch (IOException e) {
            throw new UncheckedIOException("export " + path + ": " + e.getMessage(), e);
        }
    }

    private CountingDigest open(String path) throws IOException {
        return new CountingDigest(fs.create(new Path(folder, path), true));
    }

    /** An output that counts its bytes and hashes them on the way through. */
    private static final class CountingDigest implements AutoCloseable {
        final DigestOutputStream out;
        private final OutputStream file;
        private long bytes;

        CountingDigest(OutputStream file) {
            this.file = file;
            try {
                this.out = new DigestOutputStream(new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        file.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        file.write(b, off, len);
                        bytes += len;
                    }
                }, MessageDigest.getInstance("SHA-256"));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        FileFacts facts(String path) throws IOException {
            out.flush();
            return new FileFacts(path, bytes, HexFormat.of().formatHex(out.getMessageDigest().digest()));
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
