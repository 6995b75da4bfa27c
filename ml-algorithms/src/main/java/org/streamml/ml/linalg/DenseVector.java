package org.streamml.ml.linalg;

import java.util.Arrays;

/** A vector that stores every entry. Immutable: the constructor copies, {@link #toArray()} copies. */
public final class DenseVector implements Vector {
    private final double[] values;

    /** A dense vector of a copy of {@code values}. */
    public DenseVector(double[] values) {
        this.values = values.clone();
    }

    private DenseVector(double[] values, boolean owned) {
        this.values = values;
    }

    /** A dense vector that takes ownership of {@code values}; the caller must not change it afterwards. */
    public static DenseVector wrap(double[] values) {
        return new DenseVector(values, true);
    }

    /**
     * The backing array, for kernels that read it in a hot loop without copying. Not to be modified.
     */
    public double[] values() {
        return values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public double get(int i) {
        return values[i];
    }

    @Override
    public double dot(double[] w) {
        return Kernels.dot(values, w);
    }

    @Override
    public void axpyInto(double a, double[] y) {
        Kernels.axpy(a, values, y);
    }

    @Override
    public double squaredDistance(double[] c) {
        return Kernels.squaredDistance(values, c);
    }

    @Override
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public int numActives() {
        return values.length;
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
        return o instanceof DenseVector d && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** Spark's text form, {@code [1.0,2.0,3.0]}, which {@link Vectors#parse} reads back. */
    @Override
    public String toString() {
        return Vectors.join(values);
    }
}
