package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run's configuration, read from one YAML file. Every key is checked: an unknown key, a missing
 * required key or a value of the wrong kind is an error naming the key. Relative paths resolve against the
 * config file's folder; URIs with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:}) are kept.
 *
 * @param project the project's name, shown in outputs
 * @param inputs  dataset → paths or globs
 * @param output  the output root
 * @param asOf    the date after which a measurement date counts as "in the future" (default: today)
 */
public record RunConfig(Path file, String sha256, String project, Map<String, List<String>> inputs, String output,
                        LocalDate asOf) {

    /** The input datasets a config may name. */
    public static final Set<String> DATASETS = Set.of("fit_sessions", "life_situation", "region_statistics", "populations");
    private static final Set<String> KEYS = Set.of("project", "inputs", "output", "as_of");
    private static final Set<String> REQUIRED = Set.of("project", "inputs", "output");

    /** Reads and checks a config file. */
    public static RunConfig load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigError("config " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
        } catch (IOException e) {
            throw new ConfigError("config " + file + ": not valid YAML: " + e.getMessage().split("\n")[0]);
        }
        String name = file.getFileName().toString();
        if (root == null || !root.isObject()) {
            throw new ConfigError("config " + name + ": expected keys " + new TreeSet<>(KEYS));
        }
        checkKeys(name, "", root, KEYS);
        for (String key : REQUIRED) {
            if (!root.has(key) || root.get(key).isNull()) {
                throw new ConfigError("config " + name + ": key '" + key + "' is required");
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        String project = text(name, "project", root.get("project"));
        JsonNode inputsNode = root.get("inputs");
        if (!inputsNode.isObject()) {
            throw new ConfigError("config " + name + ": key 'inputs' must map datasets to paths");
        }
        checkKeys(name, "inputs.", inputsNode, DATASETS);
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (Iterator<String> it = inputsNode.fieldNames(); it.hasNext(); ) {
            String dataset = it.next();
            List<String> paths = new ArrayList<>();
            JsonNode v = inputsNode.get(dataset);
            if (v.isArray()) {
                for (JsonNode item : v) {
                    paths.add(resolve(folder, text(name, "inputs." + dataset, item)));
                }
            } else {
                paths.add(resolve(folder, text(name, "inputs." + dataset, v)));
            }
            inputs.put(dataset, List.copyOf(paths));
        }
        String output = resolve(folder, text(name, "output", root.get("output")));
        LocalDate asOf = LocalDate.now();
        if (root.has("as_of")) {
            String d = text(name, "as_of", root.get("as_of"));
            try {
                asOf = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new ConfigError("config " + name + ": key 'as_of' must be a date like 2026-06-30, was '" + d + "'");
            }
        }
        return new RunConfig(file.toAbsolutePath(), sha256(bytes), project, inputs, output, asOf);
    }

    private static void checkKeys(String name, String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigError("config " + name + ": unknown key '" + prefix + key + "' (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(String name, String key, JsonNode v) {
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw new ConfigError("config " + name + ": key '" + key + "' must be a non-empty text value");
        }
        return v.asText().strip();
    }

    private static String resolve(Path folder, String location) {
        if (location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return URI.create(location).toString();
        }
        return folder.resolve(location).normalize().toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
