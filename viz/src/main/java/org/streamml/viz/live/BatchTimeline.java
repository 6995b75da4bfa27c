package org.streamml.viz.live;

import java.util.Arrays;

/**
 * The whole run of a per-batch metric series at a resolution that halves as the run grows, so memory stays
 * fixed however long the stream runs: at most {@code buckets} buckets, each holding the first and last x,
 * the count, and per channel the minimum, maximum and sum of the points it covers. When every bucket is
 * taken, neighbours are merged pairwise and each bucket covers twice as many points from then on. Appends
 * are O(channels) (a merge, O(buckets x channels), happens once per doubling of the run). Thread-safe.
 */
public final class BatchTimeline {
    private final int maxBuckets;
    private final int channels;
    private final double[] firstX;
    private final double[] lastX;
    private final long[] count;
    private final double[][] min;
    private final double[][] max;
    private final double[][] sum;
    private int size;
    private long perBucket = 1;
    private long points;

    /**
     * An empty timeline of at most {@code buckets} buckets (an even number >= 2) of {@code channels} channels.
     */
    public BatchTimeline(int buckets, int channels) {
        if (buckets < 2 || buckets % 2 != 0) {
            throw new IllegalArgumentException("buckets must be an even number >= 2: " + buckets);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1: " + channels);
        }
        this.maxBuckets = buckets;
        this.channels = channels;
        this.firstX = new double[buckets];
        this.lastX = new double[buckets];
        this.count = new long[buckets];
        this.min = new double[channels][buckets];
        this.max = new double[channels][buckets];
        this.sum = new double[channels][buckets];
    }

    /** Appends a point at {@code x} (not decreasing) with one value per channel. Not modified: values. */
    public synchronized void append(double x, double... values) {
        if (values.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " values per point but got " + values.length);
        }
        points++;
        if (size > 0 && count[size - 1] < perBucket) {
            int b = size - 1;
            lastX[b] = x;
            count[b]++;
            for (int c = 0; c < channels; c++) {
                min[c][b] = Math.min(min[c][b], values[c]);
                max[c][b] = Math.max(max[c][b], values[c]);
                sum[c][b] += values[c];
            }
            return;
        }
        if (size == maxBuckets) {
            halve();
        }
        int b = size++;
        firstX[b] = x;
        lastX[b] = x;
        count[b] = 1;
        for (int c = 0; c < channels; c++) {
            min[c][b] = values[c];
            max[c][b] = values[c];
            sum[c][b] = values[c];
        }
    }

    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            int a = 2 * i;
            int b = a + 1;
            firstX[i] = firstX[a];
            lastX[i] = lastX[b];
            count[i] = count[a] + count[b];
            for (int c = 0; c < channels; c++) {
                min[c][i] = Math.min(min[c][a], min[c][b]);
                max[c][i] = Math.max(max[c][a], max[c][b]);
                sum[c][i] = sum[c][a] + sum[c][b];
            }
        }
        size /= 2;
        perBucket *= 2;
    }

    /** The number of buckets in use, at most the capacity given. */
    public synchronized int buckets() {
        return size;
    }

    /** The number of points appended so far. */
    public synchronized long points() {
        return points;
    }

    /** How many points one bucket covers now (a power of two). */
    public synchronized long pointsPerBucket() {
        return perBucket;
    }

    /**
     * A copy of the buckets: {@code x} is each bucket's first x, and per channel {@code min}, {@code max} and
     * {@code mean} of the points it covers.
     */
    public synchronized Snapshot snapshot() {
        double[][] mins = new double[channels][];
        double[][] maxs = new double[channels][];
        double[][] means = new double[channels][];
        for (int c = 0; c < channels; c++) {
            mins[c] = Arrays.copyOf(min[c], size);
            maxs[c] = Arrays.copyOf(max[c], size);
            means[c] = new double[size];
            for (int b = 0; b < size; b++) {
                means[c][b] = sum[c][b] / count[b];
            }
        }
        return new Snapshot(Arrays.copyOf(firstX, size), mins, maxs, means);
    }

    /**
     * The buckets of a timeline: {@code x[b]}, and {@code min[c][b]}, {@code max[c][b]}, {@code mean[c][b]}
     * per channel {@code c}. The arrays are the caller's.
     */
    public record Snapshot(double[] x, double[][] min, double[][] max, double[][] mean) {
    }
}
