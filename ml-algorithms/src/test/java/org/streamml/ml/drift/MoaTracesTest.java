package org.streamml.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every detector with a recorded MOA trace, replayed with MOA's default parameters over the recorded streams,
 * signals DRIFT and WARNING at exactly the indices MOA did (src/test/resources/drift/README.md).
 */
class MoaTracesTest {
    static Stream<Arguments> traces() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String s : DriftTraces.ERROR_STREAMS) {
            b.add(Arguments.of("DDM", s, (Supplier<DriftDetector>) Ddm::new));
            b.add(Arguments.of("EDDM", s, (Supplier<DriftDetector>) Eddm::new));
        }
        for (String s : concat()) {
            b.add(Arguments.of("ADWIN", s, (Supplier<DriftDetector>) Adwin::new));
            b.add(Arguments.of("PageHinkley", s, (Supplier<DriftDetector>) PageHinkley::new));
        }
        return b.build();
    }

    private static Iterable<String> concat() {
        return Stream.concat(DriftTraces.ERROR_STREAMS.stream(), DriftTraces.VALUE_STREAMS.stream())::iterator;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("traces")
    void shouldSignalAtMoasIndices(String detector, String stream, Supplier<DriftDetector> create) {
        double[] values = DriftTraces.stream(stream);
        DriftSignal[] expected = DriftTraces.recorded(detector, stream, values.length);

        DriftSignal[] actual = DriftTraces.replay(create.get(), values);

        assertEquals(DriftTraces.indices(expected, DriftSignal.DRIFT), DriftTraces.indices(actual, DriftSignal.DRIFT),
                "drift indices");
        assertEquals(DriftTraces.indices(expected, DriftSignal.WARNING),
                DriftTraces.indices(actual, DriftSignal.WARNING), "warning indices");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("traces")
    void shouldHaveRecordedTracesThatExerciseTheDetectors(String detector, String stream,
            Supplier<DriftDetector> create) {
        double[] values = DriftTraces.stream(stream);

        assertEquals(10_000, values.length);
        if (stream.endsWith("abrupt") || stream.endsWith("gradual")) {
            assertFalse(DriftTraces.indices(DriftTraces.recorded(detector, stream, values.length), DriftSignal.DRIFT)
                    .isEmpty(), detector + " detects the change in " + stream);
        }
    }
}
