package fi.polku.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.effect.InterruptedTimeSeries;
import fi.polku.effect.ProjectEffects;
import java.io.Serializable;
import java.util.Set;

/**
 * How region and project effects are inferred (config keys {@code its} and {@code project_effects}; the
 * randomisation seed is the run's {@code seed}).
 *
 * @param dispersionFloor  {@code its.dispersion_floor}: the smallest quasi-Poisson dispersion the ITS SE uses
 *                         (1: never narrower than Poisson, the default; 0: R's quasi-Poisson)
 * @param maxAssignments   {@code project_effects.max_assignments}: all assignments of the project's start dates up
 *                         to this many, else a seeded sample of this many
 * @param synthAssignments {@code project_effects.synthetic_assignments}: at most this many for the pooled
 *                         synthetic-control gap (it refits every region's synthetic control per assignment)
 */
public record EffectSettings(double dispersionFloor, int maxAssignments, int synthAssignments) implements Serializable {
    /** Top-level keys this record reads. */
    static final Set<String> KEYS = Set.of("its", "project_effects");
    private static final Set<String> ITS_KEYS = Set.of("dispersion_floor");
    private static final Set<String> PROJECT_KEYS = Set.of("max_assignments", "synthetic_assignments");

    /** The defaults: floor 1, 10 000 assignments, 500 for the synthetic control. */
    public static EffectSettings defaults() {
        ProjectEffects.Settings p = ProjectEffects.Settings.defaults();
        return new EffectSettings(InterruptedTimeSeries.DEFAULT_DISPERSION_FLOOR, p.maxAssignments(), p.synthAssignments());
    }

    /** The engine's settings with the run's seed. */
    public ProjectEffects.Settings project(long seed) {
        return new ProjectEffects.Settings(maxAssignments, synthAssignments, seed);
    }

    static EffectSettings read(String name, JsonNode root) {
        EffectSettings d = defaults();
        double floor = d.dispersionFloor();
        if (root.has("its")) {
            JsonNode its = section(name, "its", root.get("its"), ITS_KEYS);
            if (its.has("dispersion_floor")) {
                floor = RunConfig.number(name, "its.dispersion_floor", its.get("dispersion_floor"), 0, 100, false);
            }
        }
        int max = d.maxAssignments();
        int synth = d.synthAssignments();
        if (root.has("project_effects")) {
            JsonNode p = section(name, "project_effects", root.get("project_effects"), PROJECT_KEYS);
            if (p.has("max_assignments")) {
                max = (int) RunConfig.number(name, "project_effects.max_assignments", p.get("max_assignments"), 20, 1_000_000, true);
            }
            if (p.has("synthetic_assignments")) {
                synth = (int) RunConfig.number(name, "project_effects.synthetic_assignments", p.get("synthetic_assignments"),
                        20, 1_000_000, true);
            }
        }
        return new EffectSettings(floor, max, synth);
    }

    private static JsonNode section(String name, String key, JsonNode node, Set<String> keys) {
        if (!node.isObject()) {
            throw new ConfigError("config " + name + ": key '" + key + "' must be a mapping of " + new java.util.TreeSet<>(keys));
        }
        RunConfig.checkKeys(name, key + ".", node, keys);
        return node;
    }
}
