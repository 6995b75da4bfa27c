package org.streamml.cli.demo;

/**
 * The settings every demo understands.
 *
 * @param batches how many batches to run, >= 1
 * @param durationSeconds stream time to run instead, rounded up to whole batches, or 0 to use {@code batches}
 * @param realTime whether batches are paced by the wall clock (otherwise replayed as fast as possible)
 * @param seed the seed of the demo's data
 * @param partitions partitions per batch, >= 1
 * @param recordsPerSecond the input rate in stream time, > 0, or 0 for the demo's own default
 */
public record DemoSettings(int batches, double durationSeconds, boolean realTime, long seed, int partitions, double recordsPerSecond) {

    /** Validates the settings. */
    public DemoSettings {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be >= 1: " + batches);
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("duration must be >= 0 seconds and finite: " + durationSeconds);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        if (!(recordsPerSecond >= 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("records per second must be >= 0 and finite: " + recordsPerSecond);
        }
    }

    /** 24 batches replayed as fast as possible, seed 42, two partitions, the demo's default rate. */
    public static DemoSettings defaults() {
        return new DemoSettings(24, 0, false, 42, 2, 0);
    }

    /** The number of batches of {@code batchMillis} to run: from the duration if set, else {@code batches}. */
    public int batchesFor(long batchMillis) {
        return durationSeconds > 0 ? (int) Math.max(1, Math.ceil(durationSeconds * 1000 / batchMillis)) : batches;
    }

    /** A copy with another number of batches. */
    public DemoSettings withBatches(int n) {
        return new DemoSettings(n, durationSeconds, realTime, seed, partitions, recordsPerSecond);
    }

    /** A copy that runs {@code seconds} of stream time instead of a number of batches (0: use batches). */
    public DemoSettings withDurationSeconds(double seconds) {
        return new DemoSettings(batches, seconds, realTime, seed, partitions, recordsPerSecond);
    }

    /** A copy paced by the wall clock or not. */
    public DemoSettings withRealTime(boolean paced) {
        return new DemoSettings(batches, durationSeconds, paced, seed, partitions, recordsPerSecond);
    }

    /** A copy with another seed. */
    public DemoSettings withSeed(long s) {
        return new DemoSettings(batches, durationSeconds, realTime, s, partitions, recordsPerSecond);
    }

    /** A copy with another number of partitions. */
    public DemoSettings withPartitions(int p) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, p, recordsPerSecond);
    }

    /** A copy with another input rate (0: the demo's default). */
    public DemoSettings withRecordsPerSecond(double rate) {
        return new DemoSettings(batches, durationSeconds, realTime, seed, partitions, rate);
    }
}
