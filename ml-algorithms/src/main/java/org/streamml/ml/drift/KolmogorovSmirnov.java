package org.streamml.ml.drift;

/**
 * The two-sample Kolmogorov–Smirnov test for two samples of the same size {@code r}, with its exact p-value
 * (Gnedenko and Korolyuk, 1951): with {@code D = k / r} the largest gap between the two empirical distribution
 * functions,
 * <pre>
 *   P(D &gt;= k/r) = 2 · Σ_{j = 1}^{⌊r/k⌋} (-1)^(j+1) · C(2r, r - jk) / C(2r, r)
 * </pre>
 * under the null hypothesis of one continuous distribution. Ties make it conservative. Static kernels, no
 * allocation.
 */
final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {
    }

    /**
     * {@code r · D}: the largest gap between the empirical distribution functions of {@code a} and {@code b},
     * in counts.
     *
     * @param a the first sample, sorted ascending (not modified)
     * @param b the second sample, sorted ascending, as long as {@code a} (not modified)
     */
    static int gap(double[] a, double[] b) {
        int r = a.length;
        int i = 0;
        int j = 0;
        int gap = 0;
        while (i < r && j < r) {
            double v = Math.min(a[i], b[j]);
            // Step over ties in both samples at once: the distribution functions jump together there.
            while (i < r && a[i] == v) {
                i++;
            }
            while (j < r && b[j] == v) {
                j++;
            }
            gap = Math.max(gap, Math.abs(i - j));
        }
        return gap;
    }

    /** The exact p-value {@code P(D >= k/r)} of a gap of {@code k} counts between two samples of size {@code r}. */
    static double pValue(int k, int r) {
        if (k <= 0) {
            return 1.0;
        }
        double sum = 0;
        double ratio = 1;
        double sign = 1;
        for (int c = 1; c <= r; c++) {
            // C(2r, r - c) / C(2r, r), built up one factor at a time.
            ratio *= (double) (r - c + 1) / (r + c);
            if (c % k == 0) {
                sum += sign * ratio;
                sign = -sign;
            }
        }
        return Math.max(0.0, Math.min(1.0, 2 * sum));
    }
}
