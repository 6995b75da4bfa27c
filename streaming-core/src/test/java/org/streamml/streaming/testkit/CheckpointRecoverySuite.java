package org.streamml.streaming.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.Clock;
import org.streamml.streaming.DStream;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.State;
import org.streamml.streaming.StateSpec;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.streaming.checkpoint.Checkpoint;
import org.streamml.streaming.checkpoint.CheckpointException;
import org.streamml.streaming.checkpoint.CheckpointStore;
import org.streamml.streaming.source.GeneratedSource;

/**
 * Restarting a context from its checkpoints in the same process: a run stopped abruptly after batch k and
 * restarted with {@link StreamingContext#getOrCreate} gives every later batch the outputs of an unbroken
 * run, also when checkpoints are written only every third batch (the batches after the last one are
 * replayed from the source's offsets). An executor proves checkpoint recovery by extending this suite with
 * its {@link #context}.
 */
public abstract class CheckpointRecoverySuite {
    private static final int BATCHES = 10;

    /** Where the checkpoints go. */
    @TempDir
    protected Path dir;

    /** One-second batches, two partitions, on {@code clock} and the executor under test. */
    protected abstract StreamingContext context(Clock clock);

    /** The options every context of the suite starts from. */
    protected static StreamingContext.Options baseOptions(Clock clock) {
        return StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(clock).withDefaultPartitions(2).withThreads(2);
    }

    /** Word counts four ways; each output stores its rows by batch time into {@code out}. */
    private static void build(StreamingContext ssc, Map<String, String> out, boolean extraStream) {
        DStream<String> words = ssc.source(new GeneratedSource<>(3, 20, 20L * BATCHES,
                (i, r) -> "w" + r.nextInt(i % 2 == 0 ? 5 : 12)), 2);
        if (extraStream) {
            words = words.filter(w -> !w.isEmpty());
        }
        PairDStream<String, Long> ones = words.mapToPair(w -> Pair.of(w, 1L));
        record(ones.updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size())),
                "totals", out);
        record(ones.mapWithState(StateSpec.function((String k, Optional<Long> v, State<Long> st) -> {
            if (st.isTimingOut()) {
                return k + " timed out";
            }
            st.update((st.exists() ? st.get() : 0L) + 1);
            return k + "=" + st.get();
        }).timeout(Duration.ofSeconds(2))), "counts", out);
        record(ones.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, Duration.ofSeconds(3), Duration.ofSeconds(1)),
                "windowed", out);
        record(words.countByValueAndWindow(Duration.ofSeconds(4), Duration.ofSeconds(2)), "by-value", out);
    }

    private static <T> void record(DStream<T> s, String name, Map<String, String> out) {
        s.foreachBatch((b, t) -> {
            List<String> rows = new ArrayList<>();
            b.collect().forEach(x -> rows.add(String.valueOf(x)));
            rows.sort(null);
            out.put(String.format("%05d %s", t.millis() / 1000, name), String.join(",", rows));
        });
    }

    private Map<String, String> unbroken() throws Exception {
        Map<String, String> out = new ConcurrentHashMap<>();
        try (StreamingContext ssc = context(new FastForwardClock())) {
            build(ssc, out, false);
            ssc.start();
            ssc.awaitTermination();
        }
        return new TreeMap<>(out);
    }

    private Map<String, String> brokenAfter(int k, int every) throws Exception {
        Path ckpt = dir.resolve("k" + k + "-every" + every);
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        StreamingContext first = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(clock).checkpoint(ckpt, every, 2);
            build(c, out, false);
            return c;
        });
        first.start();
        clock.advance(1000L * k);
        assertTrue(first.awaitBatch(Time.ofMillis(1000L * k), 30_000));
        first.stop(false);                                   // abrupt: no final checkpoint
        first.awaitTerminationOrTimeout(30_000);
        long lastCheckpoint = 1000L * (k / every * every);
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock()).checkpoint(ckpt, every, 2);
            build(c, out, false);
            return c;
        });
        assertEquals(lastCheckpoint == 0 ? Optional.empty() : Optional.of(Time.ofMillis(lastCheckpoint)),
                second.restoredFrom());
        second.start();
        second.awaitTermination();
        return new TreeMap<>(out);
    }

    @Test
    public void aRestartContinuesExactlyWhereTheCheckpointLeftOff() throws Exception {
        Map<String, String> expected = unbroken();
        assertTrue(expected.size() > 3 * BATCHES, expected.keySet().toString());
        assertEquals(expected, brokenAfter(4, 1));
        assertEquals(expected, brokenAfter(7, 3));
        assertEquals(expected, brokenAfter(2, 3));
    }

    @Test
    public void withoutTheCheckpointedStateTheRestartDiffers() throws Exception {
        // Control: the same restart from a checkpoint whose operator state was removed (offsets kept) gives
        // other outputs, so the equality above is owed to the restored state.
        Map<String, String> expected = unbroken();
        Path ckpt = dir.resolve("control");
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        StreamingContext first = context(clock).checkpoint(ckpt);
        build(first, out, false);
        first.start();
        clock.advance(5000);
        assertTrue(first.awaitBatch(Time.ofMillis(5000), 30_000));
        first.stop(false);
        first.awaitTerminationOrTimeout(30_000);
        CheckpointStore store = new CheckpointStore(ckpt, 2);
        Checkpoint c = store.latest(w -> { }).orElseThrow();
        Map<String, byte[]> kept = new java.util.LinkedHashMap<>(c.sections());
        kept.keySet().removeIf(id -> id.startsWith("state "));
        store.write(new Checkpoint(c.batchTimeMillis() + 0, c.zeroTimeMillis(), c.fingerprint(), kept));
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext x = context(new FastForwardClock());
            build(x, out, false);
            return x;
        });
        assertEquals(Optional.of(Time.ofMillis(5000)), second.restoredFrom());
        second.start();
        second.awaitTermination();
        Map<String, String> got = new TreeMap<>(out);
        assertEquals(expected.keySet(), got.keySet());
        assertTrue(!expected.get("00010 totals").equals(got.get("00010 totals")),
                "the totals must depend on the restored state");
        assertEquals(expected.get("00005 totals"), got.get("00005 totals"));
    }

    @Test
    public void aChangedProgramIsRefusedNamingTheDifference() throws Exception {
        Path ckpt = dir.resolve("changed");
        ManualClock clock = new ManualClock();
        StreamingContext first = context(clock).checkpoint(ckpt);
        build(first, new ConcurrentHashMap<>(), false);
        first.start();
        clock.advance(2000);
        assertTrue(first.awaitBatch(Time.ofMillis(2000), 30_000));
        first.stop(false);
        StreamingContext changed = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock());
            build(c, new ConcurrentHashMap<>(), true);
            return c;
        });
        CheckpointException e = assertThrows(CheckpointException.class, changed::start);
        assertTrue(e.getMessage().contains("written by another program") && e.getMessage().contains("filter")
                && e.getMessage().contains("to start fresh, remove " + ckpt), e.getMessage());
        changed.close();
    }
}
