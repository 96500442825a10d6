package fi.polku.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Opens an input file inside a Spark task, on whatever Hadoop-compatible file system its path names. */
final class TaskFiles {
    private TaskFiles() {
    }

    static InputStream open(InputFile file) {
        try {
            Path path = new Path(file.path());
            return path.getFileSystem(new Configuration()).open(path);
        } catch (IOException e) {
            throw new UncheckedIOException(file.name() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
