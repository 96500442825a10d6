package fi.polku.jobs.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;

/**
 * Outputs on the local file system, published atomically. The configured output ({@code out/demo}) is a
 * symbolic link to one complete version ({@code out/.demo.polku/runs/<run id>}); publishing a new version
 * replaces the link with a single {@code rename}, so a reader sees the old set or the new set and never a
 * mix, and a run killed at any point leaves the link, and the version it points to, untouched. The
 * previous version is kept (a reader may still be in it); older ones and abandoned ones are removed.
 * A lock file keeps two runs from writing the same output.
 */
final class LinkedVersionStore implements OutputStore {
    private static final String LAST_RUN = "last_run.json";
    /** The longest file name (in bytes) Linux file systems accept (NAME_MAX). */
    private static final int NAME_MAX = 255;

    private final String location;
    private final java.nio.file.Path link;
    private final java.nio.file.Path home;
    private FileChannel lockChannel;
    private FileLock lock;

    private LinkedVersionStore(String location, java.nio.file.Path link) {
        this.location = location;
        this.link = link;
        this.home = link.resolveSibling("." + link.getFileName() + ".polku");
    }

    static LinkedVersionStore at(String location) {
        java.nio.file.Path link = java.nio.file.Path.of(new Path(location).toUri().getPath()).toAbsolutePath().normalize();
        return new LinkedVersionStore(location, link);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Optional<Path> current() {
        if (Files.isSymbolicLink(link)) {
            try {
                return Optional.of(local(link.toRealPath()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Files.isRegularFile(link.resolve(Manifest.FILE)) ? Optional.of(local(link)) : Optional.empty();
    }

    @Override
    public void check() {
        if (link.getFileName() == null) {
            throw unusable("is the root folder; name a folder for the outputs");
        }
        for (java.nio.file.Path part : link) {
            checkLength(part.toString(), NAME_MAX);
        }
        checkLength(link.getFileName().toString(), NAME_MAX - ".".length() - ".polku".length());
        if (Files.isSymbolicLink(link)) {
            if (!ownLink()) {
                throw unusable("is a symbolic link Polku did not make (to " + linkTarget() + "); Polku replaces its output link on "
                        + "every run and would replace this one: remove it or choose another output");
            }
        } else if (Files.isRegularFile(link)) {
            throw unusable("is a regular file, not a folder: choose another output");
        } else if (Files.isDirectory(link) && !isEmpty(link) && !Files.isRegularFile(link.resolve(Manifest.FILE))) {
            throw unusable("is a folder with other files in it and not a Polku output (no " + Manifest.FILE
                    + "); Polku would mix its outputs with them: choose a new or empty folder");
        } else if (Files.exists(link) && !Files.isDirectory(link)) {
            throw unusable("exists and is neither a folder nor a link: choose another output");
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw unusable("cannot be written: " + OsReason.of(e) + " (" + failedPath(e) + ")");
        }
    }

    @Override
    public Path begin(String runId) {
        try {
            Files.createDirectories(home.resolve("runs"));
            acquire();
            java.nio.file.Path keep = currentTarget();
            removeRunsExcept(keep, previousOf(keep));
            java.nio.file.Path version = home.resolve("runs").resolve(runId);
            Files.createDirectories(version);
            return local(version);
        } catch (IOException e) {
            release();
            throw new UncheckedIOException("output " + location + ": cannot start a new version: " + e.getMessage(), e);
        }
    }

    @Override
    public void carryOver(Path version, String table) {
        java.nio.file.Path from = current().map(LinkedVersionStore::nio).orElseThrow().resolve(table);
        java.nio.file.Path to = nio(version).resolve(table);
        try (Stream<java.nio.file.Path> files = Files.walk(from)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                java.nio.file.Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, f); // versions share unchanged files: no copy, no extra space
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("output " + location + ": cannot carry over " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(Path version) {
        try {
            java.nio.file.Path target = nio(version);
            check(); // again: something may have been put there while the run worked
            java.nio.file.Path previous = currentTarget();
            if (!Files.isSymbolicLink(link) && Files.exists(link)) {
                adoptPlainFolder();
            }
            java.nio.file.Path temp = link.resolveSibling("." + link.getFileName() + ".link-" + target.getFileName());
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, link.getParent().relativize(target));
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeRunsExcept(target, previous);
        } catch (IOException e) {
            throw unusable("cannot publish: " + OsReason.of(e) + " (" + failedPath(e) + ")");
        } finally {
            release();
        }
    }

    @Override
    public void abandon(Path version) {
        try {
            deleteTree(nio(version));
        } catch (IOException e) {
            // Removed by the next run; the failure that brought us here matters more.
        } finally {
            release();
        }
    }

    @Override
    public void writeText(Path version, String name, String text) {
        try {
            java.nio.file.Path target = nio(version).resolve(name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("output " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeBytes(Path version, String name, byte[] bytes) {
        try {
            java.nio.file.Path target = nio(version).resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("output " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> readText(Path version, String name) {
        java.nio.file.Path p = nio(version).resolve(name);
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void recordLastRun(String json) {
        java.nio.file.Path temp = null;
        try {
            Files.createDirectories(home);
            // A temporary file of its own: the run and its interruption hook (or a run and a busy one) may record at
            // once; a shared temporary name let one writer move or truncate the other's file. (Not createTempFile: its
            // owner-only permissions would pass to the record that monitoring reads.)
            temp = home.resolve(LAST_RUN + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, home.resolve(LAST_RUN), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("output " + location + ": cannot record the run: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the record's own failure is what the caller reports
            }
        }
    }

    /** A plain folder where the link should be: a Polku output of an older layout is adopted as a version. */
    private void adoptPlainFolder() throws IOException {
        boolean empty;
        try (Stream<java.nio.file.Path> s = Files.list(link)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) {
            Files.delete(link);
        } else if (Files.isRegularFile(link.resolve(Manifest.FILE))) {
            Files.move(link, home.resolve("runs").resolve("adopted-" + System.currentTimeMillis()));
        } else {
            throw unusable("is a folder with other files in it and not a Polku output; choose a new or empty folder");
        }
    }

    /** Whether the link at the output is Polku's own: one pointing into {@code .NAME.polku/runs}. */
    private boolean ownLink() {
        java.nio.file.Path target = linkTarget();
        return target != null && link.getParent().resolve(target).normalize().startsWith(home.resolve("runs"));
    }

    private java.nio.file.Path linkTarget() {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            return null;
        }
    }

    /** The version the link points to, or null (no link, or Polku's own link whose version was deleted by hand). */
    private java.nio.file.Path currentTarget() {
        try {
            return Files.isSymbolicLink(link) ? link.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void checkLength(String name, int max) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            throw unusable("the name '" + name.substring(0, 20) + "…' is " + bytes + " bytes long; file systems allow " + NAME_MAX
                    + (max < NAME_MAX ? " and Polku keeps its versions beside it in .NAME.polku, so at most " + max : "")
                    + ": choose a shorter name");
        }
    }

    private static boolean isEmpty(java.nio.file.Path folder) {
        try (Stream<java.nio.file.Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String failedPath(IOException e) {
        return e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : "";
    }

    private OutputUnusable unusable(String what) {
        return new OutputUnusable("output " + location + " " + what);
    }

    private java.nio.file.Path previousOf(java.nio.file.Path current) throws IOException {
        if (current == null) {
            return null;
        }
        java.nio.file.Path previous = null;
        for (java.nio.file.Path run : runs()) {
            if (run.getFileName().toString().compareTo(current.getFileName().toString()) < 0) {
                previous = run;
            }
        }
        return previous;
    }

    private void removeRunsExcept(java.nio.file.Path keep, java.nio.file.Path alsoKeep) throws IOException {
        for (java.nio.file.Path run : runs()) {
            if (!run.equals(keep) && !run.equals(alsoKeep)) {
                deleteTree(run);
            }
        }
    }

    /** Version folders, oldest first (run ids start with a UTC timestamp). */
    private List<java.nio.file.Path> runs() throws IOException {
        List<java.nio.file.Path> runs = new ArrayList<>();
        try (Stream<java.nio.file.Path> s = Files.list(home.resolve("runs"))) {
            s.map(p -> {
                try {
                    return p.toRealPath();
                } catch (IOException e) {
                    return p;
                }
            }).sorted().forEach(runs::add);
        }
        return runs;
    }

    private void acquire() throws IOException {
        lockChannel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new OutputBusy("output " + location + " is being written by another run; try again when it ends");
        }
    }

    private void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
        lock = null;
        lockChannel = null;
    }

    private static void deleteTree(java.nio.file.Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<java.nio.file.Path> s = Files.walk(root)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path local(java.nio.file.Path p) {
        return new Path(p.toUri());
    }

    private static java.nio.file.Path nio(Path p) {
        return java.nio.file.Path.of(p.toUri().getPath());
    }
}
