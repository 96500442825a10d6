package fi.polku.privacy;

/**
 * The disclosure rule Polku publishes under: threshold {@code k} and the protection a hidden figure must keep
 * against everything published beside it.
 * <ul>
 * <li><b>Primary</b>: a count from 1 to k − 1 is hidden, and so is every sum (n·mean) resting on a hidden count.
 * A zero is shown ("none" identifies no one), except as a part of a hidden total (or as at most a hidden whole,
 * e.g. complete cases of hidden episodes), where it would say that the whole small group is in the other parts.
 * A group of at least k all in one category is published: that is the group's outcome, not a person's.</li>
 * <li><b>Protection interval</b>: for every hidden count, the interval an attacker can narrow it to by linear
 * programming over all published figures must be at least {@code k} wide ({@code upper − lower ≥ k}): the
 * attacker cannot tell whether the group is smaller than k, nor place it within fewer than k + 1 values.
 * A hidden sum must stay uncertain by at least one case's whole score range ({@code max − min}), so no hidden
 * group's total score is known to within what one client could contribute.</li>
 * </ul>
 * The interval rule is tau-ARGUS's and sdcTable's (upper and lower protection levels checked by solving the
 * attacker's problem for every suppressed cell), with the level fixed as one width for frequency tables rather
 * than a percentage of the cell, which would give a count of 1 almost no protection.
 * Reference: Hundepool et al. (2014), <i>tau-ARGUS user's manual</i> 4.1, §4.2 (safety ranges, the audit);
 * Meindl, sdcTable 0.32 {@code protectTable(method = "SIMPLEHEURISTIC")} and {@code attack()}.
 *
 * @param k the smallest publishable count, at least 1
 */
public record Protection(int k) {
    public Protection {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
    }

    /** The rule with threshold {@code k}. */
    public static Protection of(int k) {
        return new Protection(k);
    }

    /** Whether a count must be hidden on its own: 1 to k − 1. */
    public boolean primary(double count) {
        return count > 0 && count < k;
    }

    /** The width a hidden cell's feasible interval must keep: k for a count, one case's range for a sum. */
    public double width(LinkedTables.Cell cell) {
        return cell.kind() == LinkedTables.Kind.COUNT ? k : cell.max() - cell.min();
    }

    /** One line for pages and {@code disclosure.json}. */
    public String describe() {
        return "counts 1.." + (k - 1) + " and every figure resting on fewer than " + k + " cases are hidden; further cells are"
                + " hidden until, by linear programming over every published figure, each hidden count can only be placed in"
                + " an interval at least " + k + " wide and each hidden sum of scores in one at least one case's score range wide";
    }
}
