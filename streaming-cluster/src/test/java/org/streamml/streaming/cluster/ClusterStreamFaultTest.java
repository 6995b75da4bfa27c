package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.Source;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.GeneratedSource;

/**
 * A stream with a map stage, shuffles ({@code reduceByKey}, {@code countByValue}), a window and
 * {@code updateStateByKey} on {@code local-cluster[3]}, with two workers killed by SIGKILL at seeded points
 * of the run, gives every batch exactly as the fault-free {@code local[2]} run does, whether its input can
 * be replayed (in memory, from a file) or not.
 */
@Tag("slow")
class ClusterStreamFaultTest {
    private static final int BATCHES = 6;
    private static final int PER_BATCH = 80;
    private static final int KEYS = 7;

    /** Where in a batch a worker is killed. */
    enum Point {
        /** Inside a map task of the batch, which blocks until its worker is killed. */
        MAP_TASK,
        /** On the driver after the batch's map stage, before its shuffles. */
        BETWEEN_STAGES,
        /** Inside a task reading the output of the batch's {@code reduceByKey} shuffle. */
        REDUCE_TASK,
        /** On the driver after the batch's output operations, before the next batch. */
        AFTER_BATCH
    }

    /** A kill in batch {@code batch} (1-based) at {@code point}; {@code choice} picks the record, key or worker. */
    record Kill(int batch, Point point, int choice) {
    }

    /** Two kills in distinct batches from 2 on, in batch order, drawn with {@code seed}. */
    static List<Kill> scenario(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int first = 2 + random.nextInt(BATCHES - 2);
        int second = first + 1 + random.nextInt(BATCHES - first);
        List<Kill> kills = new ArrayList<>();
        for (int batch : new int[] {first, second}) {
            Point p = Point.values()[random.nextInt(Point.values().length)];
            kills.add(new Kill(batch, p, random.nextInt(p == Point.MAP_TASK ? PER_BATCH : KEYS)));
        }
        return kills;
    }

    /** Where the records come from. */
    enum Input {
        /** {@code fromIterable}: replayable, in memory. */
        ITERABLE,
        /** {@code textFileReplay}: replayable, from a file. */
        FILE,
        /** A {@link GeneratedSource}: partitions made by the tasks that process them. */
        GENERATED,
        /** A source that cannot replay: the driver must keep what it read. */
        SCRIPTED
    }

    /** The seeds of the kill scenarios and the input each runs on. */
    static Stream<Arguments> scenarios() {
        return Stream.of(Arguments.of(19L, Input.SCRIPTED), Arguments.of(15L, Input.SCRIPTED),
                Arguments.of(3L, Input.FILE), Arguments.of(13L, Input.GENERATED), Arguments.of(29L, Input.ITERABLE));
    }

    @Test
    void shouldDrawEveryKindOfKillPointFromTheSeeds() {
        Set<Point> drawn = EnumSet.noneOf(Point.class);
        Set<Input> withMapTaskKill = EnumSet.noneOf(Input.class);
        scenarios().forEach(a -> scenario((Long) a.get()[0]).forEach(k -> {
            drawn.add(k.point());
            if (k.point() == Point.MAP_TASK) {
                withMapTaskKill.add((Input) a.get()[1]);
            }
        }));
        assertEquals(EnumSet.allOf(Point.class), drawn);
        assertEquals(EnumSet.allOf(Input.class), withMapTaskKill);
    }

    /** Record {@code i} of batch {@code b} (1-based) is {@code 1000 b + i}. */
    private static List<Integer> records() {
        return IntStream.range(0, BATCHES * PER_BATCH).map(i -> 1000 * (i / PER_BATCH + 1) + i % PER_BATCH)
                .boxed().toList();
    }

    /** A finite source of {@link #records()} that cannot replay. */
    private static final class Scripted implements Source<Integer> {
        private final List<Integer> records = records();
        private int next;

        @Override
        public List<Integer> poll(Time batchTime) {
            return List.copyOf(records.subList(PER_BATCH * next, PER_BATCH * ++next));
        }

        @Override
        public boolean isExhausted() {
            return next == BATCHES;
        }
    }

    private static DStream<Integer> input(StreamingContext ssc, Input kind, Path dir) throws IOException {
        return switch (kind) {
            case ITERABLE -> ssc.fromIterable(records(), PER_BATCH);
            case FILE -> ssc.textFileReplay(Files.write(Files.createTempFile(dir, "records", ".txt"),
                    records().stream().map(String::valueOf).toList()), PER_BATCH).map(Integer::parseInt);
            case GENERATED -> ssc.source(new GeneratedSource<>(5, PER_BATCH, BATCHES * PER_BATCH,
                    (i, r) -> 1000 * (int) (i / PER_BATCH + 1) + (int) (i % PER_BATCH)));
            case SCRIPTED -> ssc.source(new Scripted());
        };
    }

    /** A blocking task: the record or key that blocks (or -1), the driver's pid and the signal files. */
    record Blocks(int mapRecord, int reduceKey, long driverPid, String claim, String pidFile) {
        void block() throws Exception {
            if (ProcessHandle.current().pid() == driverPid) {
                throw new IllegalStateException("a task meant to block a worker ran on the driver");
            }
            Files2.blockFirstCaller(claim, pidFile);
        }
    }

    /**
     * Builds the pipeline on {@code in}; every output batch goes to {@code trace}. Tasks meeting a record or key of
     * {@code blocks} block their worker; {@code hook} runs on the driver with the batch number (1-based),
     * {@code between} after the map stage and {@code after} after the batch's last output.
     */
    private static void pipeline(DStream<Integer> in, List<Blocks> blocks, List<String> trace, DriverHook hook) {
        AtomicInteger batch = new AtomicInteger();
        DStream<Integer> mapped = in.map(x -> {
            for (Blocks bl : blocks) {
                if (x == bl.mapRecord()) {
                    bl.block();
                }
            }
            return x;
        }).transform(b -> {
            hook.between(batch.incrementAndGet());
            return b;
        });
        PairDStream<Integer, Long> sums = PairDStream.of(mapped
                .mapToPair(x -> Pair.of(x / 1000 * 10 + x % KEYS, (long) x)).reduceByKey(Long::sum, 3)
                .map(kv -> {
                    for (Blocks bl : blocks) {
                        if (kv.key() == bl.reduceKey()) {
                            bl.block();
                        }
                    }
                    return kv;
                }));
        sums.foreachBatch((b, t) -> trace.add("sums " + t + " " + b.partitions()));
        mapped.map(x -> x % 5).countByValue().foreachBatch((b, t) -> trace.add("counts " + t + " " + b.partitions()));
        sums.window(Duration.ofMillis(300)).mapToPair(kv -> Pair.of(kv.key() % 10, kv.value()))
                .reduceByKey(Long::sum).foreachBatch((b, t) -> trace.add("window " + t + " " + b.partitions()));
        mapped.mapToPair(x -> Pair.of(x % KEYS, (long) x))
                .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(
                        s.orElse(0L) + vs.stream().mapToLong(Long::longValue).sum() % 1009))
                .foreachBatch((b, t) -> {
                    trace.add("state " + t + " " + b.partitions());
                    hook.after(batch.get());
                });
    }

    /** Kills on the driver at batch boundaries. */
    private interface DriverHook {
        void between(int batch) throws Exception;

        void after(int batch) throws Exception;
    }

    private static final DriverHook NO_HOOK = new DriverHook() {
        @Override
        public void between(int batch) {
        }

        @Override
        public void after(int batch) {
        }
    };

    private static StreamingContext.Options options() {
        return StreamingContext.Options.defaults().withClock(new FastForwardClock())
                .withBatchInterval(Duration.ofMillis(100)).withDefaultPartitions(4);
    }

    private static void kill(ProcessHandle victim) throws Exception {
        victim.destroyForcibly();
        victim.onExit().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "seed {0}, {1} input")
    @MethodSource("scenarios")
    void shouldGiveTheFaultFreeBatchesWhenWorkersAreKilledAtSeededPoints(long seed, Input kind, @TempDir Path dir)
            throws Exception {
        List<String> expected = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = new StreamingContext(options().withThreads(2))) {
            pipeline(input(ssc, kind, dir), List.of(), expected, NO_HOOK);
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(4 * BATCHES, expected.size());

        List<Kill> kills = scenario(seed);
        Random pick = new Random(seed * 31);
        List<String> actual = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture();
             ClusterExecutor cluster = ClusterExecutor.localCluster(3, 1,
                     ClusterOptions.defaults().registerClasses(Blocks.class))) {
            long driver = ProcessHandle.current().pid();
            List<Blocks> blocks = new ArrayList<>();
            for (int i = 0; i < kills.size(); i++) {
                Kill k = kills.get(i);
                String claim = dir.resolve("claim-" + i).toString();
                String pidFile = dir.resolve("pid-" + i).toString();
                blocks.add(new Blocks(k.point() == Point.MAP_TASK ? 1000 * k.batch() + k.choice() : -1,
                        k.point() == Point.REDUCE_TASK ? 10 * k.batch() + k.choice() : -1, driver, claim, pidFile));
            }
            DriverHook hook = new DriverHook() {
                @Override
                public void between(int batch) throws Exception {
                    killOnDriver(batch, Point.BETWEEN_STAGES);
                }

                @Override
                public void after(int batch) throws Exception {
                    killOnDriver(batch, Point.AFTER_BATCH);
                }

                private void killOnDriver(int batch, Point point) throws Exception {
                    for (Kill k : kills) {
                        if (k.batch() == batch && k.point() == point) {
                            List<ProcessHandle> alive = cluster.localWorkerProcesses().stream()
                                    .filter(ProcessHandle::isAlive).toList();
                            kill(alive.get(pick.nextInt(alive.size())));
                        }
                    }
                }
            };
            try (StreamingContext ssc = new StreamingContext(options().withExecutor(org.streamml.streaming.SharedExecutor.of(cluster)))) {
                pipeline(input(ssc, kind, dir), List.copyOf(blocks), actual, hook);
                ssc.start();
                for (int i = 0; i < kills.size(); i++) {
                    if (Set.of(Point.MAP_TASK, Point.REDUCE_TASK).contains(kills.get(i).point())) {
                        Path pidFile = Path.of(blocks.get(i).pidFile());
                        assertTrue(Files2.awaitFile(pidFile, 30_000), "a task blocked for " + kills.get(i));
                        kill(ProcessHandle.of(Long.parseLong(Files.readString(pidFile))).orElseThrow());
                    }
                }
                ssc.awaitTermination();
            }
            assertEquals(expected, actual, "kills " + kills);
            assertTrue(logs.awaitCount("lost worker", 2, 5_000), logs.lines().toString());
            assertEquals(1, cluster.workers().size(), "workers left");
        }
    }
}
