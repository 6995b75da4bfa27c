package org.streamml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
import org.streamml.datasets.io.NabRow;
import org.streamml.datasets.io.TextInput;
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
        assertEquals(10, types.size());
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
                new NabRow(new NabPoint(5, 1_400_000_300_000L, Double.NaN, 0), "2014-05-13 16:05:00", ""),
                new NeuralSample(10, 5, 2, 1, 3, 0.75),
                new Neuron(5, 2, 0.1, 0.2, 0.3),
                new SensorReading(9, 900, 1, -2.5, AnomalyKind.values()[AnomalyKind.values().length - 1]),
                new AnomalyWindow(1, AnomalyKind.values()[0], 10, 20),
                new Tweet("user0001", "#java streams are great", 5_000));
        for (Object r : records) {
            assertEquals(r, kryo.deserialize(kryo.serialize(r)), r.getClass().getName());
        }
    }

    /**
     * Every public record and enum of the module is declared, so a new loader's row type cannot be forgotten
     * (a forgotten one failed {@code detect --master local-cluster[2]} at the first batch); only types that are
     * not stream records are left out, by name here.
     */
    @Test
    void shouldDeclareEveryPublicRecordAndEnumOfTheModule() throws IOException, URISyntaxException {
        Set<Class<?>> notRecordsOfAStream = Set.of(TextInput.class, org.streamml.datasets.io.BadRecordPolicy.class);
        Path classes = Path.of(DatasetsWireTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> missing = new ArrayList<>();
        Set<Class<?>> declared = new HashSet<>(new DatasetsWireTypes().types());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains("$")) {
                    continue;
                }
                Class<?> c;
                try {
                    c = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name, e);
                }
                boolean wire = (c.isRecord() || c.isEnum()) && java.lang.reflect.Modifier.isPublic(c.getModifiers());
                if (wire && !declared.contains(c) && !notRecordsOfAStream.contains(c)) {
                    missing.add(name);
                }
            }
        }
        assertEquals(List.of(), missing, "public records and enums not declared in DatasetsWireTypes");
    }
}
