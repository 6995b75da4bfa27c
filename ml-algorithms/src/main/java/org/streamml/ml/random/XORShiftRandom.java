package org.streamml.ml.random;

import java.util.Random;

/**
 * Spark's {@code XORShiftRandom}: a xorshift generator whose 64-bit seed is first hashed with Murmur3,
 * exposed through {@link java.util.Random}'s methods ({@code nextDouble}, {@code nextGaussian}, ...),
 * which are unchanged and built on {@link #next(int)}. Used by Spark's k-means data generator, by
 * {@code StreamingKMeans.setRandomCenters} and by Spark's samplers; the same seed gives the same numbers
 * as Spark.
 *
 * <p>Seed hashing: the 8 big-endian bytes of the seed are hashed with 32-bit Murmur3 under seed
 * {@code 0x3c074a61} (low word), then again under the low word (high word). Not thread-safe in the
 * sense of producing a defined interleaving; use one instance per thread.
 */
public final class XORShiftRandom extends Random {
    private static final long serialVersionUID = 1L;
    private static final int ARRAY_SEED = 0x3c074a61;

    private long state;

    /** A generator seeded with {@code seed}, as Spark's {@code new XORShiftRandom(seed)}. */
    public XORShiftRandom(long seed) {
        super(seed);
    }

    /** Re-seeds the generator: the state becomes the Murmur3 hash of {@code seed}. */
    @Override
    public synchronized void setSeed(long seed) {
        state = hashSeed(seed);
    }

    @Override
    protected int next(int bits) {
        long s = state;
        s ^= s << 21;
        s ^= s >>> 35;
        s ^= s << 4;
        state = s;
        return (int) (s & ((1L << bits) - 1));
    }

    /** Spark's {@code XORShiftRandom.hashSeed}: the 64-bit state a seed starts from. */
    public static long hashSeed(long seed) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (seed >>> (56 - 8 * i));
        }
        int low = Murmur3.hash32(bytes, ARRAY_SEED);
        int high = Murmur3.hash32(bytes, low);
        return ((long) high << 32) | (low & 0xffffffffL);
    }
}
