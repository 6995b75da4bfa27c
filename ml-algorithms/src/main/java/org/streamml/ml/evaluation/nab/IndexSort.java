package org.streamml.ml.evaluation.nab;

/** A stable sort of row indices by a {@code double} key on primitive arrays (a bottom-up merge sort). */
final class IndexSort {
    private IndexSort() {
    }

    /** The indices {@code 0 .. n-1} ordered by {@code key} from highest to lowest, ties in index order. */
    static int[] descending(double[] key, int n) {
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int l = lo;
                int r = mid;
                int o = lo;
                while (l < mid && r < hi) {
                    b[o++] = key[a[r]] > key[a[l]] ? a[r++] : a[l++];
                }
                while (l < mid) {
                    b[o++] = a[l++];
                }
                while (r < hi) {
                    b[o++] = a[r++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
