package org.streamml.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.PartitionedSource;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.Time;

/** File ranges and generator index ranges give the same records however a batch is partitioned. */
class PartitionedSourcesTest {

    private static <T> List<List<T>> batches(PartitionedSource<T> source, int partitions, int batches)
            throws Exception {
        List<List<T>> out = new ArrayList<>();
        for (int b = 1; b <= batches; b++) {
            List<T> batch = new ArrayList<>();
            List<PartitionedSource.PartitionReader<T>> readers = source.plan(Time.ofMillis(b), partitions);
            assertEquals(partitions, readers.size());
            for (PartitionedSource.PartitionReader<T> r : readers) {
                batch.addAll(r.read());
            }
            out.add(batch);
        }
        return out;
    }

    @Test
    void shouldSplitAFileIntoByteRangesThatHoldTheSameLinesAsAPlainReplay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.txt");
        StringBuilder text = new StringBuilder();
        String[] ends = {"\n", "\r\n", "\r"};
        for (int i = 0; i < 1000; i++) {
            text.append(i % 13 == 0 ? "" : "line " + i + " \u00e9").append(ends[i % 3]);
        }
        text.append("last line without an end");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        List<String> expected = new java.io.BufferedReader(new java.io.StringReader(text.toString())).lines().toList();
        int n = expected.size();
        int full = n / 37;
        assertTrue(n > 900 && n % 37 != 0, "the test file has " + n + " lines");
        for (int partitions : new int[] {1, 2, 7, 64}) {
            try (FileReplaySource source = new FileReplaySource(file, 37)) {
                List<List<String>> batches = batches(source, partitions, full + 1);
                List<String> all = new ArrayList<>();
                for (int b = 0; b < batches.size(); b++) {
                    assertEquals(b < full ? 37 : n % 37, batches.get(b).size(), "batch " + b + " with P=" + partitions);
                    all.addAll(batches.get(b));
                }
                assertEquals(expected, all, "P=" + partitions);
                assertTrue(source.isExhausted());
                assertEquals(SourceOffsets.of(n), source.offsets());
            }
        }
    }

    @Test
    void shouldSeekToALineAndReplayFromThere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "a\nb\nc\nd\ne\n");
        try (FileReplaySource source = new FileReplaySource(file, 2)) {
            source.seek(SourceOffsets.of(3));
            assertEquals(List.of(List.of("d", "e")), batches(source, 3, 1));
            assertTrue(source.isExhausted());
            assertThrows(IllegalArgumentException.class, () -> source.seek(SourceOffsets.of(6)));
        }
    }

    @Test
    void shouldNameTheFileAndLineOfInvalidUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'x', (byte) 0xC3, '\n'});
        try (FileReplaySource source = new FileReplaySource(file, 10)) {
            PartitionedSource.PartitionReader<String> reader = source.plan(Time.ofMillis(1), 1).get(0);
            IOException e = assertThrows(IOException.class, reader::read);
            assertEquals(file + ": cannot read line 2: it is not valid UTF-8", e.getMessage());
        }
    }

    @Test
    void shouldGenerateEachRecordFromItsIndexWhateverThePartitioning() throws Exception {
        GeneratedSource.RecordGenerator<String> gen = (i, r) -> i + ":" + r.nextInt(1000) + ":" + r.nextGaussian();
        List<List<String>> one = batches(new GeneratedSource<>(7, 50, 230, gen), 1, 5);
        for (int partitions : new int[] {2, 3, 16}) {
            assertEquals(one, batches(new GeneratedSource<>(7, 50, 230, gen), partitions, 5), "P=" + partitions);
        }
        assertEquals(30, one.get(4).size());
        assertEquals("0:", one.get(0).get(0).substring(0, 2));
        GeneratedSource<String> replay = new GeneratedSource<>(7, 50, 230, gen);
        replay.seek(SourceOffsets.of(100));
        assertEquals(one.get(2), batches(replay, 4, 1).get(0));
        List<List<String>> otherSeed = batches(new GeneratedSource<>(8, 50, 230, gen), 1, 1);
        assertTrue(!otherSeed.get(0).equals(one.get(0)), "another seed gives other records");
    }

    @Test
    void shouldDrawUniformAndNormalValues() {
        IndexedRandom r = new IndexedRandom();
        double sum = 0;
        double squares = 0;
        int n = 200_000;
        int[] buckets = new int[10];
        for (int i = 0; i < n; i++) {
            r.reset(3, i);
            double g = r.nextGaussian();
            sum += g;
            squares += g * g;
            buckets[r.nextInt(10)]++;
        }
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(1.0, squares / n, 0.02);
        for (int b : buckets) {
            assertEquals(n / 10.0, b, n / 10.0 * 0.05);
        }
    }
}
