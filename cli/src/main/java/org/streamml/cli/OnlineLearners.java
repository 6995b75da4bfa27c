package org.streamml.cli;

import java.util.Locale;
import org.streamml.ml.online.OnlineLinearRegression;
import org.streamml.ml.online.OnlineLogisticRegression;
import org.streamml.ml.online.OnlineOptimizer;
import org.streamml.ml.online.OnlineOptions;
import org.streamml.ml.streaming.StreamingLearner;

/**
 * The {@code --optimizer} of {@code streamml train} for linreg and logreg: {@code mini-batch} (the default,
 * Spark's learners, built by {@link LearnerFactory}) or an online optimizer, whose learner this builds from
 * {@code --step-size}, {@code --rate-schedule}, {@code --ftrl-beta}, {@code --l1} and {@code --l2}.
 */
final class OnlineLearners {
    private OnlineLearners() {
    }

    /**
     * The online optimizer {@code name} asks for, or {@code null} for Spark's mini-batch mode ({@code null} or
     * {@code mini-batch}).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static OnlineOptimizer parse(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mini-batch" -> null;
            case "sgd" -> OnlineOptimizer.SGD;
            case "adagrad" -> OnlineOptimizer.ADAGRAD;
            case "ftrl" -> OnlineOptimizer.FTRL;
            default -> throw new IllegalArgumentException("unknown optimizer '" + name
                    + "' (expected mini-batch, sgd, adagrad or ftrl)");
        };
    }

    /** An online learner of {@code optimizer} for {@code algo} (linreg or logreg), configured from {@code o}. */
    static StreamingLearner<?, ?> create(Algorithm algo, OnlineOptimizer optimizer, TrainCommand o) {
        rejectMiniBatchOptions(o);
        if (optimizer != OnlineOptimizer.SGD) {
            LearnerFactory.reject(o.rateSchedule() != null, "--rate-schedule");
        }
        if (optimizer != OnlineOptimizer.FTRL) {
            LearnerFactory.reject(o.ftrlBeta() != null, "--ftrl-beta");
            LearnerFactory.reject(o.l1() != null, "--l1");
            LearnerFactory.reject(o.l2() != null, "--l2");
        }
        OnlineOptions opt = OnlineOptions.defaults().withOptimizer(optimizer);
        if (o.stepSize() != null) {
            opt = opt.withLearningRate(o.stepSize());
        }
        if (o.rateSchedule() != null) {
            opt = opt.withSchedule(schedule(o.rateSchedule()));
        }
        if (o.ftrlBeta() != null) {
            opt = opt.withBeta(o.ftrlBeta());
        }
        if (o.l1() != null) {
            opt = opt.withL1(o.l1());
        }
        if (o.l2() != null) {
            opt = opt.withL2(o.l2());
        }
        return algo == Algorithm.LOGREG ? new OnlineLogisticRegression(opt) : new OnlineLinearRegression(opt);
    }

    /** Rejects the options of the online optimizers, for the mini-batch mode and k-means. */
    static void rejectOnlineOptions(TrainCommand o) {
        LearnerFactory.reject(o.rateSchedule() != null, "--rate-schedule");
        LearnerFactory.reject(o.ftrlBeta() != null, "--ftrl-beta");
        LearnerFactory.reject(o.l1() != null, "--l1");
        LearnerFactory.reject(o.l2() != null, "--l2");
    }

    private static void rejectMiniBatchOptions(TrainCommand o) {
        String why = " (a mini-batch option)";
        LearnerFactory.reject(o.iterations() != null, "--iterations" + why);
        LearnerFactory.reject(o.regParam() != null, "--reg-param" + why);
        LearnerFactory.reject(o.miniBatchFraction() != null, "--mini-batch-fraction" + why);
        LearnerFactory.reject(o.convergenceTol() != null, "--convergence-tol" + why);
        LearnerFactory.reject(o.seed() != null, "--seed" + why);
    }

    private static OnlineOptions.Schedule schedule(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "inverse-sqrt" -> OnlineOptions.Schedule.INVERSE_SQRT;
            case "constant" -> OnlineOptions.Schedule.CONSTANT;
            default -> throw new IllegalArgumentException("unknown rate schedule '" + name
                    + "' (expected inverse-sqrt or constant)");
        };
    }
}
