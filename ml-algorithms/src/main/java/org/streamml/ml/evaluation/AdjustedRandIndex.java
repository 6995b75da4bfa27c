package org.streamml.ml.evaluation;

import java.util.Arrays;

/**
 * The adjusted Rand index of two clusterings of the same items (Hubert and Arabie, "Comparing partitions",
 * 1985): the Rand index corrected for chance, 1 when the clusterings agree up to the names of the clusters,
 * about 0 for independent random clusterings, negative when they agree less than chance. Computed from the
 * contingency table as {@code (Σ C(n_ij,2) - E) / ((Σ C(a_i,2) + Σ C(b_j,2)) / 2 - E)} with
 * {@code E = Σ C(a_i,2) Σ C(b_j,2) / C(n,2)}; when both clusterings are trivial (one cluster, or every item
 * alone) and the denominator is 0 it is 1, as in scikit-learn.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    /**
     * The adjusted Rand index of {@code a} and {@code b}, the cluster (>= 0) of each item. Not modified: a, b.
     *
     * @throws IllegalArgumentException if the lengths differ or a cluster is negative
     */
    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("clusterings must label the same items: " + a.length + " and "
                    + b.length + " labels");
        }
        int ka = clusters(a, "first");
        int kb = clusters(b, "second");
        long[] table = new long[ka * kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i] * kb + b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double together = 0;
        for (long n : table) {
            together += pairs(n);
        }
        double sumA = 0;
        for (long n : rows) {
            sumA += pairs(n);
        }
        double sumB = 0;
        for (long n : cols) {
            sumB += pairs(n);
        }
        double all = pairs(a.length);
        double expected = all == 0 ? 0 : sumA * sumB / all;
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            return 1.0;
        }
        return (together - expected) / (max - expected);
    }

    private static int clusters(int[] labels, String which) {
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("cluster must be >= 0: " + labels[i] + " at item " + i + " of the "
                        + which + " clustering");
            }
            max = Math.max(max, labels[i]);
        }
        return max + 1;
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** The number of items in each cluster of {@code labels}, clusters 0 to {@code k - 1}. */
    public static int[] sizes(int[] labels, int k) {
        int[] sizes = new int[k];
        for (int c : labels) {
            sizes[c]++;
        }
        return sizes;
    }

    /** {@code labels} with clusters renamed 0, 1, ... in the order they first appear. Not modified: labels. */
    public static int[] canonical(int[] labels) {
        int[] names = new int[Arrays.stream(labels).max().orElse(-1) + 1];
        Arrays.fill(names, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (names[labels[i]] < 0) {
                names[labels[i]] = next++;
            }
            out[i] = names[labels[i]];
        }
        return out;
    }
}
