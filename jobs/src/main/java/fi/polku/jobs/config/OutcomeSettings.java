package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.outcome.ReportingPeriod;
import fi.polku.region.RegionTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How region outcomes are cut, protected and checked against the project's targets (config keys
 * {@code min_cell}, {@code seed}, {@code periods}, {@code bootstrap_replicates}, {@code dropout_days},
 * {@code targets}).
 *
 * @param minCell             the smallest number of cases a published estimate or count may rest on
 * @param seed                the bootstrap seed, written into every row that uses it
 * @param periods             term or year cells (plus the whole-period cell)
 * @param bootstrapReplicates replicates per bootstrap interval
 * @param dropoutDays         an episode with no meeting in this many days before {@code as_of} has ended
 * @param targets             the project's targets per region
 */
public record OutcomeSettings(int minCell, long seed, ReportingPeriod periods, int bootstrapReplicates, int dropoutDays,
                              List<Target> targets) implements Serializable {
    /** Keys this record reads from the top level of the config. */
    static final Set<String> KEYS = Set.of("min_cell", "seed", "periods", "bootstrap_replicates", "dropout_days", "targets");
    private static final Set<String> TARGET_KEYS = Set.of("region", "families", "caseload", "coverage");

    /**
     * A region's targets: families (or episodes) to reach over the project, and measurement coverage of the
     * region's child-protection caseload (e.g. Kainuu: all pilot cases and at least 10 % of other cases).
     *
     * @param families families to reach, or null
     * @param caseload the region's child-protection caseload over the project (the coverage denominator), or null
     * @param coverage share of the caseload to measure, 0–1, or null
     */
    public record Target(String region, Integer families, Integer caseload, Double coverage) implements Serializable {
    }

    /** The defaults: k = 5, seed 20240801, terms, 2 000 replicates, 90 days, no targets. */
    public static OutcomeSettings defaults() {
        return new OutcomeSettings(5, 20240801L, ReportingPeriod.TERM, 2000, 90, List.of());
    }

    static OutcomeSettings read(String name, JsonNode root, RegionTable table) {
        OutcomeSettings d = defaults();
        int minCell = root.has("min_cell") ? whole(name, "min_cell", root.get("min_cell"), 1, 1000) : d.minCell();
        long seed = root.has("seed") ? (long) whole(name, "seed", root.get("seed"), 0, Integer.MAX_VALUE) : d.seed();
        ReportingPeriod periods = d.periods();
        if (root.has("periods")) {
            String p = root.get("periods").asText("").toLowerCase(Locale.ROOT);
            try {
                periods = ReportingPeriod.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigError("config " + name + ": key 'periods' must be one of [term, year], was '" + p + "'");
            }
        }
        int replicates = root.has("bootstrap_replicates")
                ? whole(name, "bootstrap_replicates", root.get("bootstrap_replicates"), 100, 100_000) : d.bootstrapReplicates();
        int dropoutDays = root.has("dropout_days") ? whole(name, "dropout_days", root.get("dropout_days"), 1, 3650) : d.dropoutDays();
        List<Target> targets = new ArrayList<>();
        if (root.has("targets")) {
            JsonNode list = root.get("targets");
            if (!list.isArray()) {
                throw new ConfigError("config " + name + ": key 'targets' must be a list of {region, families, caseload, coverage}");
            }
            for (int i = 0; i < list.size(); i++) {
                String key = "targets[" + (i + 1) + "]";
                JsonNode item = list.get(i);
                if (!item.isObject() || !item.has("region")) {
                    throw new ConfigError("config " + name + ": key '" + key + "' must be {region, families, caseload, coverage}"
                            + " with region");
                }
                RunConfig.checkKeys(name, key + ".", item, TARGET_KEYS);
                String code = RunConfig.region(name, key + ".region", item.get("region"), table);
                Integer families = item.has("families") ? whole(name, key + ".families", item.get("families"), 1, 10_000_000) : null;
                Integer caseload = item.has("caseload") ? whole(name, key + ".caseload", item.get("caseload"), 1, 10_000_000) : null;
                Double coverage = item.has("coverage")
                        ? RunConfig.number(name, key + ".coverage", item.get("coverage"), 0.0001, 1, false) : null;
                if (coverage != null && caseload == null) {
                    throw new ConfigError("config " + name + ": key '" + key + ".coverage' needs '" + key + ".caseload' (its denominator)");
                }
                targets.add(new Target(code, families, caseload, coverage));
            }
        }
        return new OutcomeSettings(minCell, seed, periods, replicates, dropoutDays, List.copyOf(targets));
    }

    private static int whole(String name, String key, JsonNode v, int min, int max) {
        return (int) RunConfig.number(name, key, v, min, max, true);
    }
}
