package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;
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
 * @param language the language of the status columns' {@code _detail} explanations (in every format), from the
 *                 codebook's {@code codebook_details.csv}
 */
public record ExportSettings(int k, Dates dates, Licence licence, Language language) implements Serializable {
    /** Date coarsening. */
    public enum Dates {
        MONTH,
        TERM;

        /** The config spelling. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The language of the export's explanation texts. */
    public enum Language {
        FI,
        EN;

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

    private static final Set<String> KEYS = Set.of("k", "dates", "licence", "language");
    private static final Set<String> LICENCE_KEYS = Set.of("name", "title", "path");

    /** The defaults: k = 5, months, no licence named, Finnish explanations (the dataset is for Finnish students). */
    public static ExportSettings defaults() {
        return new ExportSettings(5, Dates.MONTH, null, Language.FI);
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
        Dates dates = node.has("dates") ? choice(name, "dates", node, Dates.class) : defaults().dates();
        Language language = node.has("language") ? choice(name, "language", node, Language.class) : defaults().language();
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
        return new ExportSettings(k, dates, licence, language);
    }

    /** The value of {@code export.<key>}, one of the enum's constants in lower case. */
    private static <E extends Enum<E>> E choice(String name, String key, JsonNode node, Class<E> type) {
        String d = RunConfig.text(name, "export." + key, node.get(key)).toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, d);
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            throw new ConfigError("config " + name + ": key 'export." + key + "' must be one of " + allowed + ", was '"
                    + d.toLowerCase(Locale.ROOT) + "'");
        }
    }
}
