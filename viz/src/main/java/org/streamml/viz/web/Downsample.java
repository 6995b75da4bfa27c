package org.streamml.viz.web;

import java.util.Arrays;

/**
 * Picks the rows of a chart's points to send to the page: at most about {@code buckets} buckets of equal
 * x width, and in each the first and last row and the rows of each series' minimum and maximum, so spikes
 * survive (a min/max decimation, as charting libraries do per pixel column). Series whose x values are not
 * increasing (a scatter) are thinned by taking every n-th row instead.
 */
final class Downsample {
    private Downsample() {
    }

    /**
     * The rows to keep of {@code x} and the series {@code ys} (each as long as {@code x}), in order.
     *
     * @param buckets the number of buckets, >= 1
     */
    static int[] rows(double[] x, double[][] ys, int buckets) {
        int n = x.length;
        int perBucket = 2 + 2 * ys.length;
        if (n <= (long) buckets * perBucket) {
            return identity(n);
        }
        if (!increasing(x)) {
            int step = (int) Math.ceil(n / (double) (buckets * perBucket));
            int[] out = new int[(n + step - 1) / step];
            for (int i = 0; i < out.length; i++) {
                out[i] = i * step;
            }
            return out;
        }
        double lo = x[0];
        double width = (x[n - 1] - lo) / buckets;
        int[] out = new int[buckets * perBucket + 1];
        int size = 0;
        int start = 0;
        while (start < n) {
            int bucket = width > 0 ? (int) Math.min(buckets - 1, (x[start] - lo) / width) : 0;
            double end = lo + (bucket + 1) * width;
            int stop = start + 1;
            while (stop < n && (bucket == buckets - 1 || x[stop] < end)) {
                stop++;
            }
            int[] picks = new int[perBucket];
            int p = 0;
            picks[p++] = start;
            picks[p++] = stop - 1;
            for (double[] y : ys) {
                int min = start;
                int max = start;
                for (int i = start + 1; i < stop; i++) {
                    if (y[i] < y[min] || Double.isNaN(y[min])) {
                        min = i;
                    }
                    if (y[i] > y[max] || Double.isNaN(y[max])) {
                        max = i;
                    }
                }
                picks[p++] = min;
                picks[p++] = max;
            }
            Arrays.sort(picks);
            for (int i = 0; i < perBucket; i++) {
                if (i == 0 || picks[i] != picks[i - 1]) {
                    out[size++] = picks[i];
                }
            }
            start = stop;
        }
        return Arrays.copyOf(out, size);
    }

    static boolean increasing(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] >= x[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
