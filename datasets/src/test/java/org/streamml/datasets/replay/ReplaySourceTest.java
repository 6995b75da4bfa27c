package org.streamml.datasets.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.LabeledPoint;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;

class ReplaySourceTest {
    private static final CsvFile FILE = new CsvFile(TextInput.ofString("d.csv", "y,x\n1,1\n2,2\n3,3\n4,4\n5,5\n"),
            CsvFile.Options.defaults());

    private static List<Double> labels(List<LabeledPoint> points) {
        return points.stream().map(LabeledPoint::label).toList();
    }

    @Test
    void shouldTakeFixedCountPerBatchAndCountOffsets() throws Exception {
        try (ReplaySource<LabeledPoint> source = new ReplaySource<>(FILE, 2)) {
            assertEquals(List.of(1.0, 2.0), labels(source.poll(Time.ofMillis(1000))));
            assertEquals(SourceOffsets.of(2), source.offsets());
            assertEquals(List.of(3.0, 4.0), labels(source.poll(Time.ofMillis(2000))));
            assertEquals(List.of(5.0), labels(source.poll(Time.ofMillis(3000))));
            assertTrue(source.isExhausted());
            assertEquals(SourceOffsets.of(5), source.offsets());
        }
    }

    @Test
    void shouldReplayTheSameRecordsFromAnOffset() throws Exception {
        try (ReplaySource<LabeledPoint> source = new ReplaySource<>(FILE, 2)) {
            source.poll(Time.ofMillis(1000));
            source.poll(Time.ofMillis(2000));
            source.seek(SourceOffsets.of(1));
            assertEquals(SourceOffsets.of(1), source.offsets());
            assertEquals(List.of(2.0, 3.0), labels(source.poll(Time.ofMillis(3000))));
            assertFalse(source.isExhausted());
            assertThrows(IllegalArgumentException.class, () -> source.seek(SourceOffsets.of(6)));
        }
    }

    @Test
    void shouldSizeBatchesFromRate() {
        assertEquals(250, ReplaySource.atRate(FILE, 500, Duration.ofMillis(500)).recordsPerBatch());
        assertEquals(1, ReplaySource.atRate(FILE, 0.1, Duration.ofMillis(500)).recordsPerBatch());
        assertThrows(IllegalArgumentException.class, () -> ReplaySource.atRate(FILE, 0, Duration.ofSeconds(1)));
    }

    @Test
    void shouldFeedTheEngineBatchByBatch() throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(2).withThreads(1));
        List<List<Double>> batches = new CopyOnWriteArrayList<>();
        ssc.source(new ReplaySource<>(FILE, 3)).foreachBatch((b, t) -> batches.add(labels(b.collect())));
        ssc.start();
        for (int i = 1; i <= 2; i++) {
            clock.advance(1000);
            assertTrue(ssc.awaitBatch(Time.ofMillis(i * 1000L), 10_000));
        }
        ssc.stop(true);
        ssc.awaitTermination();
        assertEquals(List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0)), batches);
    }
}
