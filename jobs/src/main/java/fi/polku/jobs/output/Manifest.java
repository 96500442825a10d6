package fi.polku.jobs.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest.json}: what a run read (files with checksums, detected formats, row counts), which stages
 * ran and what each wrote, with which versions and settings, and what it warned about. Timestamps, timings
 * and the run id are the only parts that differ between two runs over the same inputs.
 */
public record Manifest(
        String polkuVersion,
        String sparkVersion,
        String javaVersion,
        String runId,
        String command,
        String startedAt,
        String finishedAt,
        String status,
        String project,
        String asOf,
        boolean synthetic,
        String configFile,
        String configSha256,
        List<Input> inputs,
        List<StageSummary> stages,
        Map<String, Long> tables,
        List<String> warnings) {

    /** The manifest's file name in every output version. */
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One input file.
     *
     * @param format what was detected, in words
     */
    public record Input(String dataset, String file, String path, String sha256, long bytes, String format,
                        boolean synthetic, List<String> ignoredColumns, long rowsIn, long clean, long quarantined) {
    }

    /** What one stage did: rows it read, wrote and rejected, and how long it took. */
    public record StageSummary(String name, long rowsIn, long rowsOut, long rejected, double seconds) {
    }

    /** The manifest as indented JSON with snake_case keys. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be written as JSON", e);
        }
    }

    /** A manifest read back, or empty when the text is not one (an older or damaged file). */
    public static Optional<Manifest> parse(String json) {
        try {
            return Optional.of(JSON.readValue(json, Manifest.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
