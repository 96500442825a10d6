package fi.polku.jobs.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a run read (files with checksums, detected formats, row counts), what it
 * wrote, with which versions and settings, and what it warned about. Timestamps and the run id are the
 * only parts that differ between two runs over the same inputs.
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
        Map<String, Long> tables,
        List<String> warnings) {

    /** The manifest's file name under the output root. */
    public static final String FILE = "manifest.json";

    /**
     * One input file.
     *
     * @param format what was detected, in words
     */
    public record Input(String dataset, String file, String path, String sha256, long bytes, String format,
                        boolean synthetic, List<String> ignoredColumns, long rowsIn, long clean, long quarantined) {
    }

    /** The manifest as indented JSON with snake_case keys. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        try {
            return mapper.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be written as JSON", e);
        }
    }
}
