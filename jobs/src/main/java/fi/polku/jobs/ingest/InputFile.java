package fi.polku.jobs.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One input file as planned on the driver and read by a Spark task.
 *
 * @param dataset  the input dataset ({@code fit_sessions}, …)
 * @param path     a Hadoop-compatible path or URI
 * @param name     the file's name as messages and tables show it
 * @param format   what the sniffer detected
 * @param sotkanet whether a region-statistics file has Sotkanet's shape rather than the long format
 * @param ignored  header columns the contract does not know
 * @param sha256   the file's SHA-256, which decides whether a re-run has anything to do
 * @param bytes    the file's size
 */
public record InputFile(String dataset, String path, String name, FileFormat format, boolean sotkanet,
                        List<String> ignored, String sha256, long bytes) implements Serializable {
    public InputFile {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        ignored = List.copyOf(ignored);
    }
}
