package org.streamml.cli;

import org.streamml.ml.streaming.DecayUnit;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;

/** Builds the learner {@code train} asked for from its options, rejecting options that do not apply. */
final class LearnerFactory {
    private LearnerFactory() {
    }

    static CliLearner create(Algorithm algo, TrainCommand o) {
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
                yield CliLearner.linear(new StreamingLinearRegressionWithSGD(opt));
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
                yield CliLearner.logistic(new StreamingLogisticRegressionWithSGD(opt));
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
                yield CliLearner.kmeans(new StreamingKMeans(opt));
            }
        };
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
    }

    private static void reject(boolean given, String option) {
        if (given) {
            throw new IllegalArgumentException(option + " does not apply to this algorithm");
        }
    }
}
