package fi.polku.jobs.sotkanet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.jobs.config.SotkanetSettings;
import fi.polku.region.RegionTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code polku sotkanet pull}: the configured indicators for the configured years and region category, fetched
 * from Sotkanet and written to the settings' output folder as {@code sotkanet_long.csv} (the long format the
 * statistics job reads, regions by official code), {@code metadata.json} (indicator metadata, licence,
 * retrieval) and {@code raw/} (every answer as received). Region ids are resolved from {@code /regions} by
 * category and official code on every pull, never taken from a table (Sotkanet has renumbered them). Everything is
 * fetched before anything is written, so a failure leaves the previous files as they were.
 */
public final class SotkanetPull {
    public static final String SOURCE = "THL, Sotkanet";
    public static final String LICENCE = "CC BY 4.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Sotkanet's region category of municipalities; every other category is read as counties. */
    public static final String MUNICIPALITIES = "KUNTA";

    private final SotkanetSettings settings;
    private final SotkanetClient client;
    private final RegionTable regions;
    private final RegionTable municipalities;
    private final PrintStream log;

    /**
     * A pull of the settings' indicators.
     *
     * @param regions        the counties of {@code regions.csv} (region category {@code HYVINVOINTIALUE} and others)
     * @param municipalities the municipalities of {@code municipalities.csv} (region category {@code KUNTA})
     */
    public SotkanetPull(SotkanetSettings settings, boolean offline, RegionTable regions, RegionTable municipalities,
                        PrintStream log) {
        this.settings = settings;
        this.client = new SotkanetClient(settings, offline, log);
        this.regions = regions;
        this.municipalities = municipalities;
        this.log = log;
    }

    /** What a pull wrote. */
    public record Result(Path table, long rows, Map<String, Long> skipped, List<String> indicators) {
    }

    /** Pulls everything or throws {@link SotkanetFailure}, writing nothing. */
    public Result run() {
        Map<Integer, String> regionCodes = regionCodes();
        Map<String, String> raw = new LinkedHashMap<>();
        ArrayNode metadata = JSON.createArrayNode();
        List<List<String>> lines = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        List<String> pulled = new ArrayList<>();
        for (SotkanetSettings.Indicator wanted : settings.indicators()) {
            JsonNode meta = indicator(wanted);
            int id = meta.path("id").asInt();
            ObjectNode m = metadata.addObject();
            m.put("id", id).put("polku_indicator", wanted.indicator()).put("age_group", wanted.ageGroup());
            m.set("title", meta.path("title"));
            for (String field : List.of("unit", "decimals", "range", "data-updated", "updated")) {
                if (meta.has(field)) {
                    m.set(field, meta.get(field));
                }
            }
            if (wanted.per() != null) {
                m.put("population_derived_as", "absValue × " + wanted.per() + " / value");
            }
            pulled.add(id + " " + meta.path("title").path("fi").asText("") + " → " + wanted.indicator() + " " + wanted.ageGroup());
            for (int from = settings.firstYear(); from <= settings.lastYear(); from += settings.yearsPerRequest()) {
                int to = Math.min(settings.lastYear(), from + settings.yearsPerRequest() - 1);
                StringBuilder query = new StringBuilder("json?indicator=").append(id);
                for (int y = from; y <= to; y++) {
                    query.append("&years=").append(y);
                }
                query.append("&genders=total");
                boolean fresh = to > settings.lastYear() - settings.refreshYears();
                SotkanetClient.Answer answer = client.get(query.toString(), fresh);
                if (answer == null || !answer.json().isArray()) {
                    throw new SotkanetFailure("data of indicator " + id + " for " + from + "–" + to + ": "
                            + (answer == null ? "not found (404)" : "not a JSON array of observations"));
                }
                raw.put(id + "-" + from + "-" + to + ".json", answer.text());
                for (JsonNode o : answer.json()) {
                    List<String> line = line(o, wanted, regionCodes, skipped);
                    if (line != null) {
                        lines.add(line);
                    }
                }
            }
        }
        lines.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        Path table = write(lines, raw, metadata, skipped);
        return new Result(table, lines.size(), skipped, pulled);
    }

    /** Sotkanet region id → official code, for the configured category, from /regions. */
    private Map<Integer, String> regionCodes() {
        SotkanetClient.Answer answer = client.get("regions", true);
        if (answer == null || !answer.json().isArray()) {
            throw new SotkanetFailure(settings.baseUrl().resolve("regions") + ": no region list (404 or not an array)");
        }
        Map<Integer, String> codes = new TreeMap<>();
        boolean municipal = MUNICIPALITIES.equalsIgnoreCase(settings.regionCategory());
        RegionTable table = municipal ? municipalities : regions;
        String width = municipal ? "%3s" : "%2s";
        for (JsonNode r : answer.json()) {
            if (settings.regionCategory().equalsIgnoreCase(r.path("category").asText())) {
                String code = r.path("code").asText();
                String padded = String.format(width, code).replace(' ', '0');
                if (table.byCode(padded).isPresent()) {
                    codes.put(r.path("id").asInt(), padded);
                } else {
                    log.println("    sotkanet: region " + code + " (" + r.path("title").path("fi").asText() + ") of category "
                            + settings.regionCategory() + " is not in datasets/" + (municipal ? "municipalities" : "regions")
                            + ".csv: its rows are left out");
                }
            }
        }
        if (codes.isEmpty()) {
            throw new SotkanetFailure("no regions of category " + settings.regionCategory() + " in "
                    + settings.baseUrl().resolve("regions") + " (key sotkanet.region_category)");
        }
        return codes;
    }

    private JsonNode indicator(SotkanetSettings.Indicator wanted) {
        if (wanted.id() != null) {
            SotkanetClient.Answer answer = client.get("indicators/" + wanted.id(), true);
            if (answer == null) {
                throw new SotkanetFailure("unknown Sotkanet indicator id " + wanted.id() + " (404 from "
                        + settings.baseUrl().resolve("indicators/" + wanted.id()) + "): check sotkanet.indicators");
            }
            return answer.json();
        }
        SotkanetClient.Answer all = client.get("indicators", true);
        if (all == null || !all.json().isArray()) {
            throw new SotkanetFailure(settings.baseUrl().resolve("indicators") + ": no indicator list");
        }
        String needle = wanted.title().toLowerCase(Locale.ROOT);
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode i : all.json()) {
            JsonNode t = i.path("title");
            for (String lang : List.of("fi", "sv", "en")) {
                if (t.path(lang).asText("").toLowerCase(Locale.ROOT).contains(needle)) {
                    matches.add(i);
                    break;
                }
            }
        }
        if (matches.size() != 1) {
            List<String> names = matches.stream().limit(10).map(i -> i.path("id").asText() + " " + i.path("title").path("fi").asText()).toList();
            throw new SotkanetFailure("the title search '" + wanted.title() + "' matched " + matches.size() + " indicators"
                    + (names.isEmpty() ? "" : ": " + String.join("; ", names)) + " — name one by id");
        }
        SotkanetClient.Answer one = client.get("indicators/" + matches.get(0).path("id").asInt(), true);
        return one == null ? matches.get(0) : one.json();
    }

    private static List<String> line(JsonNode o, SotkanetSettings.Indicator wanted, Map<Integer, String> regionCodes, Map<String, Long> skipped) {
        if (!"total".equalsIgnoreCase(o.path("gender").asText("total"))) {
            skipped.merge("gender not total", 1L, Long::sum);
            return null;
        }
        String region = regionCodes.get(o.path("region").asInt(-1));
        if (region == null) {
            skipped.merge("region of another category", 1L, Long::sum);
            return null;
        }
        if (!o.hasNonNull("absValue")) {
            skipped.merge("no absValue (suppressed or not published)", 1L, Long::sum);
            return null;
        }
        long count = Math.round(o.get("absValue").asDouble());
        String population = "";
        String value = o.hasNonNull("value") ? o.get("value").asText() : "";
        if (wanted.per() != null && o.hasNonNull("value") && o.get("value").asDouble() > 0) {
            population = Long.toString(Math.round(count * (double) wanted.per() / o.get("value").asDouble()));
        }
        return List.of(region, o.path("year").asText(), wanted.indicator(), wanted.ageGroup(), Long.toString(count), population,
                value, SOURCE);
    }

    private Path write(List<List<String>> lines, Map<String, String> raw, ArrayNode metadata, Map<String, Long> skipped) {
        Path out = settings.output();
        try {
            Files.createDirectories(out.resolve("raw"));
            for (Map.Entry<String, String> r : raw.entrySet()) {
                replace(out.resolve("raw").resolve(r.getKey()), r.getValue());
            }
            ObjectNode meta = JSON.createObjectNode();
            meta.put("source", SOURCE).put("licence", LICENCE).put("attribution", SOURCE)
                    .put("retrieved_at", Instant.now().toString()).put("base_url", settings.baseUrl().toString())
                    .put("region_category", settings.regionCategory())
                    .put("years", settings.firstYear() + "-" + settings.lastYear()).put("rows", lines.size());
            meta.set("indicators", metadata);
            meta.set("skipped", JSON.valueToTree(skipped));
            replace(out.resolve("metadata.json"), JSON.writeValueAsString(meta));
            StringBuilder csv = new StringBuilder("# Source: " + SOURCE + " (" + LICENCE + "), pulled by polku sotkanet pull"
                    + " from " + settings.baseUrl() + "; metadata.json says which indicators and when\n");
            try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                printer.printRecord("region", "period", "indicator", "age_group", "count", "population", "value", "source");
                for (List<String> line : lines) {
                    printer.printRecord(line);
                }
            }
            Path table = out.resolve(SotkanetSettings.TABLE);
            replace(table, csv.toString());
            return table;
        } catch (IOException e) {
            throw new SotkanetFailure("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".part-", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
