package fi.polku.jobs.ingest;

import fi.polku.jobs.output.OsReason;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/** Opens an input file's snapshot inside a Spark task, on whatever Hadoop-compatible file system its path names. */
final class TaskFiles {
    private TaskFiles() {
    }

    static InputStream open(InputFile file) {
        return open(file.read(), file.name());
    }

    /** The bytes of one range of a file's snapshot, and no more. */
    static InputStream open(InputFile file, ByteRange range) {
        try {
            Path path = new Path(file.read());
            FSDataInputStream in = path.getFileSystem(new Configuration()).open(path);
            in.seek(range.start());
            return new Bounded(in, range.end() - range.start());
        } catch (FileNotFoundException e) {
            throw new InputChanged(file.name() + ": the file vanished during the run; nothing was published");
        } catch (IOException e) {
            throw new InputRejected(file.name() + ": cannot be read (" + OsReason.of(e) + ")");
        }
    }

    /** A stream that ends after {@code remaining} bytes. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            remaining -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            remaining -= Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
    static InputStream open(String location, String name) {
        try {
            Path path = new Path(location);
            return path.getFileSystem(new Configuration()).open(path);
        } catch (FileNotFoundException e) {
            throw new InputChanged(name + ": the file vanished during the run; nothing was published");
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + OsReason.of(e) + ")");
        }
    }
}
