package org.streamml.ml.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.streamml.ml.linalg.Vector;

/**
 * An immutable model of a streaming or offline learner. Every model knows how many streaming batches
 * made it ({@link #version()}) and the time of the last one, so that a saved model resumes where it
 * stopped and a prediction can say which model made it. Besides predicting, a model describes itself
 * in a few generic terms, so that tools (the {@code streamml predict} and {@code model inspect}
 * commands, the live parameter charts) need no code per model type:
 *
 * <pre>{@code
 * double[] p = model.parameters();                 // flat, in a fixed order
 * String first = model.parameterName(0);           // "w0", "center 0[0]", ...
 * List<String> columns = model.outputNames();      // ["class", "probability"]
 * model.appendOutputs(row, x);                     // "1,0.73"
 * }</pre>
 *
 * <p>A new model type implements this interface; model-io then needs one codec for it. Models are
 * {@link java.io.Serializable}: prediction functions capture them, and executors that ship functions with
 * Java serialization (Spark's closure serializer) send them along.
 */
public interface Model extends java.io.Serializable {

    /** Time stamp meaning "no batch applied yet". */
    long NO_BATCH = -1L;

    /** The model's type as written in traces and model files: {@code linear-regression}, etc. */
    String type();

    /** The number of features the model expects. */
    int numFeatures();

    /** The number of streaming batches applied to this model (0 for an initial or offline model). */
    long version();

    /** The time in milliseconds of the last batch applied, or {@link #NO_BATCH}. */
    long lastBatchTimeMillis();

    /** Whether every parameter is finite. */
    boolean isFinite();

    /**
     * The model's parameters as one new array in a fixed order (linear models: the weights, then the
     * intercept; k-means: the centers, row by row): what a chart of parameters draws.
     */
    double[] parameters();

    /**
     * The name of parameter {@code index} of {@link #parameters()}, for legends; {@code p0, p1, …} by
     * default.
     */
    default String parameterName(int index) {
        return "p" + index;
    }

    /**
     * The names of the values {@link #appendOutputs} writes for one feature vector, e.g.
     * {@code [prediction]}, {@code [class, probability]} or {@code [cluster]}.
     */
    List<String> outputNames();

    /**
     * Appends this model's outputs for {@code x} to {@code row}, separated by commas, in the order of
     * {@link #outputNames()}: a double as {@link Double#toString(double)}, a class or cluster as an
     * integer.
     *
     * @throws IllegalArgumentException if {@code x} has another dimension than the model
     */
    void appendOutputs(StringBuilder row, Vector x);

    /**
     * Facts about the model for a person, in display order ({@code dimensions: 3 features},
     * {@code threshold: 0.5}, …); version and batch time are not repeated here.
     */
    default Map<String, String> summary() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dimensions", numFeatures() + " features");
        return facts;
    }
}
