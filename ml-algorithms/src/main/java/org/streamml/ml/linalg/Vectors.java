package org.streamml.ml.linalg;

/** Factory methods for vectors. */
public final class Vectors {
    private Vectors() {
    }

    /** A dense vector of a copy of {@code values}. */
    public static DenseVector dense(double... values) {
        return new DenseVector(values);
    }

    /** A sparse vector of dimension {@code size} (0-based, strictly increasing indices). */
    public static SparseVector sparse(int size, int[] indices, double[] values) {
        return new SparseVector(size, indices, values);
    }

    /** A dense vector of {@code size} zeros. */
    public static DenseVector zeros(int size) {
        return DenseVector.wrap(new double[size]);
    }
}
