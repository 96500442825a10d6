package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.region.AreaLevel;
import fi.polku.variation.Overdispersion;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config's {@code variation:} section: at which area levels between-area variation is analysed, how funnel
 * limits allow for overdispersion, and how the variation's intervals are made.
 *
 * @param levels         the levels analysed ({@code level: county | municipality | both}; default both — a level
 *                       without data is skipped)
 * @param overdispersion none, multiplicative or additive (default additive, Spiegelhalter 2005)
 * @param winsorise      fraction of z-scores winsorised in each tail before φ is estimated (default 0.1)
 * @param replicates     parametric-bootstrap replicates per year (default 999); the seed is the config's {@code seed}
 * @param minAreas       fewest areas a funnel or a year's variation needs (default 3)
 */
public record VariationSettings(Set<AreaLevel> levels, Overdispersion overdispersion, double winsorise, int replicates,
                                int minAreas) implements Serializable {
    static final Set<String> KEYS = Set.of("level", "overdispersion", "winsorise", "replicates", "min_areas");

    /** Both levels, additive overdispersion, 10 % winsorisation, 999 replicates, at least 3 areas. */
    public static VariationSettings defaults() {
        return new VariationSettings(EnumSet.allOf(AreaLevel.class), Overdispersion.ADDITIVE, 0.1, 999, 3);
    }

    static VariationSettings read(String name, JsonNode node) {
        VariationSettings d = defaults();
        if (node == null) {
            return d;
        }
        if (!node.isObject()) {
            throw new ConfigError("config " + name + ": key 'variation' must be a mapping of " + new TreeSet<>(KEYS));
        }
        RunConfig.checkKeys(name, "variation.", node, KEYS);
        Set<AreaLevel> levels = d.levels();
        if (node.has("level")) {
            String l = RunConfig.text(name, "variation.level", node.get("level")).toLowerCase(Locale.ROOT);
            levels = switch (l) {
                case "both" -> EnumSet.allOf(AreaLevel.class);
                case "county" -> EnumSet.of(AreaLevel.COUNTY);
                case "municipality" -> EnumSet.of(AreaLevel.MUNICIPALITY);
                default -> throw new ConfigError("config " + name + ": key 'variation.level' must be one of [both, county,"
                        + " municipality], was '" + l + "'");
            };
        }
        Overdispersion od = d.overdispersion();
        if (node.has("overdispersion")) {
            try {
                od = Overdispersion.parse(RunConfig.text(name, "variation.overdispersion", node.get("overdispersion")));
            } catch (IllegalArgumentException e) {
                throw new ConfigError("config " + name + ": key 'variation.overdispersion': " + e.getMessage());
            }
        }
        double winsorise = node.has("winsorise") ? RunConfig.number(name, "variation.winsorise", node.get("winsorise"), 0, 0.45, false)
                : d.winsorise();
        int replicates = node.has("replicates")
                ? (int) RunConfig.number(name, "variation.replicates", node.get("replicates"), 100, 100_000, true) : d.replicates();
        int minAreas = node.has("min_areas")
                ? (int) RunConfig.number(name, "variation.min_areas", node.get("min_areas"), 3, 10_000, true) : d.minAreas();
        return new VariationSettings(Set.copyOf(levels), od, winsorise, replicates, minAreas);
    }
}
