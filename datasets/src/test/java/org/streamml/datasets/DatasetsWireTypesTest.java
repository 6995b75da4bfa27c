package org.streamml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.streamml.datasets.generators.AnomalyKind;
import org.streamml.datasets.generators.AnomalyWindow;
import org.streamml.datasets.generators.FraudPattern;
import org.streamml.datasets.generators.NeuralSample;
import org.streamml.datasets.generators.Neuron;
import org.streamml.datasets.generators.SensorReading;
import org.streamml.datasets.generators.Transaction;
import org.streamml.datasets.io.NabPoint;
import org.streamml.datasets.tweets.Tweet;
import org.streamml.streaming.WireTypes;
import org.streamml.streaming.cluster.Serialization;

/** The module's wire types are found as a service and every one of them can be sent by the cluster's kryo. */
class DatasetsWireTypesTest {

    @Test
    void shouldBeFoundAsAWireTypesService() {
        assertTrue(ServiceLoader.load(WireTypes.class).stream().anyMatch(p -> p.type() == DatasetsWireTypes.class));
    }

    @Test
    void shouldRegisterEveryDeclaredTypeWithTheClusterSerialization() {
        Serialization kryo = new Serialization(List.of());
        List<Class<?>> types = new DatasetsWireTypes().types();
        assertEquals(9, types.size());
        for (Class<?> t : types) {
            assertTrue(kryo.isRegistered(t), t.getName());
        }
    }

    @Test
    void shouldSendTheRecordsOfTheGeneratorsAndLoadersBetweenDriverAndWorkers() {
        Serialization kryo = new Serialization(List.of());
        List<Object> records = List.of(
                new Transaction(7, 1_700_000_000_000L, 3, 12.5, "grocery", "FR", 2, FraudPattern.ACCOUNT_TAKEOVER),
                new NabPoint(4, 1_400_000_000_000L, 71.25, 1),
                new NeuralSample(10, 5, 2, 1, 3, 0.75),
                new Neuron(5, 2, 0.1, 0.2, 0.3),
                new SensorReading(9, 900, 1, -2.5, AnomalyKind.values()[AnomalyKind.values().length - 1]),
                new AnomalyWindow(1, AnomalyKind.values()[0], 10, 20),
                new Tweet("user0001", "#java streams are great", 5_000));
        for (Object r : records) {
            assertEquals(r, kryo.deserialize(kryo.serialize(r)), r.getClass().getName());
        }
    }
}
