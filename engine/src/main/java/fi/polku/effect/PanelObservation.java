package fi.polku.effect;

import java.util.Objects;

/**
 * One unit (region) in one period of a panel.
 *
 * @param firstTreated the first period the unit is treated (its cohort g), or 0 when never treated
 * @param weight       the unit's weight in aggregations (1, or e.g. its population)
 */
public record PanelObservation(String unit, int period, double outcome, int firstTreated, double weight) {
    public PanelObservation {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(outcome)) {
            throw new IllegalArgumentException("outcome must be finite, was " + outcome);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be > 0, was " + weight);
        }
    }
}
