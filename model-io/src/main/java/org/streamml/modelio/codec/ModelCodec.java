package org.streamml.modelio.codec;

import java.util.Map;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFormatException;

/**
 * The file forms of one model type: its JSON form (the {@code model} object of a JSON file and of a
 * trace line) and its binary parameters. model-io finds codecs through {@link ModelCodecs}, which loads
 * every implementation listed in a {@code META-INF/services/org.streamml.modelio.codec.ModelCodec} file
 * ({@link java.util.ServiceLoader}); the metadata around the parameters (format, version, provenance,
 * options, the batches applied, the last batch time and {@link #state}) is written and checked by
 * model-io itself.
 *
 * <pre>{@code
 * public final class RunningMeanCodec implements ModelCodec<RunningMeanModel> {
 *     public String type() { return RunningMeanModel.TYPE; }
 *     public Class<RunningMeanModel> modelClass() { return RunningMeanModel.class; }
 *     public int binaryCode() { return 100; }
 *     public void writeJson(RunningMeanModel m, JsonOut out) { out.numbers("mean", m.mean()); }
 *     public RunningMeanModel readJson(JsonIn in, ModelState s) throws ModelFormatException {
 *         return new RunningMeanModel(in.numbers("mean"), s.value("count", 0), s.version(), s.lastBatchTimeMillis());
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>A codec's JSON and binary forms must read back to an equal model (golden files and a round-trip
 * test prove it); everything a learner needs to continue goes either into the form or into
 * {@link #state}, so a saved model resumes exactly.
 *
 * @param <M> the model type
 */
public interface ModelCodec<M extends Model> {

    /** The model type name of files and traces, {@link Model#type()} of every model of {@link #modelClass()}. */
    String type();

    /** The class of the models this codec writes; exactly this class, not a subclass. */
    Class<M> modelClass();

    /** The model type code of binary files, unique among the codecs, >= 1 (1 to 3 are the built-in types). */
    int binaryCode();

    /**
     * Named values beyond the parameters, version and batch time that a learner needs to continue (the
     * effective count of forgetting); each format stores them beside the model. Empty by default.
     */
    default Map<String, Double> state(M model) {
        return Map.of();
    }

    /**
     * Throws {@code IllegalArgumentException} if {@code model} cannot be saved although its parameters
     * are finite (a negative cluster weight); accepts every model by default.
     */
    default void checkSavable(M model) {
    }

    /** Writes the members of {@code model}'s JSON form after {@code "type"}. */
    void writeJson(M model, JsonOut out);

    /**
     * Reads a JSON form written by {@link #writeJson}; members it does not read are rejected afterwards.
     *
     * @param state the version, last batch time and state values stored beside the form
     */
    M readJson(JsonIn in, ModelState state) throws ModelFormatException;

    /** Writes {@code model}'s parameters to a binary file's body. */
    void writeBinary(M model, BinaryOut out);

    /**
     * Reads the parameters written by {@link #writeBinary}; the body must end right after them.
     *
     * @param state the version, last batch time and state values stored before the parameters
     */
    M readBinary(BinaryIn in, ModelState state) throws ModelFormatException;
}
