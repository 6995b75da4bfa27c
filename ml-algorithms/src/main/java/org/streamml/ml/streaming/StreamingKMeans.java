package org.streamml.ml.streaming;

import java.util.Objects;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.random.XORShiftRandom;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.Time;
import org.streamml.streaming.api.java.JavaDStream;
import org.streamml.streaming.api.java.JavaPairDStream;

/**
 * Streaming k-means with forgetting, Spark's {@code StreamingKMeans}. For every batch, empty ones
 * included: assign each point to its nearest center (as the centers were before the batch), discount
 * every cluster weight by {@code a} (per batch) or {@code a^M} (per point, M the batch's size), move
 * each touched center to {@code (d·n·c + Σx)/(d·n + m)}, then split the largest cluster into the
 * smallest if that one's weight fell below 1e-8 of the largest.
 *
 * <p>Unlike Spark, models are immutable: each batch makes a new {@link KMeansModel}, and the arrays a
 * caller passes to {@link #setInitialCenters} are copied, not changed in place. Everything the next
 * batch needs (centers, cluster weights, version) is in the model, so a saved model resumes exactly.
 *
 * <pre>{@code
 * StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3)
 *         .withHalfLife(5, DecayUnit.BATCHES));
 * km.setRandomCenters(2, 0.0, 42L);
 * km.trainOn(points);
 * km.predictOn(points).print();
 * }</pre>
 *
 * <p>Spark's builder methods, constructor and getters work too, with Spark's names, arguments and
 * chaining. Each setter replaces the learner's {@link Options} by the matching {@code with} copy; all are
 * refused with an {@code IllegalStateException} once {@link #trainOn} was called:
 *
 * <pre>{@code
 * StreamingKMeans km = new StreamingKMeans().setK(3).setDecayFactor(1.0).setHalfLife(5, "batches")
 *         .setRandomCenters(2, 0.0, 42L);   // same as the Options above
 * new StreamingKMeans(3, 1.0, "batches");   // Spark's constructor: k, decayFactor, timeUnit
 * }</pre>
 */
public final class StreamingKMeans extends AbstractStreamingLearner<Vector, KMeansModel> {

    /**
     * The learner's settings; {@link #defaults()} are Spark's.
     *
     * @param k the number of clusters >= 1 (Spark: 2)
     * @param decayFactor the forgetting factor {@code a} >= 0, no upper bound as in Spark (1.0: no
     *        forgetting)
     * @param decayUnit whether {@code a} applies per batch or per point (batches)
     */
    public record Options(int k, double decayFactor, DecayUnit decayUnit) {

        /** Validates the settings. */
        public Options {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1: " + k);
            }
            if (!(decayFactor >= 0) || Double.isInfinite(decayFactor)) {
                throw new IllegalArgumentException("decay factor must be finite and >= 0: " + decayFactor);
            }
            Objects.requireNonNull(decayUnit, "decayUnit");
        }

        /** Spark's defaults: k = 2, decay 1.0 per batch. */
        public static Options defaults() {
            return new Options(2, 1.0, DecayUnit.BATCHES);
        }

        /** A copy with another k. */
        public Options withK(int newK) {
            return new Options(newK, decayFactor, decayUnit);
        }

        /** A copy with another decay factor. */
        public Options withDecayFactor(double a) {
            return new Options(k, a, decayUnit);
        }

        /** A copy with another decay unit. */
        public Options withDecayUnit(DecayUnit unit) {
            return new Options(k, decayFactor, unit);
        }

        /**
         * A copy whose weights halve every {@code h} > 0 units: {@code a = exp(ln(0.5)/h)}, computed as
         * Spark computes it.
         */
        public Options withHalfLife(double h, DecayUnit unit) {
            return new Options(k, LinearOptionChecks.halfLifeToFactor(h), unit);
        }
    }

    private volatile Options options;

    /** A learner with Spark's defaults. */
    public StreamingKMeans() {
        this(Options.defaults());
    }

    /**
     * Spark's constructor {@code StreamingKMeans(k, decayFactor, timeUnit)}.
     *
     * @param timeUnit {@code "batches"} or {@code "points"} ({@link DecayUnit#parse})
     * @throws IllegalArgumentException if {@code k} < 1, the decay factor is negative or infinite, or the
     *         time unit is neither
     */
    public StreamingKMeans(int k, double decayFactor, String timeUnit) {
        this(new Options(k, decayFactor, DecayUnit.parse(Objects.requireNonNull(timeUnit, "timeUnit"))));
    }

    /** A learner with {@code options}. */
    public StreamingKMeans(Options options) {
        super(KMeansModel.class);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The learner's settings (the Spark-style setters replace them). */
    public Options options() {
        return options;
    }

    /** Spark's {@code k}: the number of clusters. */
    public int k() {
        return options.k();
    }

    /** Spark's {@code decayFactor}. */
    public double decayFactor() {
        return options.decayFactor();
    }

    /** Spark's {@code timeUnit}: {@code "batches"} or {@code "points"}. */
    public String timeUnit() {
        return options.decayUnit().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Spark's {@code setK}: {@link Options#withK}. Default 2. Call it before setting initial centers.
     *
     * @throws IllegalStateException after {@link #trainOn}, or if initial centers of another k are set
     * @throws IllegalArgumentException if {@code k} < 1
     */
    public StreamingKMeans setK(int k) {
        checkNotTraining("setK");
        KMeansModel current = currentModel();
        if (current != null && current.k() != k) {
            throw new IllegalStateException("setK(" + k + ") was called after " + current.k() + " initial centers"
                    + " were set: call setK before setInitialCenters or setRandomCenters");
        }
        return reconfigure(options.withK(k));
    }

    /**
     * Spark's {@code setDecayFactor}: {@link Options#withDecayFactor}; the time unit stays. Default 1.0.
     *
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code a} is negative or infinite
     */
    public StreamingKMeans setDecayFactor(double a) {
        checkNotTraining("setDecayFactor");
        return reconfigure(options.withDecayFactor(a));
    }

    /**
     * Spark's {@code setHalfLife}: {@link Options#withHalfLife}, decay factor {@code exp(ln(0.5)/halfLife)}
     * per {@code timeUnit}.
     *
     * @param timeUnit {@code "batches"} or {@code "points"} ({@link DecayUnit#parse})
     * @throws IllegalStateException after {@link #trainOn}
     * @throws IllegalArgumentException if {@code halfLife} is not > 0 or the time unit is neither
     */
    public StreamingKMeans setHalfLife(double halfLife, String timeUnit) {
        checkNotTraining("setHalfLife");
        return reconfigure(options.withHalfLife(halfLife,
                DecayUnit.parse(Objects.requireNonNull(timeUnit, "timeUnit"))));
    }

    /** Replaces the options; the caller has checked {@link #checkNotTraining} first. */
    private StreamingKMeans reconfigure(Options next) {
        this.options = next;
        return this;
    }

    /**
     * Starts from {@code centers} (copied) with cluster {@code weights}, version 0.
     *
     * @throws IllegalArgumentException with Spark's messages if the counts differ, are not k, or a weight
     *         is negative
     */
    public StreamingKMeans setInitialCenters(double[][] centers, double[] weights) {
        if (centers.length != weights.length) {
            throw new IllegalArgumentException("Number of initial centers must be equal to number of weights: "
                    + centers.length + " and " + weights.length);
        }
        if (centers.length != options.k()) {
            throw new IllegalArgumentException("Number of initial centers must be " + options.k() + " but got "
                    + centers.length);
        }
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0)) {
                throw new IllegalArgumentException("Weight for each initial center must be nonnegative: weight "
                        + j + " is " + weights[j]);
            }
        }
        setModel(new KMeansModel(centers, weights));
        return this;
    }

    /** {@link #setInitialCenters(double[][], double[])} for vector centers (stored dense). */
    public StreamingKMeans setInitialCenters(Vector[] centers, double[] weights) {
        double[][] c = new double[centers.length][];
        for (int j = 0; j < centers.length; j++) {
            c[j] = centers[j].toArray();
        }
        return setInitialCenters(c, weights);
    }

    /**
     * Starts from k random centers of dimension {@code dim}, each component drawn in order (center 0
     * first) from {@code XORShiftRandom(seed).nextGaussian()}, all with weight {@code weight}.
     */
    public StreamingKMeans setRandomCenters(int dim, double weight, long seed) {
        if (dim < 1) {
            throw new IllegalArgumentException("Number of dimensions must be positive but got " + dim);
        }
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("Weight for each center must be nonnegative but got " + weight);
        }
        XORShiftRandom random = new XORShiftRandom(seed);
        double[][] centers = new double[options.k()][dim];
        for (double[] c : centers) {
            for (int t = 0; t < dim; t++) {
                c[t] = random.nextGaussian();
            }
        }
        double[] weights = new double[options.k()];
        java.util.Arrays.fill(weights, weight);
        setModel(new KMeansModel(centers, weights));
        return this;
    }

    /**
     * Spark's {@code setRandomCenters(dim, weight)} without a seed: {@link #setRandomCenters(int, double, long)}
     * with a random seed, as Spark draws one. Pass a seed for reproducible runs.
     */
    public StreamingKMeans setRandomCenters(int dim, double weight) {
        return setRandomCenters(dim, weight, new java.util.Random().nextLong());
    }

    /**
     * Starts from {@code initial} (its k must be this learner's), keeping its version so later versions
     * continue from it. A model trained offline can pass its cluster sizes as weights with
     * {@link #setInitialCenters}.
     */
    @Override
    public StreamingKMeans setInitialModel(KMeansModel initial) {
        super.setInitialModel(initial);
        return this;
    }

    @Override
    protected void checkInitialModel(KMeansModel initial) {
        if (initial.k() != options.k()) {
            throw new IllegalArgumentException("Number of initial centers must be " + options.k() + " but got "
                    + initial.k());
        }
    }

    @Override
    protected String noModelMessage() {
        return "Initial cluster centers must be set before starting predictions";
    }

    /** {@inheritDoc} Every batch updates the model, empty batches included. */
    @Override
    protected void checkCanTrain() {
        latestModel();
    }

    /** The index of the nearest current center for each vector of {@code data}. */
    @Override
    public DStream<Integer> predictOn(DStream<Vector> data) {
        latestModel();
        return data.transform(b -> {
            KMeansModel m = latestModel();
            return b.map(m::predict);
        });
    }

    /** Spark's Java {@code predictOn}: {@link #predictOn(DStream)} of the stream behind {@code data}. */
    public JavaDStream<Integer> predictOn(JavaDStream<Vector> data) {
        return new JavaDStream<>(predictOn(Objects.requireNonNull(data, "data").dstream()));
    }

    /**
     * Spark's Java {@code predictOnValues}: each key with the bare cluster index, as Spark gives it
     * ({@link #predictOnValues(PairDStream)} also gives the model version).
     */
    public <K> JavaPairDStream<K, Integer> predictOnValues(JavaPairDStream<K, Vector> data) {
        return new JavaPairDStream<>(predictOnValues(Objects.requireNonNull(data, "data").dstream())
                .mapValues(ClusterPrediction::cluster));
    }

    /** The nearest current center for each value of {@code data}, keys kept. */
    public <K> PairDStream<K, ClusterPrediction> predictOnValues(PairDStream<K, Vector> data) {
        latestModel();
        return PairDStream.of(data.transform(b -> {
            KMeansModel m = latestModel();
            long version = m.version();
            return b.map(p -> Pair.of(p.key(), new ClusterPrediction(m.predict(p.value()), version)));
        }));
    }

    /**
     * Spark's update of {@code model} by one batch (empty batches included): a new model with version + 1
     * and the batch's time; {@code model} is not changed.
     *
     * @throws IllegalStateException if {@code model} is null
     */
    @Override
    public KMeansModel update(KMeansModel model, Batch<Vector> batch, Time time) {
        if (model == null) {
            throw new IllegalStateException(noModelMessage());
        }
        double[][] centers = model.centers();
        double[] weights = model.clusterWeights();
        KMeansUpdate.apply(batch, centers, weights, options.decayFactor(), options.decayUnit());
        return new KMeansModel(centers, weights, model.version() + 1, time.millis());
    }

    /**
     * Applies one batch to the current model, as {@link #trainOn} does (also usable on batches outside a
     * stream): the model listeners receive the new model.
     *
     * @return the new current model
     */
    public KMeansModel update(Batch<Vector> batch, Time time) {
        return applyBatch(batch, time);
    }

    /** The options: a restart from a checkpoint written with other options is refused. */
    @Override
    public String checkpointFingerprint() {
        return options.toString();
    }
}
