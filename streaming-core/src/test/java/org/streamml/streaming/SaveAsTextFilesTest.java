package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.testkit.TestDriver;

class SaveAsTextFilesTest {

    @Test
    void shouldWriteOneDirectoryPerBatchWithOnePartFilePerPartition(@TempDir Path dir) throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            DStream<String> in = h.input(List.of(List.of("a", "b", "c"), List.of()));
            in.saveAsTextFiles(dir.resolve("out").toString(), "txt");
            in.map(String::toUpperCase).saveAsTextFiles(dir.resolve("upper").toString(), "");
            h.run(2);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("out-1000.txt", "out-2000.txt", "upper-1000", "upper-2000"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Path first = dir.resolve("out-1000.txt");
        assertEquals(List.of("a"), Files.readAllLines(first.resolve("part-00000")));
        assertEquals(List.of("b", "c"), Files.readAllLines(first.resolve("part-00001")));
        assertEquals(List.of("B", "C"), Files.readAllLines(dir.resolve("upper-1000").resolve("part-00001")));
        assertEquals(List.of(), Files.readAllLines(dir.resolve("out-2000.txt").resolve("part-00000")));
        try (Stream<Path> parts = Files.list(first)) {
            assertEquals(List.of("_SUCCESS", "part-00000", "part-00001"),
                    parts.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void shouldReplaceTheDirectoryOfABatchWrittenBefore(@TempDir Path dir) throws Exception {
        Path stale = Files.createDirectories(dir.resolve("out-1000"));
        Files.writeString(stale.resolve("part-00003"), "stale\n");
        try (TestDriver h = new TestDriver(1)) {
            h.input(List.of(List.of("fresh"))).saveAsTextFiles(dir.resolve("out").toString(), "");
            h.run(1);
        }
        try (Stream<Path> parts = Files.list(stale)) {
            assertEquals(List.of("_SUCCESS", "part-00000"),
                    parts.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of("fresh"), Files.readAllLines(stale.resolve("part-00000")));
    }
}
