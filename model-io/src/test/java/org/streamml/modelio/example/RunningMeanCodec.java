package org.streamml.modelio.example;

import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.BinaryIn;
import org.streamml.modelio.codec.BinaryOut;
import org.streamml.modelio.codec.JsonIn;
import org.streamml.modelio.codec.JsonOut;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelState;

/** The example model's codec: JSON {@code "mean":[…],"count":n}; binary int32 d, d × f64 mean, f64 count. */
public final class RunningMeanCodec implements ModelCodec<RunningMeanModel> {

    @Override
    public String type() {
        return RunningMeanModel.TYPE;
    }

    @Override
    public Class<RunningMeanModel> modelClass() {
        return RunningMeanModel.class;
    }

    @Override
    public int binaryCode() {
        return 100;
    }

    @Override
    public void writeJson(RunningMeanModel m, JsonOut out) {
        out.numbers("mean", m.mean()).number("count", m.count());
    }

    @Override
    public RunningMeanModel readJson(JsonIn in, ModelState s) throws ModelFormatException {
        return new RunningMeanModel(in.numbers("mean"), in.number("count"), s.version(), s.lastBatchTimeMillis());
    }

    @Override
    public void writeBinary(RunningMeanModel m, BinaryOut out) {
        out.putInt(m.numFeatures()).putDoubles(m.mean()).putDouble(m.count());
    }

    @Override
    public RunningMeanModel readBinary(BinaryIn in, ModelState s) throws ModelFormatException {
        int d = in.count("dimension", 8);
        double[] mean = in.doubles(d, "mean");
        return new RunningMeanModel(mean, in.doubles(1, "count")[0], s.version(), s.lastBatchTimeMillis());
    }
}
