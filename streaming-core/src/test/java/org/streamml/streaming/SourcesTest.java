package org.streamml.streaming;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.testkit.TestDriver;

class SourcesTest {

    @Test
    void shouldReplayAFileByLineCountAndRecordOffsets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.txt");
        Files.write(file, List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7"));
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock()).withDefaultPartitions(2));
        InputDStream<String> lines = ssc.textFileReplay(file, 3);
        Map<Long, List<String>> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        lines.foreachBatch((b, t) -> out.put(t.millis(), b.collect()));
        ssc.start();
        assertTrue(ssc.awaitTerminationOrTimeout(10_000), "a finite replay stops by itself");
        assertEquals(Map.of(1000L, List.of("l1", "l2", "l3"), 2000L, List.of("l4", "l5", "l6"),
                3000L, List.of("l7")), out);
        assertEquals(Optional.of(new InputDStream.OffsetRange(SourceOffsets.of(0), SourceOffsets.of(3))), lines.offsetsAt(Time.ofMillis(1000)));
        assertEquals(Optional.of(new InputDStream.OffsetRange(SourceOffsets.of(6), SourceOffsets.of(7))), lines.offsetsAt(Time.ofMillis(3000)));
        assertTrue(lines.source() instanceof ReplayableSource<String>, "a file replay is a replayable source");
    }

    @Test
    void shouldFailWithTheFileNameWhenTheReplayFileIsMissing(@TempDir Path dir) throws Exception {
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withClock(new ManualClock()).withThreads(1));
        ssc.textFileReplay(dir.resolve("missing.csv"), 10).foreachBatch((b, t) -> { });
        StreamingException e = assertThrows(StreamingException.class, ssc::start);
        assertTrue(e.getMessage().contains("missing.csv"), e.getMessage());
        ssc.close();
    }

    @Test
    void shouldReadNewFilesOfADirectoryOnceOldestFirst(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("before.txt"), List.of("old"));
        org.streamml.streaming.source.DirectorySource source =
                new org.streamml.streaming.source.DirectorySource(dir, 10);
        source.start();
        assertEquals(List.of(), source.poll(Time.ofMillis(1000)));
        Path later = Files.write(dir.resolve("a.txt"), List.of("a1", "a2"));
        Path earlier = Files.write(dir.resolve("b.txt"), List.of("b1"));
        Files.setLastModifiedTime(earlier, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(later, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        Files.write(dir.resolve(".c.txt.tmp"), List.of("hidden"));
        Files.createDirectory(dir.resolve("sub"));
        assertEquals(List.of("b1", "a1", "a2"), source.poll(Time.ofMillis(2000)));
        assertEquals(List.of(), source.poll(Time.ofMillis(3000)));
        Files.move(dir.resolve(".c.txt.tmp"), dir.resolve("c.txt"));
        assertEquals(List.of("hidden"), source.poll(Time.ofMillis(4000)));
        assertEquals(4, source.linesTaken());
        assertFalse(source.isExhausted());
        assertFalse(ReplayableSource.class.isAssignableFrom(source.getClass()), "a directory is not replayable");
    }

    @Test
    void shouldLimitFilesPerBatch(@TempDir Path dir) throws Exception {
        org.streamml.streaming.source.DirectorySource source =
                new org.streamml.streaming.source.DirectorySource(dir, 1);
        source.start();
        for (int i = 0; i < 3; i++) {
            Path f = Files.write(dir.resolve("f" + i), List.of("x" + i));
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000 + i));
        }
        assertEquals(List.of("x0"), source.poll(Time.ofMillis(1000)));
        assertEquals(List.of("x1"), source.poll(Time.ofMillis(2000)));
        assertEquals(List.of("x2"), source.poll(Time.ofMillis(3000)));
    }

    @Test
    void shouldSeekAReplayToALine(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("lines.txt"), List.of("l1", "l2", "l3", "l4"));
        org.streamml.streaming.source.FileReplaySource source =
                new org.streamml.streaming.source.FileReplaySource(file, 2);
        assertEquals(List.of("l1", "l2"), source.poll(Time.ofMillis(1000)));
        source.seek(SourceOffsets.of(1));
        assertEquals(SourceOffsets.of(1), source.offsets());
        assertEquals(List.of("l2", "l3"), source.poll(Time.ofMillis(2000)));
        assertEquals(List.of("l4"), source.poll(Time.ofMillis(3000)));
        assertTrue(source.isExhausted());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.seek(SourceOffsets.of(9)));
        assertTrue(e.getMessage().contains("past the end"), e.getMessage());
        source.close();
    }

    @Test
    void shouldTakeRateTimesIntervalRecordsPerBatch() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            InputDStream<Integer> in = h.context().fromIterableAtRate(java.util.stream.IntStream.range(0, 10_000)
                    .boxed().toList(), 2500);
            Map<Long, List<Long>> counts = h.collect(in.count());
            h.run(2);
            assertEquals(Map.of(1000L, List.of(2500L), 2000L, List.of(2500L)), counts);
            assertEquals(Optional.of(new InputDStream.OffsetRange(SourceOffsets.of(2500), SourceOffsets.of(5000))), in.offsetsAt(Time.ofMillis(2000)));
        }
    }
}
