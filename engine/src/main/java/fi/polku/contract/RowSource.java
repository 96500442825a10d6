package fi.polku.contract;

import java.util.Objects;

/**
 * Where an input row came from: the file as the user named it and the 1-based line on which the row
 * starts, so that every message and every quarantined row can be traced back.
 */
public record RowSource(String file, long line) {
    public RowSource {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
    }

    @Override
    public String toString() {
        return file + " line " + line;
    }
}
