package org.streamml.demos;

import java.util.Arrays;
import org.streamml.ml.evaluation.BinaryMetrics;

/**
 * A growing table of scored transactions: per row the label (column 0) and the probability each model gave
 * (columns 1 and up), kept in primitive arrays. Not thread-safe.
 */
final class FraudScores {
    /** The columns of a row: the label, then the online, drift-adaptive and frozen models' probabilities. */
    static final int COLUMNS = 4;
    /** The online model's column. */
    static final int ONLINE = 1;
    /** The drift-adaptive model's column. */
    static final int ADAPTIVE = 2;
    /** The frozen offline model's column. */
    static final int FROZEN = 3;
    private double[][] columns = new double[COLUMNS][1024];
    private int size;

    /** Appends one row {@code {label, online, adaptive, frozen}}. Not modified: row. */
    void add(double[] row) {
        if (row.length != COLUMNS) {
            throw new IllegalArgumentException("a row has " + COLUMNS + " columns: " + row.length);
        }
        if (size == columns[0].length) {
            for (int c = 0; c < COLUMNS; c++) {
                columns[c] = Arrays.copyOf(columns[c], 2 * size);
            }
        }
        for (int c = 0; c < COLUMNS; c++) {
            columns[c][size] = row[c];
        }
        size++;
    }

    /** Appends every row of {@code other}. */
    void addAll(FraudScores other) {
        double[] row = new double[COLUMNS];
        for (int i = 0; i < other.size; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = other.columns[c][i];
            }
            add(row);
        }
    }

    /** The number of rows. */
    int size() {
        return size;
    }

    /** The metrics of the scores in {@code column} (1 to 3) against the labels, alerts at {@code threshold}. */
    BinaryMetrics metrics(int column, double threshold) {
        if (column < 1 || column >= COLUMNS) {
            throw new IllegalArgumentException("score column must be in [1, " + (COLUMNS - 1) + "]: " + column);
        }
        return BinaryMetrics.of(Arrays.copyOf(columns[column], size), Arrays.copyOf(columns[0], size), threshold);
    }

    /** Copies of the columns, each of {@link #size} rows: what a checkpoint keeps. */
    double[][] columns() {
        double[][] copy = new double[COLUMNS][];
        for (int c = 0; c < COLUMNS; c++) {
            copy[c] = Arrays.copyOf(columns[c], size);
        }
        return copy;
    }

    /** A table of the rows in {@code columns} (as {@link #columns()} returns them). */
    static FraudScores of(double[][] columns) {
        if (columns.length != COLUMNS) {
            throw new IllegalArgumentException("a table has " + COLUMNS + " columns: " + columns.length);
        }
        FraudScores t = new FraudScores();
        double[] row = new double[COLUMNS];
        for (int i = 0; i < columns[0].length; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                if (columns[c].length != columns[0].length) {
                    throw new IllegalArgumentException("columns of " + columns[0].length + " and "
                            + columns[c].length + " rows");
                }
                row[c] = columns[c][i];
            }
            t.add(row);
        }
        return t;
    }
}
