package fi.polku.jobs.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output root of a run, on any Hadoop-compatible file system. A run writes into a staging folder
 * beside the outputs ({@code .staging-<run id>}); only when everything is written are the entries moved
 * into place, each replacing its previous version, and the staging folder removed. A run that fails or is
 * killed before that leaves the previous outputs as they were; a leftover staging folder is removed by the
 * next run.
 */
public final class OutputRoot {
    private static final String STAGING = ".staging-";
    private static final String REPLACED = ".replaced-";

    private final FileSystem fs;
    private final Path root;

    private OutputRoot(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** The output root at {@code location}, created if missing. */
    public static OutputRoot at(String location, Configuration hadoop) {
        try {
            Path root = new Path(location);
            FileSystem fs = root.getFileSystem(hadoop);
            fs.mkdirs(root);
            return new OutputRoot(fs, fs.makeQualified(root));
        } catch (IOException e) {
            throw new UncheckedIOException("output " + location + ": " + e.getMessage(), e);
        }
    }

    /** The root itself. */
    public Path path() {
        return root;
    }

    /** A fresh staging folder for this run; stale ones of killed runs are removed first. */
    public Path stage(String runId) {
        try {
            for (var status : fs.listStatus(root)) {
                String name = status.getPath().getName();
                if (name.startsWith(STAGING) || name.startsWith(REPLACED)) {
                    fs.delete(status.getPath(), true);
                }
            }
            Path staging = new Path(root, STAGING + runId);
            fs.mkdirs(staging);
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("output " + root + ": cannot prepare staging: " + e.getMessage(), e);
        }
    }

    /** Writes a small text file into the staging folder. */
    public void writeText(Path staging, String name, String text) {
        try (OutputStream out = fs.create(new Path(staging, name), true)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("output " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves every entry of the staging folder into place. Entries are swapped one by one (previous version
     * aside, new one in), and the manifest, written last into staging, is moved last, so a reader who finds
     * a manifest finds the tables it lists.
     */
    public void publish(Path staging, String runId, String manifestName) {
        Path replaced = new Path(root, REPLACED + runId);
        try {
            fs.mkdirs(replaced);
            List<Path> entries = new ArrayList<>();
            Path manifest = null;
            for (var status : fs.listStatus(staging)) {
                if (status.getPath().getName().equals(manifestName)) {
                    manifest = status.getPath();
                } else {
                    entries.add(status.getPath());
                }
            }
            Path oldManifest = new Path(root, manifestName);
            if (fs.exists(oldManifest)) {
                move(oldManifest, new Path(replaced, manifestName));
            }
            for (Path entry : entries) {
                swap(entry, replaced);
            }
            if (manifest != null) {
                move(manifest, oldManifest);
            }
            fs.delete(staging, true);
            fs.delete(replaced, true);
        } catch (IOException e) {
            throw new UncheckedIOException("output " + root + ": cannot publish: " + e.getMessage(), e);
        }
    }

    /** Removes a staging folder after a failed run. */
    public void discard(Path staging) {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            // The next run removes leftovers; the failure that brought us here matters more.
        }
    }

    private void swap(Path entry, Path replaced) throws IOException {
        Path target = new Path(root, entry.getName());
        if (fs.exists(target)) {
            move(target, new Path(replaced, entry.getName()));
        }
        move(entry, target);
    }

    private void move(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }
}
