package org.streamml.ml.optim;

import java.util.List;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.random.BernoulliSampler;

/**
 * One partition of labelled points flattened into primitive arrays, built once per batch so that the
 * gradient descent iterations run over contiguous memory: row-major {@code n × d} values for dense
 * data, compressed sparse rows when any point is sparse. Immutable.
 */
public final class DataBlock {
    private final int partition;
    private final int rows;
    private final int dim;
    private final double[] labels;
    private final double[] dense;
    private final int[] rowStart;
    private final int[] indices;
    private final double[] values;

    private DataBlock(int partition, int rows, int dim, double[] labels, double[] dense, int[] rowStart,
                      int[] indices, double[] values) {
        this.partition = partition;
        this.rows = rows;
        this.dim = dim;
        this.labels = labels;
        this.dense = dense;
        this.rowStart = rowStart;
        this.indices = indices;
        this.values = values;
    }

    /**
     * Flattens {@code points}, partition {@code partition} of a batch, checking that every point has
     * {@code dim} features.
     *
     * @throws IllegalArgumentException naming the partition and row of a point of another dimension
     */
    public static DataBlock of(int partition, List<LabeledPoint> points, int dim) {
        int n = points.size();
        double[] labels = new double[n];
        boolean allDense = true;
        long nnz = 0;
        for (int r = 0; r < n; r++) {
            Vector x = points.get(r).features();
            if (x.size() != dim) {
                throw new IllegalArgumentException("point " + r + " of partition " + partition + " has "
                        + x.size() + " features, the model has " + dim);
            }
            allDense &= x instanceof DenseVector;
            nnz += x.numActives();
            labels[r] = points.get(r).label();
        }
        if (allDense) {
            double[] dense = new double[Math.multiplyExact(n, dim)];
            for (int r = 0; r < n; r++) {
                System.arraycopy(((DenseVector) points.get(r).features()).values(), 0, dense, r * dim, dim);
            }
            return new DataBlock(partition, n, dim, labels, dense, null, null, null);
        }
        int[] rowStart = new int[n + 1];
        int[] indices = new int[Math.toIntExact(nnz)];
        double[] values = new double[indices.length];
        int k = 0;
        for (int r = 0; r < n; r++) {
            rowStart[r] = k;
            Vector x = points.get(r).features();
            if (x instanceof SparseVector s) {
                System.arraycopy(s.indices(), 0, indices, k, s.numActives());
                System.arraycopy(s.values(), 0, values, k, s.numActives());
                k += s.numActives();
            } else {
                double[] v = ((DenseVector) x).values();
                for (int j = 0; j < dim; j++) {
                    indices[k] = j;
                    values[k++] = v[j];
                }
            }
        }
        rowStart[n] = k;
        return new DataBlock(partition, n, dim, labels, null, rowStart, indices, values);
    }

    /** The index of the partition this block came from. */
    public int partition() {
        return partition;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of features per row. */
    public int dim() {
        return dim;
    }

    /** The number of rows whose label is neither 0.0 nor 1.0. */
    public long countNonBinaryLabels() {
        long bad = 0;
        for (double y : labels) {
            if (y != 0.0 && y != 1.0) {
                bad++;
            }
        }
        return bad;
    }

    /**
     * Adds the gradient of {@code loss} over the rows {@code sampler} keeps (all rows if it is
     * {@code null}), at weights {@code w} and intercept {@code b}, into {@code grad}: entries
     * {@code 0..d-1} for the weights and, if {@code withIntercept}, entry {@code d} for the intercept.
     * The sum runs over the rows in order, as Spark's per-partition fold.
     *
     * @param grad the running gradient sum. Modified.
     * @return the number of rows used
     */
    public long addGradient(LossFunction loss, double[] w, double b, boolean withIntercept, double[] grad,
                            BernoulliSampler sampler) {
        long used = 0;
        for (int r = 0; r < rows; r++) {
            if (sampler != null && !sampler.keep()) {
                continue;
            }
            double margin = dense != null ? denseDot(r, w) : sparseDot(r, w);
            if (withIntercept) {
                margin += b;
            }
            double m = loss.multiplier(margin, labels[r]);
            if (dense != null) {
                int off = r * dim;
                for (int j = 0; j < dim; j++) {
                    grad[j] += m * dense[off + j];
                }
            } else {
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                    grad[indices[k]] += m * values[k];
                }
            }
            if (withIntercept) {
                grad[dim] += m;
            }
            used++;
        }
        return used;
    }

    private double denseDot(int r, double[] w) {
        int off = r * dim;
        double s = 0.0;
        for (int j = 0; j < dim; j++) {
            s += dense[off + j] * w[j];
        }
        return s;
    }

    private double sparseDot(int r, double[] w) {
        double s = 0.0;
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
            s += values[k] * w[indices[k]];
        }
        return s;
    }
}
