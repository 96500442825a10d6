package fi.polku.effect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The assignments of a randomisation test: which k of n units are treated. All C(n, k) of them when there are at
 * most {@code max}; otherwise the real one and max − 1 others drawn without repetition with a seeded generator
 * (Monte Carlo randomisation inference; the p-value (1 + #{as extreme}) / (B + 1) stays valid).
 *
 * @param sets       each assignment as a bit mask of unit indices; the real one first
 * @param total      C(n, k)
 * @param exhaustive whether {@code sets} is every assignment
 */
record Assignments(List<Long> sets, long total, boolean exhaustive) {
    /** The largest number of units a bit mask can hold. */
    static final int MAX_UNITS = 62;

    Assignments {
        sets = List.copyOf(sets);
    }

    /**
     * The assignments.
     *
     * @param n    the number of units (at most 62)
     * @param real the real treated units' mask (k bits set)
     * @throws IllegalArgumentException when n is out of range, the mask has bits beyond n, or max &lt; 2
     */
    static Assignments of(int n, long real, int max, long seed) {
        if (n < 1 || n > MAX_UNITS || real >>> n != 0 || max < 2) {
            throw new IllegalArgumentException("assignments of " + n + " units: need 1-" + MAX_UNITS
                    + " units, a mask within them and max >= 2, was max " + max);
        }
        int k = Long.bitCount(real);
        long total = binomial(n, k);
        List<Long> sets = new ArrayList<>();
        sets.add(real);
        if (total <= max) {
            combinations(n, k, 0, 0, 0L, real, sets);
            return new Assignments(sets, total, true);
        }
        Set<Long> seen = new HashSet<>(sets);
        SplittableRandom random = new SplittableRandom(seed);
        while (sets.size() < max) {
            long mask = 0;
            // Floyd's algorithm: k distinct indices, every k-set equally likely.
            for (int j = n - k; j < n; j++) {
                long bit = 1L << random.nextInt(j + 1);
                mask |= (mask & bit) == 0 ? bit : 1L << j;
            }
            if (seen.add(mask)) {
                sets.add(mask);
            }
        }
        return new Assignments(sets, total, false);
    }

    private static void combinations(int n, int k, int from, int depth, long mask, long skip, List<Long> out) {
        if (depth == k) {
            if (mask != skip) {
                out.add(mask);
            }
            return;
        }
        for (int i = from; i <= n - (k - depth); i++) {
            combinations(n, k, i + 1, depth + 1, mask | 1L << i, skip, out);
        }
    }

    /** C(n, k), saturating at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        java.math.BigInteger c = java.math.BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            c = c.multiply(java.math.BigInteger.valueOf(n - k + i)).divide(java.math.BigInteger.valueOf(i));
        }
        return c.bitLength() < 64 ? c.longValue() : Long.MAX_VALUE;
    }
}
