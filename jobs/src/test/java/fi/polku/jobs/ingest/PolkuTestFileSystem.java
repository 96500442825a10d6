package fi.polku.jobs.ingest;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A stand-in for a remote file system (hdfs://, s3a://) in tests: the local disk under the made-up scheme
 * {@code polkutest://}, registered through {@code META-INF/services/org.apache.hadoop.fs.FileSystem}. Like a remote
 * store, it is not the {@code file} scheme, so Polku takes the Hadoop path of {@link InputSnapshot}, and it gives
 * no inode, change time, ETag or file checksum: only size and modification time.
 */
public class PolkuTestFileSystem extends RawLocalFileSystem {
    /** The scheme. */
    public static final String SCHEME = "polkutest";

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }
}
