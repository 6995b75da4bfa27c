package org.streamml.ml.offline;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.streamml.ml.LabeledPoint;

/** Builds the EJML design matrix of a dataset, with a trailing column of ones for an intercept. */
final class DesignMatrix {
    private DesignMatrix() {
    }

    static int dimension(List<LabeledPoint> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("cannot train on an empty dataset");
        }
        int d = data.get(0).features().size();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).features().size() != d) {
                throw new IllegalArgumentException("point " + i + " has " + data.get(i).features().size()
                        + " features, point 0 has " + d);
            }
            if (!data.get(i).features().isFinite() || !Double.isFinite(data.get(i).label())) {
                throw new IllegalArgumentException("point " + i + " has a non-finite value");
            }
        }
        return d;
    }

    static DMatrixRMaj of(List<LabeledPoint> data, int d, boolean intercept) {
        int cols = intercept ? d + 1 : d;
        DMatrixRMaj x = new DMatrixRMaj(data.size(), cols);
        for (int i = 0; i < data.size(); i++) {
            double[] row = data.get(i).features().toArray();
            System.arraycopy(row, 0, x.data, i * cols, d);
            if (intercept) {
                x.data[i * cols + d] = 1.0;
            }
        }
        return x;
    }

    static DMatrixRMaj labels(List<LabeledPoint> data) {
        DMatrixRMaj y = new DMatrixRMaj(data.size(), 1);
        for (int i = 0; i < data.size(); i++) {
            y.data[i] = data.get(i).label();
        }
        return y;
    }
}
