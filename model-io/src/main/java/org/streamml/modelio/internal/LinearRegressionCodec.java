package org.streamml.modelio.internal;

import java.util.Map;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.BinaryIn;
import org.streamml.modelio.codec.BinaryOut;
import org.streamml.modelio.codec.JsonIn;
import org.streamml.modelio.codec.JsonOut;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelState;

/**
 * {@link LinearRegressionModel}: JSON {@code "weights":[…],"intercept":b}; binary int32 d, d × f64
 * weights, f64 intercept; state {@code effectiveCount} (0 when a file has none).
 */
public final class LinearRegressionCodec implements ModelCodec<LinearRegressionModel> {
    /** The state value of the effective count of forgetting. */
    public static final String EFFECTIVE_COUNT = "effectiveCount";

    @Override
    public String type() {
        return LinearRegressionModel.TYPE;
    }

    @Override
    public Class<LinearRegressionModel> modelClass() {
        return LinearRegressionModel.class;
    }

    @Override
    public int binaryCode() {
        return 1;
    }

    @Override
    public Map<String, Double> state(LinearRegressionModel model) {
        return Map.of(EFFECTIVE_COUNT, model.effectiveCount());
    }

    @Override
    public void writeJson(LinearRegressionModel m, JsonOut out) {
        out.numbers("weights", m.weights()).number("intercept", m.intercept());
    }

    @Override
    public LinearRegressionModel readJson(JsonIn in, ModelState s) throws ModelFormatException {
        double[] w = in.numbers("weights");
        double b = in.number("intercept");
        return new LinearRegressionModel(w, b, s.version(), s.lastBatchTimeMillis(), s.value(EFFECTIVE_COUNT, 0.0));
    }

    @Override
    public void writeBinary(LinearRegressionModel m, BinaryOut out) {
        out.putInt(m.numFeatures()).putDoubles(m.weights()).putDouble(m.intercept());
    }

    @Override
    public LinearRegressionModel readBinary(BinaryIn in, ModelState s) throws ModelFormatException {
        int d = in.count("dimension", 8);
        double[] w = in.doubles(d, "weights");
        double b = in.doubles(1, "intercept")[0];
        return new LinearRegressionModel(w, b, s.version(), s.lastBatchTimeMillis(), s.value(EFFECTIVE_COUNT, 0.0));
    }
}
