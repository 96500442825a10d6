package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config's {@code sotkanet:} section: which indicators to pull (by id or by a title search), for which
 * years and region category, where to write them, and how patiently to ask.
 *
 * @param indicators     the indicators, each mapped to Polku's indicator name and age group
 * @param firstYear      first year requested
 * @param lastYear       last year requested
 * @param regionCategory Sotkanet's region category ({@code HYVINVOINTIALUE}: wellbeing services counties)
 * @param output         folder for the raw responses, the metadata and {@code sotkanet_long.csv}
 * @param cache          folder of cached responses, keyed by request
 * @param baseUrl        the REST API's base, ending in a slash
 * @param timeoutSeconds per request
 * @param retries        attempts after the first, on 5xx, timeouts and network errors
 * @param yearsPerRequest years asked in one request (longer spans are paged)
 * @param refreshYears   the most recent years fetched again on every online run (THL revises them)
 */
public record SotkanetSettings(List<Indicator> indicators, int firstYear, int lastYear, String regionCategory, Path output,
                               Path cache, URI baseUrl, int timeoutSeconds, int retries, int yearsPerRequest,
                               int refreshYears) implements Serializable {
    /** The file {@code polku run} adds to {@code inputs.region_statistics}. */
    public static final String TABLE = "sotkanet_long.csv";

    /**
     * One indicator: by Sotkanet id or by a title search (exactly one match required).
     *
     * @param per the value's base when it is a rate (e.g. 1000): the population is then absValue × per / value
     */
    public record Indicator(Integer id, String title, String indicator, String ageGroup, Integer per) implements Serializable {
    }

    private static final Set<String> KEYS = Set.of("indicators", "years", "region_category", "output", "cache", "base_url",
            "timeout_seconds", "retries", "years_per_request", "refresh_years");
    private static final Set<String> INDICATOR_KEYS = Set.of("id", "title", "indicator", "age_group", "per");

    /** Reads the section; relative folders resolve against the config's folder. */
    public static SotkanetSettings read(String name, JsonNode node, Path folder) {
        if (!node.isObject()) {
            throw new ConfigError("config " + name + ": key 'sotkanet' must be a mapping of " + new TreeSet<>(KEYS));
        }
        keys(name, "sotkanet.", node, KEYS);
        JsonNode list = node.get("indicators");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigError("config " + name + ": key 'sotkanet.indicators' must list at least one {id or title, indicator, age_group}");
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "sotkanet.indicators[" + (i + 1) + "]";
            JsonNode item = list.get(i);
            keys(name, key + ".", item, INDICATOR_KEYS);
            boolean byId = item.has("id");
            if (byId == item.has("title")) {
                throw new ConfigError("config " + name + ": key '" + key + "' needs exactly one of id and title");
            }
            if (byId && !item.get("id").canConvertToInt()) {
                throw new ConfigError("config " + name + ": key '" + key + ".id' must be a Sotkanet indicator id (a whole number)");
            }
            indicators.add(new Indicator(byId ? item.get("id").asInt() : null, byId ? null : text(name, key + ".title", item.get("title")),
                    text(name, key + ".indicator", item.get("indicator")), text(name, key + ".age_group", item.get("age_group")),
                    item.has("per") ? whole(name, key + ".per", item.get("per"), 1, 1_000_000) : null));
        }
        String years = text(name, "sotkanet.years", node.get("years"));
        if (!years.matches("\\d{4}-\\d{4}|\\d{4}")) {
            throw new ConfigError("config " + name + ": key 'sotkanet.years' must be a year or a span like 2015-2025, was '" + years + "'");
        }
        int first = Integer.parseInt(years.substring(0, 4));
        int last = Integer.parseInt(years.substring(years.length() - 4));
        if (last < first || first < 1990) {
            throw new ConfigError("config " + name + ": key 'sotkanet.years' must run forward from 1990 or later, was '" + years + "'");
        }
        Path output = folder.resolve(text(name, "sotkanet.output", node.get("output"))).normalize();
        Path cache = node.has("cache") ? folder.resolve(text(name, "sotkanet.cache", node.get("cache"))).normalize()
                : output.resolve("cache");
        String base = node.has("base_url") ? text(name, "sotkanet.base_url", node.get("base_url")) : "https://sotkanet.fi/rest/1.1/";
        URI baseUrl;
        try {
            baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        } catch (IllegalArgumentException e) {
            throw new ConfigError("config " + name + ": key 'sotkanet.base_url' is not a URL: " + base);
        }
        return new SotkanetSettings(List.copyOf(indicators), first, last,
                node.has("region_category") ? text(name, "sotkanet.region_category", node.get("region_category")) : "HYVINVOINTIALUE",
                output, cache, baseUrl,
                node.has("timeout_seconds") ? whole(name, "sotkanet.timeout_seconds", node.get("timeout_seconds"), 1, 600) : 30,
                node.has("retries") ? whole(name, "sotkanet.retries", node.get("retries"), 0, 10) : 3,
                node.has("years_per_request") ? whole(name, "sotkanet.years_per_request", node.get("years_per_request"), 1, 50) : 10,
                node.has("refresh_years") ? whole(name, "sotkanet.refresh_years", node.get("refresh_years"), 0, 50) : 2);
    }

    private static void keys(String name, String prefix, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new ConfigError("config " + name + ": key '" + prefix.substring(0, prefix.length() - 1) + "' must be a mapping");
        }
        RunConfig.checkKeys(name, prefix, node, allowed);
    }

    private static String text(String name, String key, JsonNode v) {
        return RunConfig.text(name, key, v);
    }

    private static int whole(String name, String key, JsonNode v, int min, int max) {
        return (int) RunConfig.number(name, key, v, min, max, true);
    }
}
