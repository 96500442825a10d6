package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config's {@code export:} section: how {@code polku export} protects and labels the student dataset.
 *
 * @param k       every published (region, age band) combination is shared by at least k episodes
 * @param dates   how dates are coarsened: {@code month} ({@code 2025-03}) or {@code term} ({@code 2025-spring})
 * @param licence the dataset's licence, or null: then synthetic data get CC BY 4.0 and real data are refused
 *                (the data controller decides the terms of real data, Polku cannot)
 */
public record ExportSettings(int k, Dates dates, Licence licence) implements Serializable {
    /** Date coarsening. */
    public enum Dates {
        MONTH,
        TERM;

        /** The config spelling. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A licence as the Frictionless Data Package spec names one: SPDX-style id, title and where its text is. */
    public record Licence(String name, String title, String path) implements Serializable {
        /** The licence of synthetic demo data. */
        public static final Licence CC_BY_4_0 = new Licence("CC-BY-4.0", "Creative Commons Attribution 4.0",
                "https://creativecommons.org/licenses/by/4.0/");
    }

    private static final Set<String> KEYS = Set.of("k", "dates", "licence");
    private static final Set<String> LICENCE_KEYS = Set.of("name", "title", "path");

    /** The defaults: k = 5, months, no licence named. */
    public static ExportSettings defaults() {
        return new ExportSettings(5, Dates.MONTH, null);
    }

    static ExportSettings read(String name, JsonNode node) {
        if (node == null) {
            return defaults();
        }
        if (!node.isObject()) {
            throw new ConfigError("config " + name + ": key 'export' must be a mapping of " + new TreeSet<>(KEYS));
        }
        RunConfig.checkKeys(name, "export.", node, KEYS);
        int k = node.has("k") ? (int) RunConfig.number(name, "export.k", node.get("k"), 2, 1000, true) : defaults().k();
        Dates dates = defaults().dates();
        if (node.has("dates")) {
            String d = RunConfig.text(name, "export.dates", node.get("dates")).toUpperCase(Locale.ROOT);
            try {
                dates = Dates.valueOf(d);
            } catch (IllegalArgumentException e) {
                throw new ConfigError("config " + name + ": key 'export.dates' must be one of [month, term], was '"
                        + d.toLowerCase(Locale.ROOT) + "'");
            }
        }
        Licence licence = null;
        if (node.has("licence")) {
            JsonNode l = node.get("licence");
            if (!l.isObject()) {
                throw new ConfigError("config " + name + ": key 'export.licence' must be {name, title, path}");
            }
            RunConfig.checkKeys(name, "export.licence.", l, LICENCE_KEYS);
            licence = new Licence(RunConfig.text(name, "export.licence.name", l.get("name")),
                    RunConfig.text(name, "export.licence.title", l.get("title")),
                    RunConfig.text(name, "export.licence.path", l.get("path")));
        }
        return new ExportSettings(k, dates, licence);
    }
}
