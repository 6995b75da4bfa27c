package org.streamml.ml.random;

/**
 * Spark's Bernoulli row sampler ({@code BernoulliSampler} with {@code GapSampling}), one instance per
 * partition: keeps each row independently with probability {@code fraction}. For fractions up to 0.4 it
 * draws geometric gaps between kept rows, above that one uniform number per row; both from a
 * {@link XORShiftRandom}. {@link #partitionSeeds} derives the partition seeds the way Spark's
 * {@code RDD.sample(false, fraction, seed)} does. Allocation-free per row.
 */
public final class BernoulliSampler {
    private static final double MAX_GAP_SAMPLING_FRACTION = 0.4;
    private static final double RNG_EPSILON = 5e-11;

    private final double fraction;
    private final XORShiftRandom rng;
    private final double lnq;
    private boolean gapStarted;
    private int countForDropping;

    /** A sampler keeping rows with probability {@code fraction} in (0, 1], seeded with {@code seed}. */
    public BernoulliSampler(double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        this.fraction = fraction;
        this.rng = new XORShiftRandom(seed);
        this.lnq = Math.log1p(-fraction);
    }

    /**
     * The seeds of {@code numPartitions} partitions for sampling with {@code seed}: successive
     * {@code nextLong()} values of {@code new java.util.Random(seed)}, as Spark's partition-wise sampling.
     */
    public static long[] partitionSeeds(long seed, int numPartitions) {
        java.util.Random r = new java.util.Random(seed);
        long[] seeds = new long[numPartitions];
        for (int p = 0; p < numPartitions; p++) {
            seeds[p] = r.nextLong();
        }
        return seeds;
    }

    /** Whether to keep the next row. */
    public boolean keep() {
        if (fraction >= 1.0) {
            return true;
        }
        if (fraction > MAX_GAP_SAMPLING_FRACTION) {
            return rng.nextDouble() <= fraction;
        }
        if (!gapStarted) {
            gapStarted = true;
            advance();
        }
        if (countForDropping > 0) {
            countForDropping--;
            return false;
        }
        advance();
        return true;
    }

    private void advance() {
        double u = Math.max(rng.nextDouble(), RNG_EPSILON);
        countForDropping = (int) (Math.log(u) / lnq);
    }
}
