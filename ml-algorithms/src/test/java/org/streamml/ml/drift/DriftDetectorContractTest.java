package org.streamml.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamml.streaming.checkpoint.Values;

/** The {@link DriftDetector} contract, clause by clause, for every detector. */
class DriftDetectorContractTest {
    static Stream<Arguments> detectors() {
        return Stream.of(
                Arguments.of("ADWIN", true, (Supplier<DriftDetector>) Adwin::new),
                Arguments.of("DDM", false, (Supplier<DriftDetector>) Ddm::new),
                Arguments.of("EDDM", false, (Supplier<DriftDetector>) Eddm::new),
                Arguments.of("PageHinkley", true, (Supplier<DriftDetector>) PageHinkley::new),
                Arguments.of("KSWIN", true, (Supplier<DriftDetector>) Kswin::new));
    }

    /** A stream with changes: errors (0/1) whose rate moves, or Gaussian values whose mean and spread move. */
    private static double[] stream(boolean realValued, long seed, int length) {
        Random rnd = new Random(seed);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            int phase = (i / 1500) % 3;
            x[i] = realValued
                    ? phase + (1 + phase) * rnd.nextGaussian()
                    : rnd.nextDouble() < 0.1 + 0.15 * phase ? 1 : 0;
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void shouldContinueBitForBitAfterRestoringASavedStateAtAnyPoint(String name, boolean realValued,
            Supplier<DriftDetector> create) throws IOException {
        Random points = new Random(7);
        for (int trial = 0; trial < 25; trial++) {
            double[] x = stream(realValued, 1000 + trial, 6000);
            int savedAt = points.nextInt(x.length + 1);
            DriftDetector unbroken = create.get();
            DriftDetector first = create.get();
            for (int i = 0; i < savedAt; i++) {
                first.add(x[i]);
                unbroken.add(x[i]);
            }

            DriftDetector resumed = create.get();
            resumed.restoreState(throughCheckpointEncoding(first.saveState()));

            for (int i = savedAt; i < x.length; i++) {
                assertEquals(unbroken.add(x[i]), resumed.add(x[i]), name + " signal at " + i + ", saved at " + savedAt);
                assertEquals(Double.doubleToRawLongBits(unbroken.statistic()),
                        Double.doubleToRawLongBits(resumed.statistic()), name + " statistic at " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void shouldBehaveAsNewAfterReset(String name, boolean realValued, Supplier<DriftDetector> create) {
        double[] x = stream(realValued, 11, 5000);
        DriftDetector used = create.get();
        for (double v : x) {
            used.add(v);
        }

        used.reset();

        DriftDetector fresh = create.get();
        for (int i = 0; i < x.length; i++) {
            assertEquals(fresh.add(x[i]), used.add(x[i]), name + " signal at " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void shouldNotAllocatePerValueInSteadyState(String name, boolean realValued, Supplier<DriftDetector> create) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] x = stream(realValued, 13, 100_000);
        DriftDetector detector = create.get();
        for (int i = 0; i < 20_000; i++) {
            detector.add(x[i]);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 20_000; i < x.length; i++) {
            detector.add(x[i]);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 4096, name + " allocated " + allocated + " bytes over 80,000 values");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void shouldRejectAnotherDetectorsState(String name, boolean realValued, Supplier<DriftDetector> create) {
        DriftDetector detector = create.get();
        Object other = (name.equals("DDM") ? new Eddm() : new Ddm()).saveState();

        assertThrows(IllegalArgumentException.class, () -> detector.restoreState(other));
        assertThrows(IllegalArgumentException.class, () -> detector.restoreState(List.of(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void shouldRejectValuesItCannotRead(String name, boolean realValued, Supplier<DriftDetector> create) {
        DriftDetector detector = create.get();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detector.add(Double.NaN));
        assertTrue(e.getMessage().startsWith("x must be"), e.getMessage());
        if (!realValued) {
            assertEquals("x must be 0 (right) or 1 (wrong): 0.5",
                    assertThrows(IllegalArgumentException.class, () -> detector.add(0.5)).getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void shouldNameItself(String name, boolean realValued, Supplier<DriftDetector> create) {
        assertEquals(name, create.get().name());
    }

    private static Object throughCheckpointEncoding(Object state) throws IOException {
        Values values = new Values();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        values.write(state, new DataOutputStream(bytes));
        return values.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
