package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config's {@code ingest:} section: how input files are cut into parallel parse tasks.
 *
 * @param splitBytes about how many bytes of one file a parse (and identity-screen) task takes at most; a file is cut
 *                   only at the start of a record, never inside one, so a task may take a little more, and a big file
 *                   gets at least two ranges per core (see {@code InputSnapshot.split})
 */
public record IngestSettings(long splitBytes) implements Serializable {
    /** 64 MiB: a 1 GB export is 16 tasks, every core and executor busy; small files are one task. */
    public static final long DEFAULT_SPLIT_BYTES = 64L << 20;

    private static final Set<String> KEYS = Set.of("split_bytes");

    /** The defaults: 64 MiB splits. */
    public static IngestSettings defaults() {
        return new IngestSettings(DEFAULT_SPLIT_BYTES);
    }

    static IngestSettings read(String name, JsonNode node) {
        if (node == null) {
            return defaults();
        }
        if (!node.isObject()) {
            throw new ConfigError("config " + name + ": key 'ingest' must be a mapping of " + new TreeSet<>(KEYS));
        }
        RunConfig.checkKeys(name, "ingest.", node, KEYS);
        long split = node.has("split_bytes")
                ? (long) RunConfig.number(name, "ingest.split_bytes", node.get("split_bytes"), 1, 1L << 40, true)
                : DEFAULT_SPLIT_BYTES;
        return new IngestSettings(split);
    }
}
