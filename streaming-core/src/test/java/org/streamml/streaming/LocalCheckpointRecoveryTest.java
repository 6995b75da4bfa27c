package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
}
