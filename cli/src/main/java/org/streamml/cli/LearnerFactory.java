package org.streamml.cli;

import java.util.List;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.DriftDetector;
import org.streamml.ml.drift.DriftDetectors;
import org.streamml.ml.drift.adaptation.AdaptiveLearner;
import org.streamml.ml.drift.adaptation.DriftPolicy;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.Model;
import org.streamml.ml.online.OnlineLinearAlgorithm;
import org.streamml.ml.online.OnlineOptimizer;
import org.streamml.ml.streaming.DecayUnit;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.ml.streaming.StreamingLinearAlgorithm;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.DStream;

/**
 * Builds the {@link StreamingLearner} {@code train} asked for from its options, rejecting options that do not
 * apply, and does what the command line adds to a learner: it sets a model loaded from a file (checking its
 * type), seeds a learner that has no model from the input's first records (DESIGN.md §4's defaults: zero
 * weights for the linear learners, the first k records with weight 0 for k-means) and trains it on the
 * labelled records of the input (k-means on their features only). An online {@code --optimizer} comes from
 * {@link OnlineLearners}.
 */
final class LearnerFactory {
    private LearnerFactory() {
    }

    /** A new learner of {@code algo}, configured from {@code o}'s options. */
    static StreamingLearner<?, ?> create(Algorithm algo, TrainCommand o) {
        OnlineOptimizer online = OnlineLearners.parse(o.optimizer());
        if (algo == Algorithm.KMEANS) {
            reject(o.optimizer() != null, "--optimizer");
        } else if (online != null) {
            rejectKMeansOptions(o);
            return OnlineLearners.create(algo, online, o);
        }
        OnlineLearners.rejectOnlineOptions(o);
        return switch (algo) {
            case LINREG -> {
                rejectKMeansOptions(o);
                StreamingLinearRegressionWithSGD.Options opt = StreamingLinearRegressionWithSGD.Options.defaults();
                if (o.stepSize() != null) {
                    opt = opt.withStepSize(o.stepSize());
                }
                if (o.iterations() != null) {
                    opt = opt.withNumIterations(o.iterations());
                }
                if (o.regParam() != null) {
                    opt = opt.withRegParam(o.regParam());
                }
                if (o.miniBatchFraction() != null) {
                    opt = opt.withMiniBatchFraction(o.miniBatchFraction());
                }
                if (o.convergenceTol() != null) {
                    opt = opt.withConvergenceTol(o.convergenceTol());
                }
                if (o.seed() != null) {
                    opt = opt.withSamplingSeed(o.seed());
                }
                if (o.forgettingFactor() != null) {
                    opt = opt.withForgettingFactor(o.forgettingFactor());
                }
                yield new StreamingLinearRegressionWithSGD(opt);
            }
            case LOGREG -> {
                rejectKMeansOptions(o);
                StreamingLogisticRegressionWithSGD.Options opt =
                        StreamingLogisticRegressionWithSGD.Options.defaults();
                if (o.stepSize() != null) {
                    opt = opt.withStepSize(o.stepSize());
                }
                if (o.iterations() != null) {
                    opt = opt.withNumIterations(o.iterations());
                }
                if (o.regParam() != null) {
                    opt = opt.withRegParam(o.regParam());
                }
                if (o.miniBatchFraction() != null) {
                    opt = opt.withMiniBatchFraction(o.miniBatchFraction());
                }
                if (o.convergenceTol() != null) {
                    opt = opt.withConvergenceTol(o.convergenceTol());
                }
                if (o.seed() != null) {
                    opt = opt.withSamplingSeed(o.seed());
                }
                if (o.forgettingFactor() != null) {
                    opt = opt.withForgettingFactor(o.forgettingFactor());
                }
                yield new StreamingLogisticRegressionWithSGD(opt);
            }
            case KMEANS -> {
                rejectGradientOptions(o);
                StreamingKMeans.Options opt = StreamingKMeans.Options.defaults();
                if (o.k() != null) {
                    opt = opt.withK(o.k());
                }
                DecayUnit unit = o.timeUnit() == null ? DecayUnit.BATCHES : DecayUnit.parse(o.timeUnit());
                if (o.decayFactor() != null && o.halfLife() != null) {
                    throw new IllegalArgumentException("give either --decay-factor or --half-life, not both");
                }
                if (o.halfLife() != null) {
                    opt = opt.withHalfLife(o.halfLife(), unit);
                } else {
                    opt = opt.withDecayUnit(unit);
                    if (o.decayFactor() != null) {
                        opt = opt.withDecayFactor(o.decayFactor());
                    }
                }
                yield new StreamingKMeans(opt);
            }
        };
    }

    /**
     * How many of the input's first records {@link #seed} needs: k for k-means (its first centers), 1 for the
     * linear learners (the dimension).
     */
    static int recordsToSeed(StreamingLearner<?, ?> learner) {
        return learner instanceof StreamingKMeans km ? km.options().k() : 1;
    }

    /**
     * Starts {@code learner} from {@code model} (one loaded from a file).
     *
     * @throws IllegalArgumentException if the model is of another type than the learner's
     */
    static <M extends Model> void setInitialModel(StreamingLearner<?, M> learner, Model model) {
        Class<M> type = learner.modelType();
        if (!type.isInstance(model)) {
            throw new IllegalArgumentException("the initial model is a " + model.type() + " model, this algorithm"
                    + " needs " + type.getSimpleName());
        }
        learner.setInitialModel(type.cast(model));
    }

    /**
     * Seeds {@code learner} from the input when it has no model yet: zero weights of {@code dimension}
     * features, or k-means' first k records with weight 0.
     *
     * @param first the input's first {@link #recordsToSeed} records, fewer only if the input has fewer
     * @throws IllegalArgumentException if k-means needs more records than the input has
     */
    static void seed(StreamingLearner<?, ?> learner, int dimension, List<LabeledPoint> first) {
        if (learner.hasModel()) {
            return;
        }
        if (learner instanceof StreamingKMeans km) {
            int k = km.options().k();
            if (first.size() < k) {
                throw new IllegalArgumentException("k-means starts from the first k = " + k
                        + " records, but the input has only " + first.size());
            }
            double[][] centers = new double[k][];
            for (int j = 0; j < k; j++) {
                centers[j] = first.get(j).features().toArray();
            }
            km.setInitialCenters(centers, new double[k]);
        } else if (learner instanceof StreamingLinearAlgorithm<?> linear) {
            linear.setInitialWeights(Vectors.zeros(dimension));
        } else if (learner instanceof OnlineLinearAlgorithm<?> online) {
            online.setInitialWeights(Vectors.zeros(dimension));
        } else {
            throw new IllegalStateException("no seeding for " + learner.getClass().getName());
        }
    }

    /**
     * Wraps {@code learner} (seeded already: its model is what reset-to-offline returns to) in an
     * {@link AdaptiveLearner} watched by detector {@code detector} and reacting by {@code policy} (reset when
     * {@code null}).
     *
     * @throws IllegalArgumentException for an unknown detector or policy, DDM or EDDM with a learner whose errors
     *         are not 0/1, or raise-forgetting with a linear learner that does not forget
     */
    static StreamingLearner<?, ?> adaptive(StreamingLearner<?, ?> learner, String detector, String policy) {
        DriftDetector d = DriftDetectors.create(detector);
        AdaptiveLearner.Options options = AdaptiveLearner.Options.defaults();
        if (policy != null) {
            options = options.withPolicy(DriftPolicy.parse(policy));
        }
        if (DriftDetectors.readsOnlyZeroOne(detector) && !(learner instanceof StreamingLogisticRegressionWithSGD)) {
            throw new IllegalArgumentException("--drift-detector " + detector + " reads 0/1 errors, which only logreg"
                    + " has: use adwin, page-hinkley or kswin");
        }
        if (learner instanceof StreamingLogisticRegressionWithSGD lr) {
            return AdaptiveLearner.logistic(lr, d, options);
        } else if (learner instanceof StreamingLinearRegressionWithSGD lr) {
            return AdaptiveLearner.linear(lr, d, options);
        } else if (learner instanceof StreamingKMeans km) {
            return AdaptiveLearner.kMeans(km, d, options);
        }
        throw new IllegalArgumentException("--drift-detector applies to the mini-batch learners (--optimizer"
                + " mini-batch, the default), not to the online optimizers");
    }

    /** Registers training of {@code learner} on {@code stream}: k-means on the records' features. */
    @SuppressWarnings("unchecked")
    static void trainOn(StreamingLearner<?, ?> learner, DStream<LabeledPoint> stream) {
        if (learner instanceof StreamingKMeans km) {
            km.trainOn(stream.map(LabeledPoint::features));
        } else if (learner instanceof StreamingLinearAlgorithm<?> linear) {
            linear.trainOn(stream);
        } else if (learner instanceof OnlineLinearAlgorithm<?> online) {
            online.trainOn(stream);
        } else if (learner instanceof AdaptiveLearner<?, ?> a && a.modelType() == KMeansModel.class) {
            ((AdaptiveLearner<Vector, KMeansModel>) a).trainOn(stream.map(LabeledPoint::features));
        } else if (learner instanceof AdaptiveLearner<?, ?> a) {
            ((AdaptiveLearner<LabeledPoint, ?>) a).trainOn(stream);
        } else {
            throw new IllegalStateException("no training input for " + learner.getClass().getName());
        }
    }

    private static void rejectKMeansOptions(TrainCommand o) {
        reject(o.k() != null, "--k");
        reject(o.decayFactor() != null, "--decay-factor");
        reject(o.halfLife() != null, "--half-life");
        reject(o.timeUnit() != null, "--time-unit");
    }

    private static void rejectGradientOptions(TrainCommand o) {
        reject(o.stepSize() != null, "--step-size");
        reject(o.iterations() != null, "--iterations");
        reject(o.regParam() != null, "--reg-param");
        reject(o.miniBatchFraction() != null, "--mini-batch-fraction");
        reject(o.convergenceTol() != null, "--convergence-tol");
        reject(o.seed() != null, "--seed");
        reject(o.forgettingFactor() != null, "--forgetting-factor");
    }

    static void reject(boolean given, String option) {
        if (given) {
            throw new IllegalArgumentException(option + " does not apply to this algorithm");
        }
    }
}
