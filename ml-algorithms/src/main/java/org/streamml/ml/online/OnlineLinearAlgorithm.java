package org.streamml.ml.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.Model;
import org.streamml.ml.optim.LossFunction;
import org.streamml.ml.streaming.AbstractStreamingLearner;
import org.streamml.ml.streaming.Prediction;
import org.streamml.streaming.Batch;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.Time;

/**
 * The shared machinery of the online learners: every partition's task runs the per-record {@link
 * OnlineOptimizer} over its records from the current model and optimizer state, and the driver merges the
 * partitions' states in partition order by record-weighted averaging ({@link OnlineOptimizer} states the rule). The
 * result is deterministic: the same data in the same partitions gives a bit-identical model.
 *
 * <p>Unlike Spark's mini-batch learners, an online learner has state besides its model: SGD's record count,
 * AdaGrad's squared-gradient sums, FTRL's {@code z} and {@code n}. That state belongs to the model it produced:
 * {@link #update} continues the state of a model this learner produced or restored from a checkpoint (the last
 * two it made are remembered), and starts a fresh state from the weights of any other model (one set with
 * {@link #setInitialModel} or {@link #setInitialWeights}, or loaded from a file). Checkpoints hold both,
 * so a restart continues bit for bit.
 *
 * @param <M> the model type
 */
public abstract class OnlineLinearAlgorithm<M extends Model> extends AbstractStreamingLearner<LabeledPoint, M> {

    /**
     * What a checkpoint of an online learner holds.
     *
     * @param model the model after the last batch, or {@code null}
     * @param optimizerState the optimizer's state that produced it, or {@code null} if it starts fresh
     */
    public record State(Model model, double[] optimizerState) {
        /** The model and the size of the optimizer state (what {@code streamml checkpoint inspect} shows). */
        @Override
        public String toString() {
            return model + ", optimizer state of " + (optimizerState == null ? "none (fresh)"
                    : optimizerState.length + " values");
        }
    }

    private record Remembered(Object model, double[] state) {
    }

    private final OnlineOptions options;
    private final LossFunction loss;
    private final boolean binaryLabels;
    private volatile Remembered newest;
    private volatile Remembered previous;

    /**
     * Creates a learner without a model.
     *
     * @param binaryLabels whether labels must be 0 or 1 (a batch with another label fails)
     */
    protected OnlineLinearAlgorithm(Class<M> modelType, OnlineOptions options, LossFunction loss,
                                    boolean binaryLabels) {
        super(modelType);
        this.options = Objects.requireNonNull(options, "options");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.binaryLabels = binaryLabels;
    }

    /** The learner's settings. */
    public final OnlineOptions options() {
        return options;
    }

    /** A new model of this learner's type; {@code previous} is the model before the batch, or {@code null}. */
    protected abstract M createModel(double[] weights, double intercept, long version, long batchTimeMillis,
                                     double effectiveCount, M previous);

    /** The weights of {@code m}. */
    protected abstract double[] weightsOf(M m);

    /** The intercept of {@code m}. */
    protected abstract double interceptOf(M m);

    /** The number of records behind {@code m} (its effective count). */
    protected abstract double effectiveCountOf(M m);

    /** The prediction of {@code m} for {@code x}. */
    protected abstract double predict(M m, Vector x);

    /** Sets the initial model to {@code weights} (copied) with intercept 0, version 0, fresh optimizer state. */
    public OnlineLinearAlgorithm<M> setInitialWeights(Vector weights) {
        Objects.requireNonNull(weights, "weights");
        setModel(createModel(weights.toArray(), 0.0, 0, Model.NO_BATCH, 0.0, null));
        return this;
    }

    @Override
    protected String noModelMessage() {
        return "no model yet: set initial weights or a model first";
    }

    @Override
    protected void checkCanTrain() {
        if (!hasModel()) {
            throw new IllegalArgumentException("Model must be initialized before starting training.");
        }
    }

    /** The prediction of the model current when each batch runs, for each vector of {@code data}. */
    @Override
    public DStream<Double> predictOn(DStream<Vector> data) {
        if (!hasModel()) {
            throw new IllegalArgumentException("Model must be initialized before starting prediction.");
        }
        return data.transform(b -> {
            M m = currentModel();
            return b.map(x -> predict(m, x));
        });
    }

    /** The prediction of the current model and its version for each value of {@code data}, keys kept. */
    public <K> PairDStream<K, Prediction> predictOnValues(PairDStream<K, Vector> data) {
        if (!hasModel()) {
            throw new IllegalArgumentException("Model must be initialized before starting prediction");
        }
        return PairDStream.of(data.transform(b -> {
            M m = currentModel();
            long version = m.version();
            return b.map(p -> Pair.of(p.key(), new Prediction(predict(m, p.value()), version)));
        }));
    }

    /**
     * One online pass over the batch, partitions in parallel, then the merge. An empty batch returns
     * {@code current} itself.
     *
     * @throws IllegalArgumentException if {@code current} is null, a point has another dimension, or (logistic)
     *         a label is neither 0 nor 1
     */
    @Override
    public M update(M current, Batch<LabeledPoint> batch, Time time) {
        if (batch.isEmpty()) {
            return current;
        }
        if (current == null) {
            throw new IllegalArgumentException("Model must be initialized before starting training.");
        }
        int d = current.numFeatures();
        double[] start = stateOf(current);
        List<OnlineOptimizer.PartitionResult> parts = runPartitions(batch, start, d);
        long total = 0;
        long invalid = 0;
        for (OnlineOptimizer.PartitionResult r : parts) {
            total += r.records();
            invalid += r.invalidLabels();
        }
        if (invalid > 0) {
            throw new IllegalArgumentException("Input validation failed: classification labels should be 0 or 1."
                    + " Found " + invalid + " invalid labels in the batch at " + time);
        }
        OnlineOptimizer optimizer = options.optimizer();
        double[] next = new double[start.length];
        OnlineOptimizer.merge(parts, total, next);
        double[] w = new double[d];
        double b = optimizer.weights(next, d, options, w);
        M model = createModel(w, options.fitIntercept() ? b : 0.0, current.version() + 1, time.millis(),
                effectiveCountOf(current) + total, current);
        remember(model, next);
        return model;
    }

    /** Runs each partition's pass where the partition is; results in partition order. */
    private List<OnlineOptimizer.PartitionResult> runPartitions(Batch<LabeledPoint> batch, double[] start, int d) {
        List<List<LabeledPoint>> partitions = batch.partitions();
        List<Pair<Integer, List<LabeledPoint>>> indexed = new ArrayList<>(partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            indexed.add(Pair.of(i, partitions.get(i)));
        }
        return batch.executor().runOnPartitions(indexed, task(options, loss, binaryLabels, start, d));
    }

    /** The task, built in a static method so that it captures only serializable settings, not the learner. */
    private static BatchExecutor.PartitionFunction<Pair<Integer, List<LabeledPoint>>, OnlineOptimizer.PartitionResult>
            task(OnlineOptions options, LossFunction loss, boolean binaryLabels, double[] start, int d) {
        return p -> options.optimizer().train(p.key(), p.value(), start, d, loss, binaryLabels, options);
    }

    /** The optimizer state {@code m} came with, or a fresh one from its weights; never modified by callers. */
    private double[] stateOf(M m) {
        Remembered a = newest;
        if (a != null && a.model() == m) {
            return a.state();
        }
        Remembered b = previous;
        if (b != null && b.model() == m) {
            return b.state();
        }
        return options.optimizer().initialState(weightsOf(m), options.fitIntercept() ? interceptOf(m) : 0.0,
                options);
    }

    private void remember(M model, double[] state) {
        previous = newest;
        newest = new Remembered(model, state);
    }

    /** The current model and the optimizer state it came with ({@code null} if it has none yet). */
    @Override
    public Object checkpointState() {
        M m = currentModel();
        if (m == null) {
            return null;
        }
        Remembered a = newest;
        return new State(m, a != null && a.model() == m ? a.state().clone() : null);
    }

    /** Puts back a model and its optimizer state; the batches after the checkpoint continue from them. */
    @Override
    public void restoreCheckpointState(Object state) {
        if (state == null) {
            super.restoreCheckpointState(null);
            return;
        }
        if (!(state instanceof State s)) {
            throw new IllegalArgumentException("the checkpoint holds a " + state.getClass().getSimpleName()
                    + " for this " + checkpointKind() + ", which keeps its model and optimizer state");
        }
        super.restoreCheckpointState(s.model());
        double[] opt = s.optimizerState();
        if (opt != null) {
            int expected = options.optimizer().stateSize(s.model().numFeatures());
            if (opt.length != expected) {
                throw new IllegalArgumentException("the checkpoint's optimizer state has " + opt.length
                        + " values, " + options.optimizer() + " with " + s.model().numFeatures()
                        + " features needs " + expected);
            }
            previous = null;
            newest = new Remembered(currentModel(), opt.clone());
        }
    }

    /** The options: a restart from a checkpoint written with other options is refused. */
    @Override
    public String checkpointFingerprint() {
        return options.toString();
    }
}
