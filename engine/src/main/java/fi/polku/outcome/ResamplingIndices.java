package fi.polku.outcome;

import org.apache.commons.math3.random.Well19937c;

/**
 * Commons Math's WELL19937c generator (Panneton, L'Ecuyer &amp; Matsumoto 2006, with Matsumoto–Kurita tempering)
 * that also hands out its {@code nextInt(bound)} draws a block at a time: exactly the values, in exactly the order,
 * that as many calls of {@link Well19937c#nextInt(int)} would give, so the bootstrap's numbers do not move.
 *
 * <p>Why a block: a big cell's bootstrap makes hundreds of millions of draws, and one call per draw re-reads the
 * generator's index and its five lookup tables from the object each time and keeps the rejection step of
 * {@code nextInt} out of line. The block loop keeps them in registers (about 9 → 5 ns a draw on the benchmark
 * machine). The recurrence is the one {@code Well19937c.next} implements; {@code ResamplingIndicesTest} holds the
 * two streams equal over many seeds, bounds and block sizes, interleaved with single calls.
 *
 * <p>Not thread-safe, as its superclass.
 */
final class ResamplingIndices extends Well19937c {
    private static final long serialVersionUID = 1L;

    ResamplingIndices(long seed) {
        super(seed);
    }

    /**
     * Fills {@code into[0 .. count)} with the next {@code count} values of {@code nextInt(bound)}.
     *
     * @throws IllegalArgumentException if {@code bound <= 0} or {@code count} is negative or above
     *                                  {@code into.length}
     */
    void nextInts(int[] into, int count, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        if (count < 0 || count > into.length) {
            throw new IllegalArgumentException("count must be in 0.." + into.length + ", was " + count);
        }
        final int[] state = v;
        final int[] rm1 = iRm1;
        final int[] rm2 = iRm2;
        final int[] m1 = i1;
        final int[] m2 = i2;
        final int[] m3 = i3;
        final boolean powerOfTwo = (bound & -bound) == bound;
        int at = index;
        for (int k = 0; k < count; k++) {
            int value;
            while (true) {
                // One step of the recurrence and the tempering: Well19937c.next(31).
                final int atRm1 = rm1[at];
                final int atRm2 = rm2[at];
                final int v0 = state[at];
                final int vM1 = state[m1[at]];
                final int vM2 = state[m2[at]];
                final int vM3 = state[m3[at]];
                final int z0 = (0x80000000 & state[atRm1]) ^ (0x7FFFFFFF & state[atRm2]);
                final int z1 = (v0 ^ (v0 << 25)) ^ (vM1 ^ (vM1 >>> 27));
                final int z2 = (vM2 >>> 9) ^ (vM3 ^ (vM3 >>> 1));
                final int z3 = z1 ^ z2;
                int z4 = z0 ^ (z1 ^ (z1 << 9)) ^ (z2 ^ (z2 << 21)) ^ (z3 ^ (z3 >>> 21));
                state[at] = z3;
                state[atRm1] = z4;
                state[atRm2] &= 0x80000000;
                at = atRm1;
                z4 ^= (z4 << 7) & 0xe46e1700;
                z4 ^= (z4 << 15) & 0x9b868000;
                final int bits = z4 >>> 1;
                // BitsStreamGenerator.nextInt(bound): scaling for a power of two, else rejection of the last
                // incomplete multiple of bound, which keeps every value equally likely.
                if (powerOfTwo) {
                    value = (int) ((bound * (long) bits) >> 31);
                    break;
                }
                value = bits % bound;
                if (bits - value + (bound - 1) >= 0) {
                    break;
                }
            }
            into[k] = value;
        }
        index = at;
    }
}
