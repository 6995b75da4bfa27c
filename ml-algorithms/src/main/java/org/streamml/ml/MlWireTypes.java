package org.streamml.ml;

import java.util.ArrayList;
import java.util.List;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.anomaly.ScoredObservation;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.online.OnlineWireTypes;
import org.streamml.ml.optim.OptimWireTypes;
import org.streamml.ml.streaming.StreamingWireTypes;
import org.streamml.streaming.WireTypes;

/**
 * The types of this module that travel between processes when the learners run on an executor with other
 * processes (records, vectors, models, time-series observations and their scores, the learners' partition data and partial sums), declared through the
 * {@link WireTypes} service, so programs using the learners on a cluster register nothing. Types that are
 * not public come from their own packages ({@link OptimWireTypes}, {@link StreamingWireTypes}, {@link OnlineWireTypes}).
 */
public final class MlWireTypes implements WireTypes {

    @Override
    public List<Class<?>> types() {
        List<Class<?>> types = new ArrayList<>(List.of(DenseVector.class, SparseVector.class, DenseVector[].class,
                LabeledPoint.class, LinearRegressionModel.class, LogisticRegressionModel.class, KMeansModel.class,
                Observation.class, ScoredObservation.class,
                StreamingAnomalyDetector.Options.class));
        types.addAll(OptimWireTypes.types());
        types.addAll(StreamingWireTypes.types());
        types.addAll(OnlineWireTypes.types());
        return List.copyOf(types);
    }
}
