package org.streamml.streaming.source;

/**
 * A small random generator (SplitMix64) that a {@link GeneratedSource} re-seeds for every record from
 * the source's seed and the record's index, so record i is the same wherever and in whatever partition
 * it is generated. One instance serves a whole partition: no allocation per record.
 */
public final class IndexedRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator positioned at record 0 of seed 0. */
    public IndexedRandom() {
        reset(0, 0);
    }

    /** Positions the generator at the start of record {@code index} of the stream seeded with {@code seed}. */
    public void reset(long seed, long index) {
        state = mix(mix(seed) + GOLDEN * (index + 1));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0: " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** A standard normal value (Box-Muller, one value per call). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
