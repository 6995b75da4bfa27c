package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.Pair;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function2;

class SerializationTest {
    private final Serialization plain = new Serialization(List.of());
    private final Serialization withPoint = new Serialization(List.of(TestPoint.class));

    private Object roundTrip(Serialization s, Object value) {
        return s.deserialize(s.serialize(value));
    }

    @Test
    void shouldRoundTripEngineAndJdkTypes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("b", 2L);
        counts.put("a", 1L);
        List<Object> values = List.of(new ArrayList<>(List.of(1, 2)), counts, Pair.of("k", 3.5),
                Optional.of("x"), Optional.empty(), List.of(), List.of(1), List.of(1, 2, 3), Set.of("s"),
                Map.of("m", 1), Collections.unmodifiableList(new ArrayList<>(List.of("u"))),
                Arrays.asList(4, 5), new ArrayList<>(List.of(6, 7, 8)).subList(1, 3));
        for (Object v : values) {
            assertEquals(v, roundTrip(plain, v), String.valueOf(v));
        }
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) roundTrip(plain, counts)).keySet()));
        assertArrayEquals(new double[] {1.5, -2}, (double[]) roundTrip(plain, new double[] {1.5, -2}));
    }

    @Test
    void shouldRoundTripLambdasWithTheirCapturedValues() throws Exception {
        int offset = 10;
        double[] scale = {2.0};
        Function<Integer, Double> f = x -> (x + offset) * scale[0];
        @SuppressWarnings("unchecked")
        Function<Integer, Double> g = (Function<Integer, Double>) roundTrip(plain, f);
        assertEquals(24.0, g.call(2));
        Function2<Long, Long, Long> sum = Long::sum;
        @SuppressWarnings("unchecked")
        Function2<Long, Long, Long> sum2 = (Function2<Long, Long, Long>) roundTrip(plain, sum);
        assertEquals(7L, sum2.call(3L, 4L));
        BatchExecutor.PartitionFunction<List<Integer>, Integer> size = List::size;
        @SuppressWarnings("unchecked")
        BatchExecutor.PartitionFunction<List<Integer>, Integer> size2 =
                (BatchExecutor.PartitionFunction<List<Integer>, Integer>) roundTrip(plain, size);
        assertEquals(3, size2.apply(List.of(1, 2, 3)));
    }

    @Test
    void shouldNameTheUnregisteredClassAndHowToRegisterIt() {
        TestPoint p = new TestPoint("a", new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.serialize(p));
        assertTrue(e.getMessage().contains(TestPoint.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("ClusterOptions.registerClasses"), e.getMessage());
        TestPoint back = (TestPoint) roundTrip(withPoint, p);
        assertEquals("a", back.label());
        assertArrayEquals(new double[] {1}, back.xs());
    }

    @Test
    void shouldRegisterTheTypesOfWireTypesServicesOnTheClassPath() {
        TestWireTypes.Reading r = new TestWireTypes.Reading("t1", 21.5);
        assertEquals(r, roundTrip(plain, r));
    }

    @Test
    void shouldRefuseALambdaCapturingAnUnregisteredValue() {
        Object lock = new Thread();
        Function<Integer, Integer> f = x -> lock.hashCode() + x;
        assertThrows(IllegalArgumentException.class, () -> plain.serialize(f));
    }

    @Test
    void shouldRejectBytesWithTrailingGarbage() {
        byte[] ok = plain.serialize("hello");
        byte[] longer = Arrays.copyOf(ok, ok.length + 3);
        assertThrows(IllegalArgumentException.class, () -> plain.deserialize(longer));
    }

    @Test
    void shouldFingerprintTheRegistrationTable() {
        assertEquals(plain.fingerprint(), new Serialization(List.of()).fingerprint());
        assertNotEquals(plain.fingerprint(), withPoint.fingerprint());
        assertEquals(withPoint.fingerprint(),
                Serialization.ofClassNames(List.of(TestPoint.class.getName()), getClass().getClassLoader())
                        .fingerprint());
    }

    @Test
    void shouldFailClearlyForAClassMissingFromTheClassPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Serialization.ofClassNames(List.of("com.example.Missing"), getClass().getClassLoader()));
        assertEquals("class to register is not on the class path: com.example.Missing", e.getMessage());
    }
}
