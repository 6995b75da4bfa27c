package org.streamml.ml.linalg;

/**
 * Factory methods for vectors, with Spark MLlib's names ({@code org.apache.spark.mllib.linalg.Vectors}):
 * {@code dense}, {@code sparse}, {@code zeros} and {@code parse}, which reads the text a vector's
 * {@code toString()} writes ({@code [1.0,2.0]}, {@code (3,[0,2],[1.0,3.0])}).
 */
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

    /**
     * The vector written as {@code text} in Spark's format: {@code [1.0,2.0,3.0]} for a dense vector,
     * {@code (3,[0,2],[1.0,3.0])} (size, strictly increasing 0-based indices, values) for a sparse one;
     * whitespace between tokens is allowed. {@code Vectors.parse(v.toString())} equals {@code v}.
     *
     * @throws IllegalArgumentException quoting {@code text} and naming the rule it breaks (and where)
     */
    public static Vector parse(String text) {
        return VectorParser.parse(text);
    }

    /** {@code [x1,x2,...]} without spaces, each number as {@link Double#toString} writes it (Spark's form). */
    static String join(double[] values) {
        StringBuilder sb = new StringBuilder(values.length * 8 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i]);
        }
        return sb.append(']').toString();
    }
}
