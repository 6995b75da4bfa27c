package org.streamml.ml.drift.adaptation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.DriftDetector;
import org.streamml.ml.drift.DriftSignal;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Time;

/**
 * A streaming learner that watches its own errors and adapts when the concept drifts. For every batch, test then
 * train: the current model scores the batch (as partition tasks of the batch's executor; only one error per
 * record comes back to the driver), the errors go to the {@link DriftDetector} in stream order, and the batch's
 * signal decides, through the {@link DriftPolicy}, which model the wrapped learner trains on the batch.
 *
 * <p>The error of a record is the learner's ({@link LearnerAdaptation#errorName()}): logistic regression's 0/1
 * error, linear regression's absolute error, k-means' distance to the nearest center. DDM and EDDM read only 0/1
 * errors, so they suit logistic regression; ADWIN, Page-Hinkley and KSWIN suit all three.
 *
 * <pre>{@code
 * StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(options)
 *         .setInitialWeights(Vectors.zeros(3));
 * AdaptiveLearner<LabeledPoint, LogisticRegressionModel> adaptive = AdaptiveLearner.logistic(lr, new Adwin(),
 *         AdaptiveLearner.Options.defaults().withPolicy(DriftPolicy.BACKGROUND));
 * adaptive.onDriftEvent(e -> { if (e.isDrift()) System.out.println("drift at record " + e.position()); });
 * adaptive.trainOn(labelled);
 * ssc.start();
 * }</pre>
 *
 * <p>Deterministic: the errors of partition i are fed after those of partition i − 1, whatever the executor.
 * Everything it keeps (the model, the detector's state, the policy's countdown, the background model, the
 * detections) is in its checkpoint, so a restart continues bit for bit. The wrapped learner must not also be
 * trained on its own: the wrapper sets its model after every batch, so the learner's {@code predictOn} and
 * {@code latestModel} serve the adaptive model.
 *
 * @param <I> the training record type
 * @param <M> the model type
 */
public final class AdaptiveLearner<I, M extends Model> implements StreamingLearner<I, M>, Checkpointed {

    /**
     * How to adapt.
     *
     * @param policy the reaction to a drift (default {@link DriftPolicy#RESET})
     * @param boostBatches how many batches {@link DriftPolicy#RAISE_FORGETTING} lasts, >= 1 (10)
     * @param forgettingScale what {@link DriftPolicy#RAISE_FORGETTING} multiplies the forgetting factor by, in
     *        [0, 1) (0.1: the past weighs a tenth of what it did)
     */
    public record Options(DriftPolicy policy, int boostBatches, double forgettingScale) {

        /** Validates the options. */
        public Options {
            Objects.requireNonNull(policy, "policy");
            if (boostBatches < 1) {
                throw new IllegalArgumentException("boostBatches must be >= 1: " + boostBatches);
            }
            if (!(forgettingScale >= 0 && forgettingScale < 1)) {
                throw new IllegalArgumentException("forgettingScale must be in [0, 1): " + forgettingScale);
            }
        }

        /** Reset on drift; for raise-forgetting, 10 batches at a tenth of the forgetting factor. */
        public static Options defaults() {
            return new Options(DriftPolicy.RESET, 10, 0.1);
        }

        /** A copy with another policy. */
        public Options withPolicy(DriftPolicy p) {
            return new Options(p, boostBatches, forgettingScale);
        }

        /** A copy with another length of raised forgetting. */
        public Options withBoostBatches(int n) {
            return new Options(policy, n, forgettingScale);
        }

        /** A copy with another scale of the forgetting factor. */
        public Options withForgettingScale(double s) {
            return new Options(policy, boostBatches, s);
        }
    }

    private final LearnerAdaptation<I, M> adaptation;
    private final StreamingLearner<I, M> learner;
    private final DriftDetector detector;
    private final Options options;
    private final DriftReaction<I, M> reaction;
    private final List<Consumer<? super M>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super DriftEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<DriftEvent> detections = new CopyOnWriteArrayList<>();
    /** Records given to the detector so far; changed only on the thread that runs the batches. */
    private long position;

    /**
     * Wraps {@code adaptation}'s learner, which must hold a model: the one {@link DriftPolicy#RESET_TO_OFFLINE}
     * returns to.
     *
     * @throws IllegalArgumentException if the learner has no model, or the policy is raise-forgetting and the
     *         learner does not forget
     */
    public AdaptiveLearner(LearnerAdaptation<I, M> adaptation, DriftDetector detector, Options options) {
        this.adaptation = Objects.requireNonNull(adaptation, "adaptation");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.options = Objects.requireNonNull(options, "options");
        this.learner = Objects.requireNonNull(adaptation.learner(), "adaptation.learner()");
        if (!learner.hasModel()) {
            throw new IllegalArgumentException("the learner to wrap must have a model (initial weights or centers,"
                    + " or one loaded from a file): it is what reset-to-offline returns to");
        }
        this.reaction = new DriftReaction<>(adaptation, options, learner.latestModel());
    }

    /** Adaptive logistic regression, scored by 0/1 error. */
    public static AdaptiveLearner<LabeledPoint, LogisticRegressionModel> logistic(
            StreamingLogisticRegressionWithSGD learner, DriftDetector detector, Options options) {
        return new AdaptiveLearner<>(new LogisticAdaptation(learner), detector, options);
    }

    /** Adaptive linear regression, scored by absolute error. */
    public static AdaptiveLearner<LabeledPoint, LinearRegressionModel> linear(
            StreamingLinearRegressionWithSGD learner, DriftDetector detector, Options options) {
        return new AdaptiveLearner<>(new LinearRegressionAdaptation(learner), detector, options);
    }

    /** Adaptive k-means, scored by the distance to the nearest center. */
    public static AdaptiveLearner<Vector, KMeansModel> kMeans(StreamingKMeans learner, DriftDetector detector,
                                                              Options options) {
        return new AdaptiveLearner<>(new KMeansAdaptation(learner), detector, options);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The detector, for its name and statistic; feeding it values yourself breaks the wrapper's determinism. */
    public DriftDetector detector() {
        return detector;
    }

    /** What the errors fed to the detector are, such as {@code "0/1 error"}. */
    public String errorName() {
        return adaptation.errorName();
    }

    @Override
    public Class<M> modelType() {
        return learner.modelType();
    }

    /** Replaces the current model (not the one reset-to-offline returns to). */
    @Override
    public StreamingLearner<I, M> setInitialModel(M model) {
        learner.setInitialModel(model);
        return this;
    }

    @Override
    public boolean hasModel() {
        return learner.hasModel();
    }

    @Override
    public M latestModel() {
        return learner.latestModel();
    }

    /** The wrapped learner's plain update, without detection or adaptation (their state lives in this wrapper). */
    @Override
    public M update(M model, Batch<I> batch, Time time) {
        return learner.update(model, batch, time);
    }

    @Override
    public void trainOn(DStream<I> data) {
        Objects.requireNonNull(data, "data");
        data.context().registerCheckpointed(this);
        data.foreachBatch(this::applyBatch);
    }

    @Override
    public DStream<? extends Number> predictOn(DStream<Vector> data) {
        return learner.predictOn(data);
    }

    @Override
    public void onModel(Consumer<? super M> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Calls {@code listener} with every scored (non-empty) batch's event, after the batch's update. */
    public void onDriftEvent(Consumer<? super DriftEvent> listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The events of the batches that saw a drift, in order. */
    public List<DriftEvent> detections() {
        return List.copyOf(detections);
    }

    /** Whether a background model is being trained (policy {@link DriftPolicy#BACKGROUND} after a warning). */
    public boolean hasBackgroundModel() {
        return reaction.background() != null;
    }

    /**
     * Applies one batch as {@link #trainOn} does (usable on batches outside a stream): score, detect, react,
     * train. An empty batch is trained on (k-means decays) without scoring; the policy's state stays.
     *
     * @return the model after the batch
     */
    public M applyBatch(Batch<I> batch, Time time) {
        M current = learner.latestModel();
        if (batch.isEmpty()) {
            return publish(current, reaction.nextEmpty(current, batch, time));
        }
        DriftEvent event = detect(adaptation.errors(batch, current), time);
        M next = reaction.next(current, event.signal(), batch, time);
        if (event.isDrift()) {
            detections.add(event);
        }
        publish(current, next);
        for (Consumer<? super DriftEvent> l : eventListeners) {
            l.accept(event);
        }
        return next;
    }

    private DriftEvent detect(List<double[]> errors, Time time) {
        long firstDrift = -1;
        int drifts = 0;
        long count = 0;
        double sum = 0;
        DriftSignal last = DriftSignal.NONE;
        for (double[] part : errors) {
            for (double e : part) {
                last = detector.add(e);
                if (last == DriftSignal.DRIFT) {
                    drifts++;
                    if (firstDrift < 0) {
                        firstDrift = position;
                    }
                }
                sum += e;
                position++;
            }
            count += part.length;
        }
        DriftSignal signal = drifts > 0 ? DriftSignal.DRIFT : last;
        return new DriftEvent(time, detector.name(), signal, detector.statistic(),
                firstDrift >= 0 ? firstDrift : position, drifts, count, sum / count);
    }

    private M publish(M current, M next) {
        if (next != current) {
            learner.setInitialModel(next);
            for (Consumer<? super M> l : listeners) {
                l.accept(next);
            }
        }
        return next;
    }

    /** {@code Adaptive} and the wrapped learner's kind: part of a checkpoint's fingerprint. */
    @Override
    public String checkpointKind() {
        return "Adaptive" + learner.getClass().getSimpleName();
    }

    /** The learner's options, the detector and these options: a restart with others is refused. */
    @Override
    public String checkpointFingerprint() {
        String inner = learner instanceof Checkpointed c ? c.checkpointFingerprint() : "";
        return inner + " " + detector.name() + " " + options;
    }

    /**
     * {@code [model, background model or empty, detector state, [position, batches of raised forgetting left],
     * detections]}.
     */
    @Override
    public Object checkpointState() {
        return List.of(learner.latestModel(), Optional.ofNullable(reaction.background()), detector.saveState(),
                new long[] {position, reaction.boostLeft()}, new ArrayList<>(detections));
    }

    @Override
    public void restoreCheckpointState(Object state) {
        if (!(state instanceof List<?> parts) || parts.size() != 5 || !modelType().isInstance(parts.get(0))
                || !(parts.get(1) instanceof Optional<?> bg) || !(parts.get(3) instanceof long[] counters)
                || counters.length != 2 || !(parts.get(4) instanceof List<?> events)) {
            throw new IllegalArgumentException("not a checkpoint of this " + checkpointKind() + ": expected"
                    + " [model, optional background model, detector state, long[2], detections]");
        }
        detector.restoreState(parts.get(2));
        learner.setInitialModel(modelType().cast(parts.get(0)));
        reaction.restore(bg.map(modelType()::cast).orElse(null), Math.toIntExact(counters[1]));
        position = counters[0];
        detections.clear();
        for (Object e : events) {
            detections.add((DriftEvent) e);
        }
    }
}
