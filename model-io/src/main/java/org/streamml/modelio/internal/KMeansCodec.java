package org.streamml.modelio.internal;

import org.streamml.ml.model.KMeansModel;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.BinaryIn;
import org.streamml.modelio.codec.BinaryOut;
import org.streamml.modelio.codec.JsonIn;
import org.streamml.modelio.codec.JsonOut;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelState;

/**
 * {@link KMeansModel}: JSON {@code "centers":[[…],…],"weights":[…]}; binary int32 k, int32 d, k·d × f64
 * centers row by row, k × f64 cluster weights. The weights are the whole state of forgetting.
 */
public final class KMeansCodec implements ModelCodec<KMeansModel> {

    @Override
    public String type() {
        return KMeansModel.TYPE;
    }

    @Override
    public Class<KMeansModel> modelClass() {
        return KMeansModel.class;
    }

    @Override
    public int binaryCode() {
        return 3;
    }

    @Override
    public void checkSavable(KMeansModel model) {
        double[] w = model.clusterWeights();
        for (int j = 0; j < w.length; j++) {
            if (w[j] < 0) {
                throw new IllegalArgumentException("cluster weight must be >= 0: weights[" + j + "] = " + w[j]);
            }
        }
    }

    @Override
    public void writeJson(KMeansModel m, JsonOut out) {
        out.matrix("centers", m.centers()).numbers("weights", m.clusterWeights());
    }

    @Override
    public KMeansModel readJson(JsonIn in, ModelState s) throws ModelFormatException {
        double[][] centers = in.matrix("centers", "center");
        double[] weights = in.numbers("weights", centers.length, "one weight per center");
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] < 0) {
                throw in.error("weights", j, String.valueOf(weights[j]), "a weight >= 0");
            }
        }
        return new KMeansModel(centers, weights, s.version(), s.lastBatchTimeMillis());
    }

    @Override
    public void writeBinary(KMeansModel m, BinaryOut out) {
        out.putInt(m.k()).putInt(m.numFeatures());
        for (int j = 0; j < m.k(); j++) {
            out.putDoubles(m.center(j));
        }
        out.putDoubles(m.clusterWeights());
    }

    @Override
    public KMeansModel readBinary(BinaryIn in, ModelState s) throws ModelFormatException {
        int kAt = in.position();
        int k = in.count("k (number of centers)", 8);
        if (k < 1) {
            throw in.error(kAt, "k (number of centers)", "0", "at least one center");
        }
        int d = in.count("dimension", 0);
        if ((long) k * d > in.remaining() / 8) {
            throw in.error(kAt, "k and dimension", k + " × " + d + " center coordinates ("
                    + 8L * k * d + " bytes)", "at most the " + in.remaining() + " bytes left in the body");
        }
        double[][] centers = new double[k][];
        for (int j = 0; j < k; j++) {
            centers[j] = in.doubles(d, "centers[" + j + "]");
        }
        int weightsAt = in.position();
        double[] weights = in.doubles(k, "weights");
        for (int j = 0; j < k; j++) {
            if (weights[j] < 0) {
                throw in.error(weightsAt + 8L * j, "weights[" + j + "]", String.valueOf(weights[j]), "a weight >= 0");
            }
        }
        return new KMeansModel(centers, weights, s.version(), s.lastBatchTimeMillis());
    }
}
