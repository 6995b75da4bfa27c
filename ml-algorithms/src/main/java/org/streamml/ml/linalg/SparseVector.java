package org.streamml.ml.linalg;

import java.util.Arrays;

/**
 * A vector that stores only some entries: strictly increasing 0-based {@code indices} and their
 * {@code values} (LibSVM data). Immutable.
 */
public final class SparseVector implements Vector {
    private final int size;
    private final int[] indices;
    private final double[] values;

    /**
     * A sparse vector of dimension {@code size}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, or an index is out of range or not
     *         strictly increasing
     */
    public SparseVector(int size, int[] indices, double[] values) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length
                    + " and " + values.length);
        }
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= size) {
                throw new IllegalArgumentException("index " + indices[k] + " out of range [0, " + size + ")");
            }
            if (k > 0 && indices[k] <= indices[k - 1]) {
                throw new IllegalArgumentException("indices must be strictly increasing: " + indices[k - 1]
                        + " then " + indices[k]);
            }
        }
        this.size = size;
        this.indices = indices.clone();
        this.values = values.clone();
    }

    /** The stored indices; not to be modified. */
    public int[] indices() {
        return indices;
    }

    /** The stored values; not to be modified. */
    public double[] values() {
        return values;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of range [0, " + size + ")");
        }
        int k = Arrays.binarySearch(indices, i);
        return k >= 0 ? values[k] : 0.0;
    }

    @Override
    public double dot(double[] w) {
        return Kernels.dot(indices, values, w);
    }

    @Override
    public void axpyInto(double a, double[] y) {
        Kernels.axpy(a, indices, values, y);
    }

    @Override
    public double squaredDistance(double[] c) {
        return Kernels.squaredDistance(indices, values, c);
    }

    @Override
    public double[] toArray() {
        double[] out = new double[size];
        for (int k = 0; k < indices.length; k++) {
            out[indices[k]] = values[k];
        }
        return out;
    }

    @Override
    public int numActives() {
        return indices.length;
    }

    @Override
    public boolean isFinite() {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && size == s.size && Arrays.equals(indices, s.indices)
                && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * size + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    /** Spark's text form, {@code (3,[0,2],[1.0,3.0])}, which {@link Vectors#parse} reads back. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append('(').append(size).append(",[");
        for (int k = 0; k < indices.length; k++) {
            sb.append(k == 0 ? "" : ",").append(indices[k]);
        }
        return sb.append("],").append(Vectors.join(values)).append(')').toString();
    }
}
