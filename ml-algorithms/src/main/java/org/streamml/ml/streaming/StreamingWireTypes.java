package org.streamml.ml.streaming;

import java.util.List;

/**
 * The types of this package that the learners send between processes, the package-private per-partition
 * statistics of k-means included; listed by {@link org.streamml.ml.MlWireTypes}.
 */
public final class StreamingWireTypes {
    private StreamingWireTypes() {
    }

    /** The types, in a fixed order. */
    public static List<Class<?>> types() {
        return List.of(DecayUnit.class, Prediction.class, ClusterPrediction.class, KMeansUpdate.Stats.class);
    }
}
