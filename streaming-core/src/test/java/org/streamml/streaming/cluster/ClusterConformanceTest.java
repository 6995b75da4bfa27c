package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamml.streaming.Batch;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;

/** The same pipelines in local mode and on two worker processes give the same batches. */
@Tag("slow")
class ClusterConformanceTest {
    private static LogCapture logs;
    private static ClusterExecutor cluster;

    @BeforeAll
    static void startCluster() {
        logs = new LogCapture();
        cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        logs.close();
    }

    private static double[] addSquares(double[] acc, double x) {
        acc[0] += x;
        acc[1] += x * x;
        acc[2] += 1;
        return acc;
    }

    private static double[] merge(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    static Stream<Arguments> pipelines() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "map", in -> in.map(x -> x * 3 + 1));
        add(cases, "filter", in -> in.filter(x -> x % 3 != 0));
        add(cases, "flatMap", in -> in.flatMap(x -> List.of(x, -x)));
        add(cases, "mapPartitions", in -> in.mapPartitions(it -> {
            long s = 0;
            while (it.hasNext()) {
                s += it.next();
            }
            return List.of(s);
        }));
        add(cases, "countByValue", in -> in.map(x -> x % 11).countByValue());
        add(cases, "reduceByKey", in -> in.mapToPair(x -> Pair.of(x % 7, (long) x)).reduceByKey(Long::sum, 5));
        add(cases, "groupByKey", in -> in.mapToPair(x -> Pair.of("k" + x % 4, x)).groupByKey());
        add(cases, "reduce", in -> in.map(x -> (long) x).reduce(Long::sum));
        add(cases, "count", in -> in.map(x -> x + 1).count());
        add(cases, "join", in -> {
            var a = in.mapToPair(x -> Pair.of(x % 5, x));
            var b = in.filter(x -> x % 2 == 0).mapToPair(x -> Pair.of(x % 5, -x));
            return a.join(b);
        });
        add(cases, "window+countByValue", in -> in.map(x -> x % 3).window(Duration.ofMillis(200)).countByValue());
        add(cases, "aggregate of double[]", in -> in.map(x -> x / 7.0).transform(b -> Batch.split(b.time(),
                List.of(Arrays.toString(b.aggregate(() -> new double[3], ClusterConformanceTest::addSquares,
                        ClusterConformanceTest::merge))), 1, b.executor())));
        add(cases, "leftOuterJoin", in -> in.mapToPair(x -> Pair.of(x % 6, x))
                .leftOuterJoin(in.filter(x -> x % 4 == 0).mapToPair(x -> Pair.of(x % 6, 1))));
        add(cases, "reduceByKeyAndWindow with inverse", in -> in.mapToPair(x -> Pair.of(x % 4, (long) x))
                .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, Duration.ofMillis(300), Duration.ofMillis(100)));
        add(cases, "countByValueAndWindow", in -> in.map(x -> x % 5)
                .countByValueAndWindow(Duration.ofMillis(200), Duration.ofMillis(100)));
        add(cases, "reduceByWindow", in -> in.map(x -> (long) x)
                .reduceByWindow(Long::sum, Duration.ofMillis(300), Duration.ofMillis(200)));
        add(cases, "updateStateByKey", in -> in.mapToPair(x -> Pair.of(x % 3, 1L))
                .updateStateByKey((List<Long> vs, java.util.Optional<Long> s) -> java.util.Optional.of(
                        s.orElse(0L) + vs.size())));
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, Function<DStream<Integer>, DStream<?>> p) {
        for (long seed : new long[] {1, 2}) {
            cases.add(Arguments.of(name, seed, p));
        }
    }

    private static List<String> run(BatchExecutor executor, long seed,
                                    Function<DStream<Integer>, DStream<?>> pipeline) throws InterruptedException {
        Random random = new Random(seed);
        List<Integer> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(random.nextInt(1000) - 300);
        }
        List<String> batches = new CopyOnWriteArrayList<>();
        StreamingContext.Options options = StreamingContext.Options.defaults().withClock(new FastForwardClock())
                .withBatchInterval(Duration.ofMillis(100)).withDefaultPartitions(3);
        try (StreamingContext ssc = new StreamingContext(executor == null ? options.withThreads(2)
                : options.withExecutor(executor))) {
            pipeline.apply(ssc.fromIterable(records, 90)).foreachBatch((b, t) -> batches.add(t + " "
                    + b.numPartitions() + " " + b.partitions()));
            ssc.start();
            ssc.awaitTermination();
        }
        return batches;
    }

    @ParameterizedTest(name = "{0} (seed {1})")
    @MethodSource("pipelines")
    void shouldGiveTheSameBatchesAsLocalMode(String name, long seed, Function<DStream<Integer>, DStream<?>> pipeline)
            throws InterruptedException {
        List<String> local = run(null, seed, pipeline);
        long tasksBefore = cluster.workers().stream().mapToLong(ClusterExecutor.WorkerInfo::tasks).sum();
        List<String> onCluster = run(new NonClosing(cluster), seed, pipeline);
        assertFalse(local.isEmpty());
        assertEquals(local, onCluster, name);
        long tasksAfter = cluster.workers().stream().mapToLong(ClusterExecutor.WorkerInfo::tasks).sum();
        assertTrue(tasksAfter > tasksBefore, "the workers ran the tasks");
    }
}
