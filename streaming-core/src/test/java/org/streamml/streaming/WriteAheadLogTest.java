package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log of a source that cannot replay: what a batch took from it is on disk before the batch
 * runs, so a restart regenerates the batches after the checkpoint from the log and only then takes new
 * records; nothing is lost and nothing counted twice.
 */
class WriteAheadLogTest {
    private static final int BATCHES = 10;

    @TempDir
    Path dir;

    /**
     * Like a socket: records come from outside ({@code producer}, shared across restarts) and a record once
     * taken is gone; variable batch sizes, so replaying a batch needs the log's block boundaries.
     */
    static final class Forgetful implements Source<String> {
        private final AtomicLong producer;

        Forgetful(AtomicLong producer) {
            this.producer = producer;
        }

        @Override
        public List<String> poll(Time batchTime) {
            List<String> out = new ArrayList<>();
            long n = 3 + batchTime.millis() / 1000 % 4;
            for (int i = 0; i < n && producer.get() < 50; i++) {
                long x = producer.getAndIncrement();
                out.add("w" + (x * 7 % 6));
            }
            return out;
        }

        @Override
        public boolean isExhausted() {
            return producer.get() >= 50;
        }
    }

    private static StreamingContext context(Clock clock) {
        return new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(clock).withDefaultPartitions(2).withThreads(2));
    }

    private static void build(StreamingContext ssc, AtomicLong producer, Map<String, String> out) {
        ssc.source(new Forgetful(producer)).mapToPair(w -> Pair.of(w, 1L))
                .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                .foreachBatch((b, t) -> {
                    List<String> rows = new ArrayList<>();
                    b.collect().forEach(p -> rows.add(p.toString()));
                    rows.sort(null);
                    out.put(String.format("%05d", t.millis()), String.join(",", rows));
                });
    }

    @Test
    void aRestartReplaysTheLoggedBatchesThenContinues() throws Exception {
        Map<String, String> expected = new ConcurrentHashMap<>();
        try (StreamingContext ssc = context(new FastForwardClock())) {
            build(ssc, new AtomicLong(), expected);
            ssc.start();
            ssc.awaitTermination();
        }
        assertTrue(expected.size() >= BATCHES, expected.toString());

        Path ckpt = dir.resolve("ckpt");
        AtomicLong producer = new AtomicLong();
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        StreamingContext first = context(clock).checkpoint(ckpt, 3, 2);
        build(first, producer, out);
        first.start();
        clock.advance(5000);
        assertTrue(first.awaitBatch(Time.ofMillis(5000), 30_000));
        first.stop(false);                              // batches 4 and 5 are after the checkpoint of 3
        first.awaitTerminationOrTimeout(30_000);
        long taken = producer.get();
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock()).checkpoint(ckpt, 3, 2);
            build(c, producer, out);
            return c;
        });
        assertEquals(Optional.of(Time.ofMillis(3000)), second.restoredFrom());
        second.start();
        second.awaitTermination();
        assertEquals(new TreeMap<>(expected), new TreeMap<>(out));
        assertEquals(50, producer.get());
        assertTrue(taken > 0 && taken < 50);
        // The log keeps only what the checkpoints still need.
        try (Stream<Path> s = Files.list(ckpt.resolve("wal").resolve("stream-0"))) {
            assertTrue(s.count() <= 3);
        }
    }

    @Test
    void withoutTheLogTheRecordsOfTheUncheckpointedBatchesWouldBeLost() throws Exception {
        // Control: deleting the log before the restart loses the records of batches 4 and 5.
        Path ckpt = dir.resolve("control");
        AtomicLong producer = new AtomicLong();
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        StreamingContext first = context(clock).checkpoint(ckpt, 3, 2);
        build(first, producer, out);
        first.start();
        clock.advance(5000);
        assertTrue(first.awaitBatch(Time.ofMillis(5000), 30_000));
        first.stop(false);
        first.awaitTerminationOrTimeout(30_000);
        try (Stream<Path> s = Files.walk(ckpt.resolve("wal"))) {
            s.filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
        }
        Map<String, String> expected = new ConcurrentHashMap<>();
        try (StreamingContext ssc = context(new FastForwardClock())) {
            build(ssc, new AtomicLong(), expected);
            ssc.start();
            ssc.awaitTermination();
        }
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock()).checkpoint(ckpt, 3, 2);
            build(c, producer, out);
            return c;
        });
        second.start();
        second.awaitTermination();
        assertTrue(!new TreeMap<>(expected).equals(new TreeMap<>(out)));
    }
}
