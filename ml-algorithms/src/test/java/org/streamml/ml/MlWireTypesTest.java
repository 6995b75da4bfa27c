package org.streamml.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.ScoredObservation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.streaming.WireTypes;
import org.streamml.streaming.cluster.Serialization;

/** The module's wire types are found as a service and every one of them can be sent by the cluster's kryo. */
class MlWireTypesTest {

    @Test
    void shouldBeFoundAsAWireTypesService() {
        assertTrue(ServiceLoader.load(WireTypes.class).stream().anyMatch(p -> p.type() == MlWireTypes.class));
    }

    @Test
    void shouldRegisterEveryDeclaredTypeWithTheClusterSerialization() {
        Serialization kryo = new Serialization(List.of());
        List<Class<?>> types = new MlWireTypes().types();
        assertEquals(24, types.size());
        for (Class<?> t : types) {
            assertTrue(kryo.isRegistered(t), t.getName());
        }
    }

    @Test
    void shouldSendVectorsPointsAndModelsUnchanged() {
        Serialization kryo = new Serialization(List.of());
        List<Object> values = List.of(Vectors.dense(1.5, -2.0), Vectors.sparse(5, new int[] {1, 3}, new double[] {2, 4}),
                LabeledPoint.of(1.0, 0.5, 0.25), new LinearRegressionModel(new double[] {0.1, 0.2}, 0.3, 4, 5000),
                new Observation(1_400_000_000_000L, Double.NaN), new ScoredObservation(1_400_000_300_000L, 2.5, 0.75, true),
                StreamingAnomalyDetector.Options.defaults().withWindow(64));
        for (Object v : values) {
            assertEquals(v, kryo.deserialize(kryo.serialize(v)), v.getClass().getName());
        }
    }
}
