package fi.polku.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * Outputs on a Hadoop file system other than the local one (HDFS, object stores). A run writes into
 * {@code <output>/.staging-<run id>}; publishing moves each table into place (previous version aside, new
 * one in) and the manifest last, so a reader who finds a manifest finds the tables it lists. On HDFS each
 * move is an atomic rename, but the set of them is not one step: a run killed in the middle of publishing
 * (milliseconds) can leave some tables new and some old until the next run. Object stores have no atomic
 * rename at all. There is no lock: do not point two scheduled runs at one output.
 */
final class SwappingStore implements OutputStore {
    private static final String STAGING = ".staging-";
    private static final String REPLACED = ".replaced-";
    private static final String LAST_RUN = ".last_run.json";

    private final String location;
    private final FileSystem fs;
    private final Path root;

    private SwappingStore(String location, FileSystem fs, Path root) {
        this.location = location;
        this.fs = fs;
        this.root = root;
    }

    static SwappingStore at(String location, Configuration hadoop) {
        try {
            Path root = new Path(location);
            FileSystem fs = root.getFileSystem(hadoop);
            return new SwappingStore(location, fs, fs.makeQualified(root));
        } catch (IOException e) {
            throw new OutputUnusable("output " + location + " cannot be used: " + OsReason.of(e));
        }
    }

    @Override
    public void check() {
        try {
            if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
                throw new OutputUnusable("output " + location + " is a file, not a folder: choose another output");
            }
            if (fs.exists(root) && !fs.exists(new Path(root, Manifest.FILE))) {
                for (FileStatus status : fs.listStatus(root)) {
                    String name = status.getPath().getName();
                    if (!name.startsWith(STAGING) && !name.startsWith(REPLACED) && !name.equals(LAST_RUN)) {
                        throw new OutputUnusable("output " + location + " is a folder with other files in it and not a Polku output (no "
                                + Manifest.FILE + "); Polku would mix its outputs with them: choose a new or empty folder");
                    }
                }
            }
            fs.mkdirs(root);
        } catch (IOException e) {
            throw new OutputUnusable("output " + location + " cannot be written: " + OsReason.of(e));
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Optional<Path> current() {
        try {
            return fs.exists(new Path(root, Manifest.FILE)) ? Optional.of(root) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Path begin(String runId) {
        try {
            fs.mkdirs(root);
            for (FileStatus status : fs.listStatus(root)) {
                String name = status.getPath().getName();
                if (name.startsWith(STAGING) || name.startsWith(REPLACED)) {
                    fs.delete(status.getPath(), true);
                }
            }
            Path staging = new Path(root, STAGING + runId);
            fs.mkdirs(staging);
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("output " + location + ": cannot prepare staging: " + e.getMessage(), e);
        }
    }

    @Override
    public void carryOver(Path version, String table) {
        try {
            FileUtil.copy(fs, new Path(root, table), fs, new Path(version, table), false, fs.getConf());
        } catch (IOException e) {
            throw new UncheckedIOException("output " + location + ": cannot carry over " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(Path version) {
        Path replaced = new Path(root, REPLACED + version.getName().substring(STAGING.length()));
        try {
            fs.mkdirs(replaced);
            List<Path> entries = new ArrayList<>();
            Path manifest = null;
            for (FileStatus status : fs.listStatus(version)) {
                if (status.getPath().getName().equals(Manifest.FILE)) {
                    manifest = status.getPath();
                } else {
                    entries.add(status.getPath());
                }
            }
            Path oldManifest = new Path(root, Manifest.FILE);
            if (fs.exists(oldManifest)) {
                move(oldManifest, new Path(replaced, Manifest.FILE));
            }
            for (Path entry : entries) {
                Path target = new Path(root, entry.getName());
                if (fs.exists(target)) {
                    move(target, new Path(replaced, entry.getName()));
                }
                move(entry, target);
            }
            if (manifest != null) {
                move(manifest, oldManifest);
            }
            fs.delete(version, true);
            fs.delete(replaced, true);
        } catch (IOException e) {
            throw new UncheckedIOException("output " + location + ": cannot publish: " + e.getMessage(), e);
        }
    }

    @Override
    public void abandon(Path version) {
        try {
            fs.delete(version, true);
        } catch (IOException e) {
            // Removed by the next run; the failure that brought us here matters more.
        }
    }

    @Override
    public void writeText(Path version, String name, String text) {
        try (OutputStream out = fs.create(new Path(version, name), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("output " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> readText(Path version, String name) {
        Path p = new Path(version, name);
        try (InputStream in = fs.open(p)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void recordLastRun(String json) {
        writeText(root, LAST_RUN, json);
    }

    private void move(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }
}
