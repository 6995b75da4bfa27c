package org.streamml.ml.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.Model;
import org.streamml.ml.optim.DataBlock;
import org.streamml.ml.optim.GradientDescent;
import org.streamml.ml.optim.GradientDescentSettings;
import org.streamml.ml.optim.LossFunction;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.Time;
import org.streamml.streaming.api.java.JavaDStream;
import org.streamml.streaming.api.java.JavaPairDStream;

/**
 * The shared machinery of the streaming linear learners (Spark's {@code StreamingLinearAlgorithm}):
 * {@link #update} runs {@link GradientDescent} on every non-empty batch from the model's weights, and
 * predictions read the model current when their batch runs. Output operations run in registration
 * order, so {@code trainOn} registered before {@code predictOn} predicts batch t with the model trained
 * on batch t, and after it with the model of batch t − 1. The effective count of forgetting lives in
 * the model, so a saved model resumes exactly.
 *
 * @param <M> the model type
 */
public abstract class StreamingLinearAlgorithm<M extends Model> extends AbstractStreamingLearner<LabeledPoint, M> {
    private final LossFunction loss;
    /** The settings of every batch, replaced as a whole (before {@code trainOn}) by {@link #reconfigure}. */
    private volatile Config config;

    /** The settings {@link #update} reads, one consistent snapshot per batch. */
    private record Config(GradientDescentSettings settings, double forgettingFactor, boolean autoInitialWeights) {
    }

    /**
     * Creates a learner without a model.
     *
     * @param modelType the class of the learner's models
     * @param loss the loss the learner minimises
     * @param settings the gradient descent settings of every batch
     * @param forgettingFactor the weight of the previous model against a batch of n points, 0 for Spark's
     *        behaviour
     * @param autoInitialWeights whether a missing model starts as zeros sized by the first batch
     */
    protected StreamingLinearAlgorithm(Class<M> modelType, LossFunction loss, GradientDescentSettings settings,
                                       double forgettingFactor, boolean autoInitialWeights) {
        super(modelType);
        this.loss = Objects.requireNonNull(loss, "loss");
        this.config = new Config(Objects.requireNonNull(settings, "settings"), forgettingFactor, autoInitialWeights);
    }

    /**
     * Replaces the settings of every later batch (the Spark-style setters of the subclasses).
     *
     * @param setter the calling setter's name, for the message
     * @throws IllegalStateException if the learner already trains on a stream ({@link #checkNotTraining})
     */
    protected final void reconfigure(String setter, GradientDescentSettings settings, double forgettingFactor,
                                     boolean autoInitialWeights) {
        checkNotTraining(setter);
        this.config = new Config(Objects.requireNonNull(settings, "settings"), forgettingFactor, autoInitialWeights);
    }

    /**
     * A new model of this learner's type.
     *
     * @param effectiveCount the discounted number of points behind the model (forgetting's {@code N})
     * @param previous the model before the batch, or {@code null}
     */
    protected abstract M createModel(double[] weights, double intercept, long version, long batchTimeMillis,
                                     double effectiveCount, M previous);

    /** The weights of {@code m}. */
    protected abstract double[] weightsOf(M m);

    /** The intercept of {@code m}. */
    protected abstract double interceptOf(M m);

    /** The effective count of {@code m} (0 for a model that no batch of forgetting has made). */
    protected abstract double effectiveCountOf(M m);

    /** The prediction of {@code m} for {@code x}. */
    protected abstract double predict(M m, Vector x);

    /** Checks a batch before training; throws to fail it. Does nothing by default. */
    protected void validate(Batch<DataBlock> blocks, Time time) {
    }

    /** Sets the initial model to {@code weights} (copied) with intercept 0, version 0. */
    public StreamingLinearAlgorithm<M> setInitialWeights(Vector weights) {
        Objects.requireNonNull(weights, "weights");
        setModel(createModel(weights.toArray(), 0.0, 0, Model.NO_BATCH, 0.0, null));
        return this;
    }

    /**
     * Starts from {@code initial}, a model saved earlier or trained offline, keeping its version and
     * effective count so that later models continue from it.
     */
    @Override
    public StreamingLinearAlgorithm<M> setInitialModel(M initial) {
        super.setInitialModel(initial);
        return this;
    }

    @Override
    protected String noModelMessage() {
        return "no model yet: set initial weights or a model, or train on a non-empty batch first";
    }

    /**
     * {@inheritDoc} Empty batches leave the model unchanged.
     *
     * @throws IllegalArgumentException if no model is set (unless automatic initial weights are on)
     */
    @Override
    protected void checkCanTrain() {
        if (!hasModel() && !config.autoInitialWeights()) {
            throw new IllegalArgumentException("Model must be initialized before starting training.");
        }
    }

    /** The prediction of the current model for each vector of {@code data}. */
    @Override
    public DStream<Double> predictOn(DStream<Vector> data) {
        checkCanPredict("Model must be initialized before starting prediction.");
        return data.transform(b -> {
            M m = modelForBatch(b.time());
            return b.map(x -> predict(m, x));
        });
    }

    /** Spark's Java {@code predictOn}: {@link #predictOn(DStream)} of the stream behind {@code data}. */
    public JavaDStream<Double> predictOn(JavaDStream<Vector> data) {
        return new JavaDStream<>(predictOn(Objects.requireNonNull(data, "data").dstream()));
    }

    /**
     * Spark's Java {@code predictOnValues}: each key with the bare prediction, as Spark gives it
     * ({@link #predictOnValues(PairDStream)} also gives the model version).
     */
    public <K> JavaPairDStream<K, Double> predictOnValues(JavaPairDStream<K, Vector> data) {
        return new JavaPairDStream<>(predictOnValues(Objects.requireNonNull(data, "data").dstream())
                .mapValues(Prediction::value));
    }

    /** The prediction of the current model for each value of {@code data}, keys kept. */
    public <K> PairDStream<K, Prediction> predictOnValues(PairDStream<K, Vector> data) {
        checkCanPredict("Model must be initialized before starting prediction");
        return PairDStream.of(data.transform(b -> {
            M m = modelForBatch(b.time());
            long version = m.version();
            return b.map(p -> Pair.of(p.key(), new Prediction(predict(m, p.value()), version)));
        }));
    }

    private void checkCanPredict(String message) {
        if (!hasModel() && !config.autoInitialWeights()) {
            throw new IllegalArgumentException(message);
        }
    }

    private M modelForBatch(Time time) {
        M m = currentModel();
        if (m == null) {
            throw new IllegalStateException("no model to predict batch " + time + " with: automatic initial"
                    + " weights are created by the first non-empty training batch, which has not run yet");
        }
        return m;
    }

    /**
     * Spark's per-batch update: gradient descent from {@code current}'s weights, then, with a forgetting
     * factor {@code a > 0}, the average {@code (a·N·w_old + n·w_batch)/(a·N + n)} with N the model's
     * effective count. An empty batch returns {@code current} itself.
     *
     * @param current the model before the batch; {@code null} only with automatic initial weights
     * @throws IllegalArgumentException if {@code current} is null without automatic initial weights
     */
    @Override
    public M update(M current, Batch<LabeledPoint> batch, Time time) {
        if (batch.isEmpty()) {
            return current;
        }
        Config c = config;
        GradientDescentSettings settings = c.settings();
        if (current == null && !c.autoInitialWeights()) {
            throw new IllegalArgumentException("Model must be initialized before starting training.");
        }
        int dim = current != null ? current.numFeatures() : firstDimension(batch);
        double[] w0 = current != null ? weightsOf(current) : new double[dim];
        double b0 = current != null ? interceptOf(current) : 0.0;
        Batch<DataBlock> blocks = flatten(batch, dim);
        validate(blocks, time);
        GradientDescent.Result r = GradientDescent.run(blocks, loss, w0, b0, settings);
        double[] w = r.weights();
        double b = settings.fitIntercept() ? r.intercept() : 0.0;
        double a = c.forgettingFactor();
        long n = batch.count();
        double effectiveCount;
        if (a > 0 && current != null) {
            double past = a * effectiveCountOf(current);
            double total = past + n;
            for (int j = 0; j < w.length; j++) {
                w[j] = (past * w0[j] + n * w[j]) / total;
            }
            b = (past * b0 + n * b) / total;
            effectiveCount = total;
        } else {
            effectiveCount = n;
        }
        long version = current == null ? 1 : current.version() + 1;
        return createModel(w, b, version, time.millis(), effectiveCount, current);
    }

    /** The dimension of the batch's first point, found where the partitions are. */
    private static int firstDimension(Batch<LabeledPoint> batch) {
        int d = batch.aggregatePartitions(() -> -1, part -> part.isEmpty() ? -1 : part.get(0).features().size(),
                (a, b) -> a >= 0 ? a : b);
        if (d < 0) {
            throw new IllegalStateException("empty batch");
        }
        return d;
    }

    /**
     * One {@link DataBlock} per partition of {@code batch}, built where the partition is (in parallel on
     * the batch's executor; on a cluster the blocks stay on the workers, so each gradient iteration ships
     * only the model).
     */
    static Batch<DataBlock> flatten(Batch<LabeledPoint> batch, int dim) {
        List<List<LabeledPoint>> parts = batch.partitions();
        List<Pair<Integer, List<LabeledPoint>>> indexed = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            indexed.add(Pair.of(i, parts.get(i)));
        }
        List<List<DataBlock>> blocks = batch.executor().computePartitions(indexed,
                p -> List.of(DataBlock.of(p.key(), p.value(), dim)));
        return new Batch<>(batch.time(), blocks, batch.executor());
    }
}
