package fi.polku.jobs.ingest;

import java.io.Serializable;

/**
 * A part of an input file that one task parses: bytes {@code [start, end)}, starting at the first byte of a
 * record on line {@code firstLine} (1-based). Ranges are cut by {@link FormatScan} at line breaks outside
 * quotes only, so no record, not even one with a quoted line break, is split between two tasks.
 */
public record ByteRange(long start, long end, long firstLine) implements Serializable {
    /** Whether the range holds the file's start (leading comments, the header, a byte-order mark). */
    public boolean first() {
        return start == 0;
    }
}
