package org.streamml.datasets.internal;

import java.util.Random;

/**
 * Spark's {@code org.apache.spark.util.random.XORShiftRandom}: the 64-bit seed is hashed with Murmur3
 * (big-endian seed bytes, {@code lo = hash(bytes, 0x3c074a61)}, {@code hi = hash(bytes, lo)}), then each
 * step is {@code s ^= s << 21; s ^= s >>> 35; s ^= s << 4} and returns the low bits. {@code nextDouble} and
 * {@code nextGaussian} are {@link Random}'s algorithms over this {@code next}, as in Spark, so Spark's
 * k-means test data can be regenerated exactly.
 */
public final class XorShiftRandom extends Random {
    private static final long serialVersionUID = 1L;

    private long state;

    /** A generator seeded as Spark seeds it. */
    public XorShiftRandom(long seed) {
        super(seed);
        this.state = hashSeed(seed);
    }

    /** Spark's seed hashing. */
    static long hashSeed(long seed) {
        byte[] bytes = java.nio.ByteBuffer.allocate(8).putLong(seed).array();
        int lo = Murmur3.hash32(bytes, 0x3c074a61);
        int hi = Murmur3.hash32(bytes, lo);
        return ((long) hi << 32) | (lo & 0xffffffffL);
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

    @Override
    public synchronized void setSeed(long seed) {
        super.setSeed(seed);
        state = hashSeed(seed);
    }
}
