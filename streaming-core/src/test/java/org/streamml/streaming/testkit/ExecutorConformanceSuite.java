package org.streamml.streaming.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.MapWithStateDStream;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.Source;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;

/**
 * The conformance suite every executor proves itself with: each {@link ConformancePipelines} case, which
 * together use every public stream operation, must give the same batches (times, partition counts,
 * partitions), printed text and written files on the executor under test as on the reference, two local
 * threads ({@code local[2]}), over input batches of varying sizes including an empty one. An executor's
 * module extends it and supplies the executor:
 *
 * <pre>{@code
 * class MyExecutorConformanceTest extends ExecutorConformanceSuite {
 *     @Override
 *     protected BatchExecutor executorUnderTest() {
 *         return Masters.create("my-master[3]");     // closed by the context of each run
 *     }
 * }
 * }</pre>
 *
 * One instance runs every case ({@link TestInstance.Lifecycle#PER_CLASS}), so a subclass may start an
 * expensive executor once in a non-static {@code @BeforeAll} and hand out {@link
 * org.streamml.streaming.SharedExecutor#of shared views} of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExecutorConformanceSuite {
    /** Methods of the stream classes that describe a stream rather than transform or output it. */
    private static final Set<String> STRUCTURE = Set.of("context", "id", "describe", "name", "slideDuration",
            "dependencies", "numPartitions", "batchAt", "isValidTime", "toString");
    private static final long[] SEEDS = {1, 2};

    @TempDir
    Path scratch;

    /** The executor for one run of one case; the run's context closes it. */
    protected abstract BatchExecutor executorUnderTest();

    /** Called before a case runs on the executor under test; by default does nothing. */
    protected void beforeCase(ConformancePipelines.Case c) {
    }

    /**
     * Called after a case ran on the executor under test with the same trace as the reference, to check what
     * only the executor knows (that its workers ran tasks, that none was lost); by default does nothing.
     */
    protected void afterCase(ConformancePipelines.Case c) {
    }

    /** A finite, non-replayable source handing out fixed batches. */
    private static final class Scripted implements Source<Integer> {
        private final List<List<Integer>> batches;
        private int next;

        Scripted(List<List<Integer>> batches) {
            this.batches = batches;
        }

        @Override
        public List<Integer> poll(Time batchTime) {
            return batches.get(next++);
        }

        @Override
        public boolean isExhausted() {
            return next == batches.size();
        }
    }

    /** Six batches of random integers in [-300, 700); the third is empty. */
    private static List<List<Integer>> input(long seed) {
        Random random = new Random(seed);
        List<List<Integer>> batches = new ArrayList<>();
        for (int size : new int[] {90, 60 + random.nextInt(40), 0, 110, 1 + random.nextInt(60), 40}) {
            List<Integer> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(random.nextInt(1000) - 300);
            }
            batches.add(batch);
        }
        return batches;
    }

    Stream<Arguments> cases() {
        return ConformancePipelines.all().stream()
                .flatMap(c -> Arrays.stream(SEEDS).mapToObj(seed -> Arguments.of(c, seed)));
    }

    /**
     * Runs {@code c} on {@code executor} ({@code null}: {@code local[2]}); returns every output batch
     * (time, partition count, partitions), then what was printed, then every file written.
     */
    private List<String> run(BatchExecutor executor, long seed, ConformancePipelines.Case c)
            throws InterruptedException, IOException {
        Path dir = Files.createTempDirectory(scratch, "run");
        List<String> trace = new CopyOnWriteArrayList<>();
        StreamingContext.Options options = StreamingContext.Options.defaults().withClock(new FastForwardClock())
                .withBatchInterval(Duration.ofMillis(100)).withDefaultPartitions(3);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (StreamingContext ssc = new StreamingContext(executor == null ? options.withThreads(2)
                : options.withExecutor(executor))) {
            DStream<?> out = c.pipeline().build(ssc.source(new Scripted(input(seed))), dir);
            out.foreachBatch((b, t) -> trace.add(t + " " + b.numPartitions() + " " + b.partitions()));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            ssc.start();
            ssc.awaitTermination();
        } finally {
            System.setOut(stdout);
        }
        trace.add("printed:\n" + printed.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                trace.add(dir.relativize(f) + ":\n" + Files.readString(f));
            }
        }
        return trace;
    }

    @ParameterizedTest(name = "{0} (seed {1})")
    @MethodSource("cases")
    void shouldGiveTheSameBatchesAsTheReference(ConformancePipelines.Case c, long seed) throws Exception {
        List<String> reference = run(null, seed, c);
        beforeCase(c);
        List<String> underTest = run(executorUnderTest(), seed, c);
        assertTrue(reference.size() > 3, "the pipeline produced batches: " + reference);
        assertTrue(String.join("\n", reference).contains(c.expect()), "the reference trace shows " + c.expect());
        assertEquals(reference, underTest, c.name());
        afterCase(c);
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    @Test
    void shouldCoverEveryPublicStreamOperation() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> type : List.of(DStream.class, PairDStream.class, MapWithStateDStream.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !STRUCTURE.contains(m.getName())) {
                    operations.add(signature(m));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        ConformancePipelines.all().forEach(c -> covered.addAll(c.covers()));
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "public stream operations without a conformance case: " + missing);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(operations);
        assertTrue(unknown.isEmpty(), "cases cover operations that do not exist: " + unknown);
    }
}
