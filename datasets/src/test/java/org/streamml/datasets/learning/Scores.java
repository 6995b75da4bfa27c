package org.streamml.datasets.learning;

/** Scores that compare what a learner found with the truth a generator knows. */
final class Scores {
    private Scores() {
    }

    /** The adjusted Rand index of two labelings (Hubert and Arabie 1985). */
    static double adjustedRandIndex(int[] a, int[] b) {
        int ka = 0;
        int kb = 0;
        for (int i = 0; i < a.length; i++) {
            ka = Math.max(ka, a[i] + 1);
            kb = Math.max(kb, b[i] + 1);
        }
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long n : row) {
                index += pairs(n);
            }
        }
        double sumRows = 0;
        double sumCols = 0;
        for (long n : rows) {
            sumRows += pairs(n);
        }
        for (long n : cols) {
            sumCols += pairs(n);
        }
        double expected = sumRows * sumCols / pairs(a.length);
        double max = (sumRows + sumCols) / 2;
        return (index - expected) / (max - expected);
    }

    /** The area under the ROC curve of {@code scores} for binary {@code labels} (ties count half). */
    static double auc(double[] scores, double[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPositives += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
