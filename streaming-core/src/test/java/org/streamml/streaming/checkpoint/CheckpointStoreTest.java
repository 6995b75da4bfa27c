package org.streamml.streaming.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.Pair;
import org.streamml.streaming.Time;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    record Point(double x, String label, Optional<Integer> cluster) {
    }

    enum Mode { ON, OFF }

    private static Checkpoint checkpoint(long time) {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("state 3", new byte[] {1, 2, 3});
        sections.put("source 0", "{0=42}".getBytes());
        return new Checkpoint(time, 0, List.of("batch interval 1000 ms", "stream 0 source InputDStream"), sections);
    }

    @Test
    void valuesReadBackEqual() throws Exception {
        Values values = new Values();
        List<Object> all = List.of(1, 2L, 3.5, 1.5f, (short) 4, (byte) 5, 'c', true, "text", Optional.of("x"),
                Optional.empty(), Pair.of("k", 7L), Time.ofMillis(1000), Duration.ofMillis(1500), Mode.OFF,
                new Point(1.25, "a", Optional.of(2)), List.of(1, 2), Set.of("s"), Map.of("m", List.of(1.0)));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        values.write(new ArrayList<>(all), new DataOutputStream(buf));
        values.write(new double[] {Double.NaN, -0.0, 1e-300}, new DataOutputStream(buf));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.toByteArray()));
        assertEquals(all, values.read(in));
        double[] d = (double[]) values.read(in);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d[1]));
        assertTrue(Double.isNaN(d[0]));
        assertEquals(0, in.available());
    }

    /** A record with arrays of arrays and of strings, which are written without their element class. */
    record Table(double[][] columns, String[] names, int[] sizes) {
    }

    @Test
    void aRecordsTypedArraysReadBackWithTheirTypes() throws Exception {
        Values values = new Values();
        Table t = new Table(new double[][] {{1.0, 2.0}, {}}, new String[] {"a", null}, new int[] {3});
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        values.write(t, new DataOutputStream(buf));
        Table back = (Table) values.read(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        assertArrayEquals(t.columns(), back.columns());
        assertArrayEquals(t.names(), back.names());
        assertArrayEquals(t.sizes(), back.sizes());
    }

    @Test
    void anUnknownClassIsNamed() {
        Values.UnencodableValueException e = assertThrows(Values.UnencodableValueException.class,
                () -> new Values().write(new StringBuilder("x"), new DataOutputStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
        assertTrue(e.getMessage().contains("ValueCodec"), e.getMessage());
    }

    @Test
    void writesReadsAndKeepsTheNewest() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 2);
        for (long t = 1000; t <= 4000; t += 1000) {
            store.write(checkpoint(t));
        }
        assertEquals(List.of(store.fileOf(3000), store.fileOf(4000)), store.files());
        Checkpoint c = store.latest(w -> { throw new AssertionError(w); }).orElseThrow();
        assertEquals(4000, c.batchTimeMillis());
        assertEquals(checkpoint(4000).fingerprint(), c.fingerprint());
        assertArrayEquals(new byte[] {1, 2, 3}, c.sections().get("state 3"));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary files are left");
        }
    }

    @Test
    void aDamagedNewestFallsBackToThePreviousAndSaysSo() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 2);
        store.write(checkpoint(1000));
        store.write(checkpoint(2000));
        Path newest = store.fileOf(2000);
        byte[] b = Files.readAllBytes(newest);
        b[b.length / 2] ^= 0x10;
        Files.write(newest, b);
        List<String> warnings = new ArrayList<>();
        assertEquals(1000, store.latest(warnings::add).orElseThrow().batchTimeMillis());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(newest.toString()) && warnings.get(0).contains("checksum"), warnings.get(0));
    }

    @Test
    void truncatedForeignAndFutureFilesAreOneLineErrors() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Path file = store.write(checkpoint(1000));
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 7));
        assertMessage(store, file, "damaged");

        Files.writeString(file, "{\"format\":\"streamml-model\"}");
        assertMessage(store, file, "not a StreamML checkpoint");

        byte[] future = whole.clone();
        future[11] = 9;
        Files.write(file, future);
        CheckpointException e = assertMessage(store, file, "format version 9");
        assertTrue(e.getMessage().contains("newer StreamML"), e.getMessage());

        Files.write(file, new byte[0]);
        assertMessage(store, file, "not a StreamML checkpoint");
    }

    private static CheckpointException assertMessage(CheckpointStore store, Path file, String part) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> store.latest(w -> { }));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains("to start fresh"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e;
    }
}
