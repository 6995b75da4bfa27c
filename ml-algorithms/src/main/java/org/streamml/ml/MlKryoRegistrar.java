package org.streamml.ml;

import java.util.List;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.optim.DataBlock;
import org.streamml.ml.optim.GradientDescent;
import org.streamml.ml.optim.GradientDescentSettings;
import org.streamml.ml.optim.LossFunction;
import org.streamml.ml.optim.Updater;
import org.streamml.ml.streaming.ClusterPrediction;
import org.streamml.ml.streaming.DecayUnit;
import org.streamml.ml.streaming.Prediction;
import org.streamml.streaming.cluster.KryoRegistrar;

/**
 * The types of this module that travel between a cluster driver and its workers (records, vectors,
 * models, the learners' partition data and partial sums), registered with kryo on both sides through
 * the {@link KryoRegistrar} service, so programs using the learners in cluster mode register nothing.
 */
public final class MlKryoRegistrar implements KryoRegistrar {

    @Override
    public List<Class<?>> classes() {
        return List.of(DenseVector.class, SparseVector.class, DenseVector[].class, LabeledPoint.class,
                LinearRegressionModel.class, LogisticRegressionModel.class, KMeansModel.class,
                GradientDescentSettings.class, LossFunction.class, Updater.class, DataBlock.class,
                GradientDescent.Result.class, named("org.streamml.ml.optim.GradientDescent$GradientSum"),
                DecayUnit.class, Prediction.class, ClusterPrediction.class,
                named("org.streamml.ml.streaming.KMeansUpdate$Stats"));
    }

    private static Class<?> named(String name) {
        try {
            return Class.forName(name, false, MlKryoRegistrar.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class of the ML module is missing: " + name, e);
        }
    }
}
