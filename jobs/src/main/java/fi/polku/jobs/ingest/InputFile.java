package fi.polku.jobs.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One input file as planned on the driver and read by Spark tasks.
 *
 * @param dataset  the input dataset ({@code fit_sessions}, …)
 * @param path     the source: a Hadoop-compatible path or URI as matched by the config
 * @param name     the file's name as messages and tables ({@code source_file}) show it: its path relative to
 *                 the config's folder, or the whole path; unique within a run
 * @param read     what tasks read: the run's snapshot of the source (or the source itself when the command does
 *                 not parse inputs)
 * @param format   what was detected from the whole file; null when the command does not parse inputs (it only
 *                 checksums them, and header, ignored and ranges are then empty)
 * @param sotkanet whether a region-statistics file has Sotkanet's shape rather than the long format
 * @param header   the header's fields as written (screened for identity codes), for tasks that parse a later range
 * @param ignored  header columns the contract does not know
 * @param ranges   the parts of the file parse tasks take, in order, covering it whole
 * @param sha256   the SHA-256 of the bytes read, which decides whether a re-run has anything to do
 * @param bytes    the file's size
 * @param stamp    the source's size, modification time and identity when it was read, to tell a later change
 */
public record InputFile(String dataset, String path, String name, String read, FileFormat format, boolean sotkanet,
                        List<String> header, List<String> ignored, List<ByteRange> ranges, String sha256, long bytes,
                        InputSnapshot.Stamp stamp) implements Serializable {
    public InputFile {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(read, "read");
        header = List.copyOf(header);
        ignored = List.copyOf(ignored);
        ranges = List.copyOf(ranges);
    }
}
