package org.streamml.ml.model;

/**
 * An immutable model of one of the toolkit's algorithms. Every model knows how many streaming batches
 * made it ({@link #version()}) and the time of the last one, so that a saved model resumes where it
 * stopped and a prediction can say which model made it.
 */
public sealed interface Model permits LinearRegressionModel, LogisticRegressionModel, KMeansModel {

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
}
