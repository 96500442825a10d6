package fi.polku.jobs.ingest;

import fi.polku.ingest.RawRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/** The records of one input file, read one at a time, with the header they follow. */
public interface RecordStream extends Iterator<RawRecord>, Closeable {
    /** The header fields as written in the file. */
    List<String> header();

    @Override
    void close();

    /**
     * Opens one range of a planned file: the first range as {@link #open} (header included), a later one as
     * records that follow the planned header, numbered from the range's first line.
     */
    static RecordStream open(InputFile file, ByteRange range) {
        java.io.InputStream in = TaskFiles.open(file, range);
        return range.first() ? open(file.name(), in, file.format())
                : RecordReader.openBody(file.name(), in, file.format(), file.header(), range.firstLine());
    }

    /** Opens a file of the detected format, delimited text or Sotkanet JSON, past any byte-order mark. */
    static RecordStream open(String name, InputStream in, FileFormat format) {
        try {
            if (format.bom()) {
                in.readNBytes(3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return format.json() ? JsonRecordReader.open(name, in, format) : RecordReader.open(name, in, format);
    }
}
