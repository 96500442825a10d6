package fi.polku.jobs.ingest;

import fi.polku.contract.RowSource;
import fi.polku.ingest.RawRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of one delimited file with Apache Commons CSV: quoted fields, embedded delimiters
 * and line breaks, doubled quotes and blank lines are handled by the library. The leading block of comment
 * ({@code #}) and blank lines before the header ({@link FileFormat#leadingLines()}) is skipped here; after the
 * header a line starting with {@code #} is a record like any other, parsed or quarantined, never dropped.
 * Each record carries the line it starts on. A broken quote stops the file with an {@link InputRejected}
 * naming the line.
 */
public final class RecordReader implements RecordStream {
    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CSVFormat format;
    private final String delimiter;
    /** Prints each record's raw text; one printer for the whole file (a new one per record was a profile hot spot). */
    private final CSVPrinter rawPrinter;
    private final StringBuilder rawText = new StringBuilder();
    private final List<String> header;
    private final long skipped;

    private RecordReader(String name, CSVParser parser, CSVFormat format, long skipped, List<String> header) {
        this.name = name;
        this.parser = parser;
        this.format = format;
        this.delimiter = format.getDelimiterString();
        this.skipped = skipped;
        this.records = parser.iterator();
        try {
            this.rawPrinter = new CSVPrinter(rawText, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header != null) {
            this.header = header;
            return;
        }
        CSVRecord first = next0();
        if (first == null) {
            throw new InputRejected(name + ": no header line found");
        }
        this.header = first.toList();
    }

    /** Opens a delimited file of the given format; the stream is closed with the reader. */
    public static RecordReader open(String name, InputStream in, FileFormat fileFormat) {
        try {
            Reader reader = new BufferedReader(new InputStreamReader(in, fileFormat.decoding()));
            skipLines(reader, fileFormat.leadingLines());
            return new RecordReader(name, parser(reader, fileFormat), format(fileFormat), fileFormat.leadingLines(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a later part of a delimited file (see {@link ByteRange}): records that follow {@code header}, the
     * first of them on line {@code firstLine}.
     */
    public static RecordReader openBody(String name, InputStream in, FileFormat fileFormat, List<String> header,
                                        long firstLine) {
        Reader reader = new BufferedReader(new InputStreamReader(in, fileFormat.decoding()));
        return new RecordReader(name, parser(reader, fileFormat), format(fileFormat), firstLine - 1, header);
    }

    private static CSVFormat format(FileFormat fileFormat) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(fileFormat.delimiter())
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false)
                .get();
    }

    private static CSVParser parser(Reader reader, FileFormat fileFormat) {
        try {
            return CSVParser.builder().setReader(reader).setFormat(format(fileFormat)).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips {@code count} lines ending in LF, CRLF or a lone CR, as the scan counted them. */
    private static void skipLines(Reader reader, long count) throws IOException {
        for (long n = 0; n < count; n++) {
            int c = reader.read();
            while (c >= 0 && c != '\n' && c != '\r') {
                c = reader.read();
            }
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
            }
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
    }

    @Override
    public RawRecord next() {
        CSVRecord r = next0();
        if (r == null) {
            throw new NoSuchElementException();
        }
        String[] fields = r.values();
        return RawRecord.of(new RowSource(name, startLine(r)), fields, raw(fields));
    }

    /**
     * The record as {@link CSVFormat#format} writes it: printed as one record, without the record separator. A record
     * no field of which the format would quote is its fields joined by the delimiter, without the printer (the
     * printer was a tenth of a large ingest's parse time).
     */
    private String raw(String[] fields) {
        if (unquoted(fields)) {
            return String.join(delimiter, fields);
        }
        rawText.setLength(0);
        try {
            rawPrinter.printRecord((Object[]) fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String separator = format.getRecordSeparator();
        return rawText.substring(0, rawText.length() - (separator == null ? 0 : separator.length()));
    }

    /**
     * Whether the format's minimal quoting leaves every field as it is. Conservative: any field the printer might
     * quote (an empty first field, a first character up to {@code #}, a last one up to a space, a delimiter, quote or
     * line break inside) sends the record to the printer.
     */
    private boolean unquoted(String[] fields) {
        char separator = delimiter.charAt(0);
        for (int f = 0; f < fields.length; f++) {
            String v = fields[f];
            int n = v.length();
            if (n == 0) {
                if (f == 0) {
                    return false;
                }
                continue;
            }
            if (v.charAt(0) <= '#' || v.charAt(n - 1) <= ' ') {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = v.charAt(i);
                if (c == separator || c == '"' || c == '\n' || c == '\r') {
                    return false;
                }
            }
        }
        return true;
    }

    private CSVRecord next0() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    /** The parser stands at the record's last line; quoted line breaks inside it moved it that far. */
    private long startLine(CSVRecord r) {
        long breaks = 0;
        for (String v : r.values()) {
            for (int i = 0; i < v.length(); i++) {
                breaks += v.charAt(i) == '\n' ? 1 : 0;
            }
        }
        return skipped + Math.max(1, parser.getCurrentLineNumber() - breaks);
    }

    private InputRejected malformed(RuntimeException e) {
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return new InputRejected(name + " line " + (skipped + parser.getCurrentLineNumber())
                + ": the file cannot be read as delimited text (" + reason
                + "); check for an unclosed quote");
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
