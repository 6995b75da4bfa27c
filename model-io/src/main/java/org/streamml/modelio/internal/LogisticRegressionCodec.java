package org.streamml.modelio.internal;

import java.util.Map;
import java.util.OptionalDouble;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.BinaryIn;
import org.streamml.modelio.codec.BinaryOut;
import org.streamml.modelio.codec.JsonIn;
import org.streamml.modelio.codec.JsonOut;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelState;

/**
 * {@link LogisticRegressionModel}: JSON {@code "weights":[…],"intercept":b,"threshold":t|null}; binary
 * int32 d, d × f64 weights, f64 intercept, 1 byte has-threshold, f64 threshold (0.0 if none); state
 * {@code effectiveCount} (0 when a file has none).
 */
public final class LogisticRegressionCodec implements ModelCodec<LogisticRegressionModel> {

    @Override
    public String type() {
        return LogisticRegressionModel.TYPE;
    }

    @Override
    public Class<LogisticRegressionModel> modelClass() {
        return LogisticRegressionModel.class;
    }

    @Override
    public int binaryCode() {
        return 2;
    }

    @Override
    public Map<String, Double> state(LogisticRegressionModel model) {
        return Map.of(LinearRegressionCodec.EFFECTIVE_COUNT, model.effectiveCount());
    }

    @Override
    public void writeJson(LogisticRegressionModel m, JsonOut out) {
        out.numbers("weights", m.weights()).number("intercept", m.intercept());
        if (m.threshold().isPresent()) {
            out.number("threshold", m.threshold().getAsDouble());
        } else {
            out.nullMember("threshold");
        }
    }

    @Override
    public LogisticRegressionModel readJson(JsonIn in, ModelState s) throws ModelFormatException {
        double[] w = in.numbers("weights");
        double b = in.number("intercept");
        OptionalDouble t = OptionalDouble.empty();
        if (!in.isNull("threshold")) {
            double x = in.number("threshold");
            if (!(x >= 0 && x <= 1)) {
                throw in.error("threshold", -1, String.valueOf(x), "a threshold in [0, 1] or null");
            }
            t = OptionalDouble.of(x);
        }
        return create(w, b, t, s);
    }

    @Override
    public void writeBinary(LogisticRegressionModel m, BinaryOut out) {
        OptionalDouble t = m.threshold();
        out.putInt(m.numFeatures()).putDoubles(m.weights()).putDouble(m.intercept())
                .putFlag(t.isPresent()).putDouble(t.orElse(0.0));
    }

    @Override
    public LogisticRegressionModel readBinary(BinaryIn in, ModelState s) throws ModelFormatException {
        int d = in.count("dimension", 8);
        double[] w = in.doubles(d, "weights");
        double b = in.doubles(1, "intercept")[0];
        boolean hasThreshold = in.flag("threshold present");
        int at = in.position();
        double t = in.doubles(1, "threshold")[0];
        if (hasThreshold && !(t >= 0 && t <= 1)) {
            throw in.error(at, "threshold", String.valueOf(t), "a threshold in [0, 1]");
        }
        return create(w, b, hasThreshold ? OptionalDouble.of(t) : OptionalDouble.empty(), s);
    }

    private static LogisticRegressionModel create(double[] w, double b, OptionalDouble t, ModelState s) {
        return new LogisticRegressionModel(w, b, t, s.version(), s.lastBatchTimeMillis(),
                s.value(LinearRegressionCodec.EFFECTIVE_COUNT, 0.0));
    }
}
