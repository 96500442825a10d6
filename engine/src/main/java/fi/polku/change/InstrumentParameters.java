package fi.polku.change;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The instrument parameter table of {@code datasets/instrument_parameters.csv}: per instrument (and age band
 * where it matters) items, range, direction, cutoffs, norms and reliabilities, each with its source and
 * verification status. Methods take their parameters from here, never from literals in code.
 */
public final class InstrumentParameters {
    /**
     * One parameter.
     *
     * @param ageBand the respondent age band it applies to, or empty for all
     * @param value   the value as text, empty when there is none (e.g. 3X10D reliability)
     * @param status  {@code structural}, {@code verified}, {@code published}, {@code secondary},
     *                {@code unverified} or {@code not_assessed}
     */
    public record Parameter(String instrument, String name, String ageBand, String value, String unit, String status,
                            String source) {
        public Parameter {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(name, "name");
            ageBand = ageBand == null ? "" : ageBand;
            value = value == null ? "" : value;
        }
    }

    /** A numeric parameter value with where it comes from. */
    public record Sourced(double value, String status, String source) {
    }

    private final Map<String, Parameter> byKey;

    private InstrumentParameters(Map<String, Parameter> byKey) {
        this.byKey = byKey;
    }

    /** A table of these parameters; each (instrument, name, age band) once. */
    public static InstrumentParameters of(Collection<Parameter> parameters) {
        Map<String, Parameter> byKey = new HashMap<>();
        for (Parameter p : parameters) {
            if (byKey.put(key(p.instrument(), p.name(), p.ageBand()), p) != null) {
                throw new IllegalArgumentException("parameter " + p.instrument() + " " + p.name() + " " + p.ageBand()
                        + " appears twice");
            }
        }
        return new InstrumentParameters(byKey);
    }

    /**
     * A numeric parameter of an instrument: the age band's own value if there is one, else the value for all
     * ages; empty when the table has none or leaves it blank.
     */
    public Optional<Sourced> number(String instrument, String name, String ageBand) {
        Parameter p = byKey.get(key(instrument, name, ageBand == null ? "" : ageBand));
        if (p == null) {
            p = byKey.get(key(instrument, name, ""));
        }
        if (p == null || p.value().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Sourced(Double.parseDouble(p.value()), p.status(), p.source()));
    }

    /** A parameter as written (text value), the age band's own first, else the one for all ages. */
    public Optional<Parameter> parameter(String instrument, String name, String ageBand) {
        Parameter p = byKey.get(key(instrument, name, ageBand == null ? "" : ageBand));
        return Optional.ofNullable(p != null ? p : byKey.get(key(instrument, name, "")));
    }

    /** A numeric parameter that must exist. */
    public Sourced require(String instrument, String name, String ageBand) {
        return number(instrument, name, ageBand).orElseThrow(() -> new IllegalStateException(
                "datasets/instrument_parameters.csv has no " + name + " for " + instrument
                        + (ageBand == null || ageBand.isEmpty() ? "" : " " + ageBand)));
    }

    /** The instrument's direction. */
    public Direction direction(String instrument) {
        Parameter p = byKey.get(key(instrument, "direction", ""));
        if (p == null) {
            throw new IllegalStateException("datasets/instrument_parameters.csv has no direction for " + instrument);
        }
        return Direction.of(p.value());
    }

    private static String key(String instrument, String name, String ageBand) {
        return instrument + "\u0000" + name + "\u0000" + ageBand;
    }
}
