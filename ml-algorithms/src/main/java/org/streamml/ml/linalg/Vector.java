package org.streamml.ml.linalg;

/**
 * A feature vector, {@link DenseVector} or {@link SparseVector}. Vectors are immutable; the operations a
 * learner needs in its hot loop take the model's primitive arrays and allocate nothing.
 */
public sealed interface Vector extends java.io.Serializable permits DenseVector, SparseVector {

    /** The dimension. */
    int size();

    /** Entry {@code i}, 0-based. */
    double get(int i);

    /** The dot product with {@code w}, which has at least {@link #size()} entries. */
    double dot(double[] w);

    /** {@code y += a·this}. {@code y}: Modified. */
    void axpyInto(double a, double[] y);

    /** The squared Euclidean distance to {@code c}, which has {@link #size()} entries. */
    double squaredDistance(double[] c);

    /** A new dense array of the entries. */
    double[] toArray();

    /** The number of stored (possibly non-zero) entries. */
    int numActives();

    /** Whether every entry is finite (no NaN, no infinity). */
    boolean isFinite();
}
