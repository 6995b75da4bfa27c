package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.source.GeneratedSource;
import org.streamml.streaming.testkit.CheckpointRecoverySuite;

/** Checkpoint recovery on the local executor. */
class LocalCheckpointRecoveryTest extends CheckpointRecoverySuite {
    @Override
    protected StreamingContext context(Clock clock) {
        return new StreamingContext(baseOptions(clock));
    }

    /** Not part of the suite: on a cluster, such a state type cannot even travel to the workers. */
    @Test
    void anUnencodableStateFailsTheBatchNamingTheOperation() throws Exception {
        Path ckpt = dir.resolve("unencodable");
        try (StreamingContext ssc = new StreamingContext(baseOptions(new FastForwardClock())).checkpoint(ckpt)) {
            ssc.source(new GeneratedSource<>(1, 5, 50, (i, r) -> "w" + r.nextInt(3)))
                    .mapToPair(w -> Pair.of(w, 1L))
                    .updateStateByKey((List<Long> vs, Optional<StringBuilder> s) ->
                            Optional.of(s.orElseGet(StringBuilder::new).append(vs.size())))
                    .foreachBatch((b, t) -> { });
            ssc.start();
            StreamingException e = assertThrows(StreamingException.class, ssc::awaitTermination);
            assertTrue(e.getMessage().contains("updateStateByKey") && e.getMessage().contains("StringBuilder"),
                    e.getMessage());
        }
        assertTrue(!Files.exists(ckpt) || Files.list(ckpt).noneMatch(p -> p.toString().endsWith(".ckpt")));
    }

    @Test
    void anUnencodableStateFailsAtTheFirstBatchEvenWhenTheFirstCheckpointIsLater() throws Exception {
        Path ckpt = dir.resolve("unencodable-later");
        AtomicInteger completed = new AtomicInteger();
        try (StreamingContext ssc = new StreamingContext(baseOptions(new FastForwardClock()))
                .checkpoint(ckpt, 10, 2)) {
            ssc.source(new GeneratedSource<>(1, 5, 50, (i, r) -> "w" + r.nextInt(3)))
                    .mapToPair(w -> Pair.of(w, 1L))
                    .updateStateByKey((List<Long> vs, Optional<StringBuilder> s) ->
                            Optional.of(s.orElseGet(StringBuilder::new).append(vs.size())))
                    .foreachBatch((b, t) -> { });
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    completed.incrementAndGet();
                }
            });
            ssc.start();
            StreamingException e = assertThrows(StreamingException.class, ssc::awaitTermination);
            assertTrue(e.getMessage().contains("updateStateByKey") && e.getMessage().contains("StringBuilder"),
                    e.getMessage());
        }
        // The trial encoding follows the first batch's outputs and listeners (as a checkpoint does) and stops
        // the stream there, long before the first checkpoint at batch 10.
        assertEquals(1, completed.get(), "the stream fails at the end of the first batch");
        assertTrue(!Files.exists(ckpt) || Files.list(ckpt).noneMatch(p -> p.toString().endsWith(".ckpt")));
    }

    @Test
    void aLearnerWhoseModelNoCodecWritesFailsStartNamingIt() throws Exception {
        Path ckpt = dir.resolve("unencodable-learner");
        try (StreamingContext ssc = new StreamingContext(baseOptions(new FastForwardClock())).checkpoint(ckpt)) {
            ssc.source(new GeneratedSource<>(1, 5, 50, (i, r) -> i)).foreachBatch((b, t) -> { });
            ssc.registerCheckpointed(new Checkpointed() {
                @Override
                public String checkpointKind() {
                    return "NotebookLearner";
                }

                @Override
                public Object checkpointState() {
                    return new StringBuilder("weights");
                }

                @Override
                public void restoreCheckpointState(Object state) {
                }
            });
            StreamingException e = assertThrows(StreamingException.class, ssc::start);
            assertTrue(e.getMessage().contains("learner 0 (NotebookLearner)")
                    && e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
        }
        assertTrue(!Files.exists(ckpt) || Files.list(ckpt).noneMatch(p -> p.toString().endsWith(".ckpt")));
    }
}
