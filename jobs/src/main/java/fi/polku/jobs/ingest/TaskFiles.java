package fi.polku.jobs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Opens an input file's snapshot inside a Spark task, on whatever Hadoop-compatible file system its path names. */
final class TaskFiles {
    private TaskFiles() {
    }

    static InputStream open(InputFile file) {
        return open(file.read(), file.name());
    }

    static InputStream open(String location, String name) {
        try {
            Path path = new Path(location);
            return path.getFileSystem(new Configuration()).open(path);
        } catch (FileNotFoundException e) {
            throw new InputChanged(name + ": the file vanished during the run; nothing was published");
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + InputSnapshot.reason(e) + ")");
        }
    }
}
