package fi.polku.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.polku.change.ChangeNorms;
import fi.polku.change.ChangeSettings;
import fi.polku.change.ClinicalRange;
import fi.polku.change.RciMethod;
import fi.polku.change.ReliabilitySource;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.report.Messages;
import fi.polku.region.RegionTable;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;

/**
 * A run's configuration, read from one YAML file. Every key is checked: an unknown key, a missing
 * required key or a value of the wrong kind is an error naming the key. Relative paths resolve against the
 * config file's folder; URIs with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:}) are kept.
 *
 * @param projectLabel the project's name, shown in outputs: one text or one per language ({@link Label})
 * @param inputs  dataset → paths or globs
 * @param output  the output root
 * @param asOf    the date after which a measurement date counts as "in the future" (default: today)
 * @param change  how client change is judged ({@code rci_method} and the {@code change:} section)
 * @param lifeSituationReliability the 3X10D reliability to assess reliable change with, or null ("not
 *                assessed": the measure has no published reliability)
 * @param regions    the project's (treated) regions and their start dates
 * @param comparison the comparison regions' codes, or empty for "all other regions"
 * @param breaks     structural breaks of the statistics, shown beside every estimate they cross
 * @param unitCosts  the cost of one counted event per indicator, each with its source (cost offset)
 * @param outcomes   how region outcomes are cut, protected and checked against targets
 * @param language   the report's language (Finnish by default)
 * @param sotkanet   what to pull from THL's Sotkanet before the run, or null
 * @param export     how {@code polku export} protects and labels the student dataset
 * @param ingest     how input files are cut into parallel parse tasks
 * @param effects    how region and project effects are inferred ({@code its}, {@code project_effects})
 * @param variation  how between-area variation is analysed (funnel plots, variation by year and its trend)
 * @param consoleLanguage the language of the console's closing lines: {@code language} when the config sets it, else English
 */
public record RunConfig(Path file, String sha256, Label projectLabel, Map<String, List<String>> inputs, String output,
                        LocalDate asOf, ChangeSettings change, Double lifeSituationReliability,
                        List<TreatedRegion> regions, List<String> comparison, List<Break> breaks,
                        List<UnitCost> unitCosts, OutcomeSettings outcomes, Messages.Language language,
                        SotkanetSettings sotkanet, ExportSettings export, IngestSettings ingest,
                        EffectSettings effects, VariationSettings variation, Messages.Language consoleLanguage) {

    /** The project's name for logs, the manifest and files: see {@link Label#text()}. */
    public String project() {
        return projectLabel.text();
    }

    /** What one counted event of an indicator costs (e.g. one emergency placement), and where that figure is from. */
    public record UnitCost(String indicator, double euros, Label source) implements java.io.Serializable {
    }

    /** A project region and the date the project started there. */
    public record TreatedRegion(String region, LocalDate start) implements java.io.Serializable {
    }

    /** A structural break: the date a series' definition or counting changed. */
    public record Break(LocalDate date, Label label) implements java.io.Serializable {
    }

    /** The input datasets a config may name. */
    public static final Set<String> DATASETS = Set.of("fit_sessions", "life_situation", "region_statistics", "populations");
    private static final Set<String> KEYS = keys();
    private static final Set<String> CHANGE_KEYS = Set.of("reliability", "fallback", "sd_source", "at_cutoff",
            "min_sample_cases", "life_situation_reliability");
    private static final Set<String> RELIABILITIES = Set.of("alpha", "test_retest", "alpha_clinical", "sample_alpha");
    private static final Set<String> REQUIRED = Set.of("project", "inputs", "output");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private static Set<String> keys() {
        Set<String> keys = new TreeSet<>(Set.of("project", "inputs", "output", "as_of", "rci_method", "change", "regions",
                "comparison", "breaks", "unit_costs", "language", "sotkanet", "export", "ingest", "variation"));
        keys.addAll(OutcomeSettings.KEYS);
        keys.addAll(EffectSettings.KEYS);
        return Set.copyOf(keys);
    }

    /** Reads and checks a config file. */
    public static RunConfig load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigError("config " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        String name = file.getFileName().toString();
        JsonNode root = parse(file, name, bytes);
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
        Label project = Label.read(name, "project", root.get("project"));
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
        SotkanetSettings sotkanet = root.has("sotkanet") ? SotkanetSettings.read(name, root.get("sotkanet"), folder) : null;
        if (sotkanet != null) {
            // What the pull writes is read like any other statistics file.
            String pulled = sotkanet.output().resolve(SotkanetSettings.TABLE).toString();
            List<String> statistics = new ArrayList<>(inputs.getOrDefault("region_statistics", List.of()));
            if (!statistics.contains(pulled)) {
                statistics.add(pulled);
            }
            inputs.put("region_statistics", List.copyOf(statistics));
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
        ChangeSettings defaults = ChangeSettings.defaults();
        RciMethod method = root.has("rci_method")
                ? choice(name, "rci_method", root.get("rci_method"), RciMethod.class) : defaults.method();
        JsonNode change = root.has("change") ? root.get("change") : null;
        if (change != null && !change.isObject()) {
            throw new ConfigError("config " + name + ": key 'change' must be a mapping of " + new TreeSet<>(CHANGE_KEYS));
        }
        if (change != null) {
            checkKeys(name, "change.", change, CHANGE_KEYS);
        }
        ReliabilitySource reliability = change != null && change.has("reliability")
                ? ReliabilitySource.of(choice(name, "change.reliability", change.get("reliability"), RELIABILITIES))
                : defaults.reliability();
        ReliabilitySource fallback = defaults.fallback();
        if (change != null && change.has("fallback")) {
            Set<String> fallbacks = new TreeSet<>(RELIABILITIES);
            fallbacks.add("none");
            String f = choice(name, "change.fallback", change.get("fallback"), fallbacks);
            fallback = f.equals("none") ? null : ReliabilitySource.of(f);
        }
        ChangeNorms.SdSource sdSource = change != null && change.has("sd_source")
                ? choice(name, "change.sd_source", change.get("sd_source"), ChangeNorms.SdSource.class) : defaults.sdSource();
        ClinicalRange.AtCutoff atCutoff = change != null && change.has("at_cutoff")
                ? choice(name, "change.at_cutoff", change.get("at_cutoff"), ClinicalRange.AtCutoff.class) : defaults.atCutoff();
        int minCases = change != null && change.has("min_sample_cases")
                ? (int) number(name, "change.min_sample_cases", change.get("min_sample_cases"), 2, 1_000_000, true)
                : defaults.minSampleCases();
        Double lifeReliability = change != null && change.has("life_situation_reliability")
                ? number(name, "change.life_situation_reliability", change.get("life_situation_reliability"), 0.01, 0.99, false)
                : null;
        ChangeSettings settings = new ChangeSettings(method, reliability, fallback, sdSource, atCutoff, minCases);
        RegionTable table = ReferenceData.bundled().regions();
        List<TreatedRegion> regions = new ArrayList<>();
        if (root.has("regions")) {
            JsonNode list = root.get("regions");
            if (!list.isArray()) {
                throw new ConfigError("config " + name + ": key 'regions' must be a list of {region, start}");
            }
            for (int i = 0; i < list.size(); i++) {
                String key = "regions[" + (i + 1) + "]";
                JsonNode item = list.get(i);
                if (!item.isObject()) {
                    throw new ConfigError("config " + name + ": key '" + key + "' must be {region, start}");
                }
                checkKeys(name, key + ".", item, Set.of("region", "start"));
                regions.add(new TreatedRegion(region(name, key + ".region", item.get("region"), table),
                        date(name, key + ".start", item.get("start"))));
            }
        }
        List<String> comparison = new ArrayList<>();
        if (root.has("comparison") && !(root.get("comparison").isTextual() && root.get("comparison").asText().equals("all_other"))) {
            JsonNode list = root.get("comparison");
            if (!list.isArray()) {
                throw new ConfigError("config " + name + ": key 'comparison' must be all_other or a list of regions");
            }
            for (int i = 0; i < list.size(); i++) {
                comparison.add(region(name, "comparison[" + (i + 1) + "]", list.get(i), table));
            }
        }
        List<Break> breaks = new ArrayList<>();
        if (root.has("breaks")) {
            JsonNode list = root.get("breaks");
            if (!list.isArray()) {
                throw new ConfigError("config " + name + ": key 'breaks' must be a list of {date, label}");
            }
            for (int i = 0; i < list.size(); i++) {
                String key = "breaks[" + (i + 1) + "]";
                checkKeys(name, key + ".", list.get(i), Set.of("date", "label"));
                breaks.add(new Break(date(name, key + ".date", list.get(i).get("date")), Label.read(name, key + ".label", list.get(i).get("label"))));
            }
        }
        List<UnitCost> costs = new ArrayList<>();
        if (root.has("unit_costs")) {
            JsonNode list = root.get("unit_costs");
            if (!list.isArray()) {
                throw new ConfigError("config " + name + ": key 'unit_costs' must be a list of {indicator, euros, source}");
            }
            for (int i = 0; i < list.size(); i++) {
                String key = "unit_costs[" + (i + 1) + "]";
                checkKeys(name, key + ".", list.get(i), Set.of("indicator", "euros", "source"));
                costs.add(new UnitCost(text(name, key + ".indicator", list.get(i).get("indicator")),
                        number(name, key + ".euros", list.get(i).get("euros"), 0, 1e9, false),
                        Label.read(name, key + ".source", list.get(i).get("source"))));
            }
        }
        return new RunConfig(file.toAbsolutePath(), sha256(bytes), project, inputs, output, asOf, settings, lifeReliability,
                List.copyOf(regions), List.copyOf(comparison), List.copyOf(breaks), List.copyOf(costs),
                OutcomeSettings.read(name, root, table),
                root.has("language") ? choice(name, "language", root.get("language"), Messages.Language.class) : Messages.Language.FI,
                sotkanet, ExportSettings.read(name, root.get("export")), IngestSettings.read(name, root.get("ingest")),
                EffectSettings.read(name, root), VariationSettings.read(name, root.get("variation")),
                root.has("language") ? choice(name, "language", root.get("language"), Messages.Language.class) : Messages.Language.EN);
    }

    /**
     * The YAML tree of a config. A key given twice in one mapping is an error naming the key and its line (YAML
     * says keys are unique; Jackson would otherwise keep the last one silently).
     */
    private static JsonNode parse(Path file, String name, byte[] bytes) {
        ObjectMapper strict = new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        try {
            return strict.readTree(bytes);
        } catch (StreamReadException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                JsonLocation at = e.getLocation();
                throw new ConfigError("config " + name + (at == null ? "" : " line " + at.getLineNr()) + ": key '" + duplicate.group(1)
                        + "' is given twice in the same section; give each key once");
            }
            throw new ConfigError("config " + file + ": not valid YAML: " + e.getMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new ConfigError("config " + file + ": not valid YAML: " + e.getMessage().split("\n")[0]);
        }
    }

    /**
     * The output a config file names, if it can be read far enough to say: for recording a failed config in that
     * output's {@code last_run.json}. Never throws.
     */
    public static Optional<String> outputOf(Path file) {
        try {
            JsonNode output = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file)).get("output");
            if (output == null || !output.isTextual() || output.asText().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(resolve(file.toAbsolutePath().getParent(), output.asText().strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String region(String name, String key, JsonNode v, RegionTable table) {
        String text = text(name, key, v);
        return table.resolve(text).orElseThrow(() -> new ConfigError("config " + name + ": key '" + key + "': '" + text
                + "' is not a region of datasets/regions.csv")).code();
    }

    private static LocalDate date(String name, String key, JsonNode v) {
        String d = text(name, key, v);
        try {
            return LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw new ConfigError("config " + name + ": key '" + key + "' must be a date like 2024-08-01, was '" + d + "'");
        }
    }

    private static <E extends Enum<E>> E choice(String name, String key, JsonNode v, Class<E> type) {
        Set<String> allowed = new TreeSet<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(java.util.Locale.ROOT));
        }
        return Enum.valueOf(type, choice(name, key, v, allowed).toUpperCase(java.util.Locale.ROOT));
    }

    private static String choice(String name, String key, JsonNode v, Set<String> allowed) {
        String text = text(name, key, v).toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(text)) {
            throw new ConfigError("config " + name + ": key '" + key + "' must be one of " + new TreeSet<>(allowed)
                    + ", was '" + text + "'");
        }
        return text;
    }

    static double number(String name, String key, JsonNode v, double min, double max, boolean whole) {
        boolean wholeOk = !whole || v != null && v.isIntegralNumber() && v.canConvertToInt();
        if (v == null || !v.isNumber() || !wholeOk || v.asDouble() < min || v.asDouble() > max) {
            throw new ConfigError("config " + name + ": key '" + key + "' must be a " + (whole ? "whole " : "")
                    + "number from " + (whole ? String.valueOf((long) min) : String.valueOf(min)) + " to "
                    + (whole ? String.valueOf((long) max) : String.valueOf(max)));
        }
        return v.asDouble();
    }

    static void checkKeys(String name, String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigError("config " + name + ": unknown key '" + prefix + key + "' (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    static String text(String name, String key, JsonNode v) {
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
