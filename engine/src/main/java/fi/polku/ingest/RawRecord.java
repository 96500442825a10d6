package fi.polku.ingest;

import fi.polku.contract.RowSource;
import java.util.Arrays;
import java.util.Objects;

/** One record as read from an input file: where it came from, its field texts, and its raw text. */
public final class RawRecord {
    private final RowSource source;
    private final String[] fields;
    private final String raw;

    private RawRecord(RowSource source, String[] fields, String raw) {
        this.source = source;
        this.fields = fields;
        this.raw = raw;
    }

    /** A record of the given fields; {@code raw} is the text as it stood in the file. */
    public static RawRecord of(RowSource source, String[] fields, String raw) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fields, "fields");
        return new RawRecord(source, fields.clone(), raw);
    }

    public RowSource source() {
        return source;
    }

    /** Number of fields in the record. */
    public int size() {
        return fields.length;
    }

    /** Field {@code index} (0-based), or null when the record is shorter. */
    public String field(int index) {
        return index >= 0 && index < fields.length ? fields[index] : null;
    }

    /** The record's text as read. */
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return source + " " + Arrays.toString(fields);
    }
}
