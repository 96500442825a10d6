package fi.polku.jobs.output;

import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Where a run's outputs live, and how a complete set of them replaces the previous one. A run writes every
 * table into a fresh version folder; {@link #publish} makes that version the visible one. Until then the
 * previous outputs stay exactly as they were, whatever happens to the run.
 */
public interface OutputStore {

    /** The output location as configured. */
    String location();

    /** The root of the currently published version, if any run has published one. */
    Optional<Path> current();

    /**
     * Checks, before any heavy work, that the location can hold Polku's outputs: not a regular file, not a
     * folder with other content, not a symbolic link Polku did not make, names the file system accepts, a
     * parent that can be written.
     *
     * @throws OutputUnusable naming the path and the reason (the operating system's, where it gave one)
     */
    void check();

    /**
     * Starts a new version: a writable folder for this run's tables. Stale folders of killed runs are
     * removed first.
     *
     * @throws OutputBusy when another run is writing to the same output
     */
    Path begin(String runId);

    /** Brings an unchanged table of the current version into the new one (a stage run on its own). */
    void carryOver(Path version, String table);

    /** Makes a complete version the visible one, and releases the output. */
    void publish(Path version);

    /** Drops an incomplete version after a failure, and releases the output; the previous outputs stay. */
    void abandon(Path version);

    /** Writes a small UTF-8 file into a version. */
    void writeText(Path version, String name, String text);

    /** Reads a small UTF-8 file of a version, if present. */
    Optional<String> readText(Path version, String name);

    /** Records the outcome of the latest run (complete, skipped or failed) beside the outputs. */
    void recordLastRun(String json);

    /**
     * The store for a location: on the local file system, versions behind a symbolic link swapped in one
     * atomic rename; on other Hadoop file systems, entries swapped one by one (see {@link SwappingStore}).
     */
    static OutputStore at(String location, Configuration hadoop) {
        Path p = new Path(location);
        String scheme = p.toUri().getScheme();
        return scheme == null || scheme.equals("file") ? LinkedVersionStore.at(location) : SwappingStore.at(location, hadoop);
    }
}
