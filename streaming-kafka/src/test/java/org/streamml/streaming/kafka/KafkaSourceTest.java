package org.streamml.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.Clock;
import org.streamml.streaming.DStream;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingException;
import org.streamml.streaming.Time;

/**
 * The direct Kafka source against a real broker (KRaft, its own process): every record produced is read
 * exactly once in offset order, bad records follow the policy, a broker restarted mid-stream is survived,
 * a deleted topic fails naming its partition, and a restart from a checkpoint continues at the
 * checkpointed offsets with the state of an unbroken run.
 */
class KafkaSourceTest {
    @TempDir
    static Path dir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static List<String> values(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static StreamingContext context(Clock clock) {
        return new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(clock).withThreads(2));
    }

    private static KafkaSource.Builder<String> strings(String topic) {
        return KafkaSource.builder(broker.bootstrap(), KafkaDeserializer.strings()).topics(topic)
                .brokerTimeout(Duration.ofSeconds(90));
    }

    @Test
    void aThreePartitionTopicIsReadExactlyOnceInOffsetOrder() throws Exception {
        broker.createTopic("three", 3);
        List<String> produced = values("v", 3000);
        broker.produce("three", 3, produced);
        List<KafkaRecord<String>> got = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        KafkaSource<String> source = strings("three").maxRecordsPerPartition(250).backpressure(false).untilEndAtStart()
                .build(); // batch sizes fixed by the cap alone: processing time is real, not the fast clock's
        try (StreamingContext ssc = context(new FastForwardClock())) {
            assertEquals(3, source.partitionCount());
            ssc.source(source, source.partitionCount()).foreachBatch((b, t) -> {
                List<KafkaRecord<String>> batch = b.collect();
                batchSizes.add(batch.size());
                got.addAll(batch);
            });
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(List.of(750, 750, 750, 750), batchSizes);
        List<String> values = new ArrayList<>();
        got.forEach(r -> values.add(r.value()));
        List<String> sortedProduced = new ArrayList<>(produced);
        Collections.sort(sortedProduced);
        Collections.sort(values);
        assertEquals(sortedProduced, values, "none lost, none twice");
        for (int p = 0; p < 3; p++) {
            long expected = 0;
            for (KafkaRecord<String> r : got) {
                if (r.partition() == p) {
                    assertEquals(expected++, r.offset(), "offsets of partition " + p + " in order");
                    assertEquals("three", r.topic());
                    assertEquals(0, Integer.parseInt(r.value().substring(1)) % 3 - p);
                }
            }
            assertEquals(1000, expected);
        }
    }

    @Test
    void aBadRecordFailsTheStreamNamingTopicPartitionAndOffset() throws Exception {
        broker.createTopic("bad-fail", 1);
        broker.produceBytes("bad-fail", 1, List.of(bytes("ok"), new byte[] {(byte) 0xC3, 0x28}, bytes("later")));
        List<String> got = new CopyOnWriteArrayList<>();
        StreamingContext ssc = context(new FastForwardClock());
        KafkaSource<String> source = strings("bad-fail").untilEndAtStart().build();
        ssc.source(source, 1).map(KafkaRecord::value).foreachBatch((b, t) -> got.addAll(b.collect()));
        ssc.start();
        StreamingException e = assertThrows(StreamingException.class, ssc::awaitTermination);
        String message = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(message.contains("topic bad-fail, partition 0, offset 1"), message);
        assertTrue(message.contains("not valid UTF-8"), message);
        assertTrue(message.contains("bad-record policy FAIL"), message);
        assertEquals(List.of(), got, "the batch with the bad record did not run");
    }

    @Test
    void badRecordsAreSkippedCountedAndSentToTheDeadLetterTopic() throws Exception {
        broker.createTopic("bad-skip", 2);
        broker.createTopic("bad-skip-dlq", 1);
        broker.produceBytes("bad-skip", 2, List.of(bytes("a"), bytes("b"), new byte[] {(byte) 0xFF}, bytes("c"),
                bytes("d"), new byte[] {(byte) 0xC3, 0x28}));
        List<String> got = new CopyOnWriteArrayList<>();
        KafkaSource<String> source = strings("bad-skip").untilEndAtStart().deadLetterTopic("bad-skip-dlq").build();
        try (StreamingContext ssc = context(new FastForwardClock())) {
            ssc.source(source, 2).map(KafkaRecord::value).foreachBatch((b, t) -> got.addAll(b.collect()));
            ssc.start();
            ssc.awaitTermination();
            assertEquals(2, source.skippedRecords());
        }
        Collections.sort(got);
        assertEquals(List.of("a", "b", "c", "d"), got);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> origins = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition("bad-skip-dlq", 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (origins.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    origins.add(header(r, "streamml.topic") + "-" + header(r, "streamml.partition") + "@"
                            + header(r, "streamml.offset") + " " + header(r, "streamml.error"));
                }
            }
        }
        Collections.sort(origins);
        assertEquals(List.of("bad-skip-0@1 the value is not valid UTF-8 text",
                "bad-skip-1@2 the value is not valid UTF-8 text"), origins);
    }

    @Test
    void aBrokerRestartedMidStreamIsSurvived() throws Exception {
        broker.createTopic("restart", 2);
        broker.produce("restart", 2, values("a", 100));
        ManualClock clock = new ManualClock();
        Map<Long, Integer> counts = new ConcurrentHashMap<>();
        List<String> got = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = context(clock)) {
            KafkaSource<String> source = strings("restart").build();
            ssc.source(source, 2).map(KafkaRecord::value).foreachBatch((b, t) -> {
                List<String> batch = b.collect();
                counts.put(t.millis(), batch.size());
                got.addAll(batch);
            });
            ssc.start();
            clock.advance(1000);
            assertTrue(ssc.awaitBatch(Time.ofMillis(1000), 60_000));
            broker.stop();
            clock.advance(1000);       // batch 2 is planned while the broker is away: it waits and retries
            broker.start();
            assertTrue(ssc.awaitBatch(Time.ofMillis(2000), 120_000));
            broker.produce("restart", 2, values("b", 100));
            clock.advance(1000);
            assertTrue(ssc.awaitBatch(Time.ofMillis(3000), 60_000));
        }
        List<String> expected = new ArrayList<>(values("a", 100));
        expected.addAll(values("b", 100));
        Collections.sort(expected);
        Collections.sort(got);
        assertEquals(expected, got);
        assertEquals(100, counts.get(1000L));
    }

    @Test
    void aDeletedTopicFailsNamingThePartition() throws Exception {
        broker.createTopic("gone", 1);
        broker.produce("gone", 1, values("g", 10));
        ManualClock clock = new ManualClock();
        StreamingContext ssc = context(clock);
        ssc.source(strings("gone").build(), 1).foreachBatch((b, t) -> b.count());
        ssc.start();
        clock.advance(1000);
        assertTrue(ssc.awaitBatch(Time.ofMillis(1000), 60_000));
        broker.deleteTopic("gone");
        clock.advance(1000);
        StreamingException e = assertThrows(StreamingException.class, () -> ssc.awaitTerminationOrTimeout(120_000));
        String message = e.getMessage() + " " + e.getCause();
        assertTrue(message.contains("gone-0 is gone"), message);
        assertTrue(message.contains("offsets from 10"), message);
    }

    @Test
    void offsetsDroppedByRetentionFailNamingThePartitionAndTheMissingRange() throws Exception {
        broker.createTopic("retained", 1);
        broker.produce("retained", 1, values("r", 20));
        ManualClock clock = new ManualClock();
        StreamingContext ssc = context(clock);
        ssc.source(strings("retained").maxRecordsPerPartition(5).backpressure(false).build(), 1)
                .foreachBatch((b, t) -> b.count());
        ssc.start();
        clock.advance(1000);
        assertTrue(ssc.awaitBatch(Time.ofMillis(1000), 60_000));   // offsets 0 to 4 read
        // what retention does to old segments: the partition's log now starts at offset 12
        try (org.apache.kafka.clients.admin.Admin admin = broker.admin()) {
            admin.deleteRecords(Map.of(new org.apache.kafka.common.TopicPartition("retained", 0),
                    org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(12))).all().get(60, TimeUnit.SECONDS);
        }
        clock.advance(1000);
        StreamingException e = assertThrows(StreamingException.class, () -> ssc.awaitTerminationOrTimeout(120_000));
        String message = e.getMessage() + " " + e.getCause();
        assertTrue(message.contains("cannot read retained-0 from offset 5: the partition now starts at 12")
                && message.contains("dropped offsets 5 to 11"), message);
    }

    /** Running totals per key (value mod 7) and per-batch counts, recorded by batch time. */
    private static void totals(StreamingContext ssc, KafkaSource<String> source, Map<String, String> out) {
        DStream<KafkaRecord<String>> records = ssc.source(source, 3);
        records.mapToPair(r -> Pair.of("k" + Integer.parseInt(r.value().substring(1)) % 7, 1L))
                .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                .foreachBatch((b, t) -> {
                    List<String> rows = new ArrayList<>();
                    b.collect().forEach(x -> rows.add(x.toString()));
                    Collections.sort(rows);
                    out.put(String.format("%05d totals", t.millis()), String.join(",", rows));
                });
        records.count().foreachBatch((b, t) -> out.put(String.format("%05d count", t.millis()),
                b.collect().toString()));
    }

    @Test
    void aRestartFromTheCheckpointContinuesAtTheCheckpointedOffsets() throws Exception {
        broker.createTopic("ckpt", 3);
        broker.produce("ckpt", 3, values("c", 2400));
        Map<String, String> expected = new ConcurrentHashMap<>();
        try (StreamingContext ssc = context(new FastForwardClock())) {
            totals(ssc, strings("ckpt").maxRecordsPerPartition(100).backpressure(false).untilEndAtStart().build(),
                    expected);
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(16, expected.size(), expected.keySet().toString());

        Path ckpt = dir.resolve("kafka-ckpt");
        Map<String, String> out = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        StreamingContext first = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(clock).checkpoint(ckpt, 3, 2);
            totals(c, strings("ckpt").maxRecordsPerPartition(100).backpressure(false).untilEndAtStart().build(), out);
            return c;
        });
        first.start();
        clock.advance(5000);
        assertTrue(first.awaitBatch(Time.ofMillis(5000), 60_000));
        first.stop(false);                                     // batches 4 and 5 are after the checkpoint of 3
        first.awaitTerminationOrTimeout(60_000);
        StreamingContext second = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = context(new FastForwardClock()).checkpoint(ckpt, 3, 2);
            totals(c, strings("ckpt").maxRecordsPerPartition(100).backpressure(false).untilEndAtStart().build(), out);
            return c;
        });
        assertEquals(Optional.of(Time.ofMillis(3000)), second.restoredFrom());
        second.start();
        second.awaitTermination();
        assertEquals(new TreeMap<>(expected), new TreeMap<>(out));
    }

    @Test
    void aBatchThatOverranLowersTheNextRangesAndTheLimitGrowsBack() throws Exception {
        broker.createTopic("pressure", 2);
        broker.produce("pressure", 2, values("p", 4000));
        try (KafkaSource<String> source = strings("pressure").maxRecordsPerPartition(1000).build()) {
            source.start();
            assertEquals(1000, total(source.plan(Time.ofMillis(1000), 2)) / 2, "the cap: 1000 per partition");
            source.onBatchCompleted(new org.streamml.streaming.BatchInfo(Time.ofMillis(1000), 2000, 0, 0, 0));
            // 2000 records took 4 s in a 1 s interval: 500 a second, 450 less a tenth, 225 per partition
            source.onBatchCompleted(new org.streamml.streaming.BatchInfo(Time.ofMillis(2000), 2000, 0,
                    4_000_000_000L, 4000));
            assertEquals(225, source.rateLimit());
            assertEquals(450, total(source.plan(Time.ofMillis(3000), 2)));
            source.onBatchCompleted(new org.streamml.streaming.BatchInfo(Time.ofMillis(3000), 450, 0,
                    100_000_000L, 100));
            assertEquals(337, source.rateLimit(), "a batch that kept up grows the limit by half");
        }
    }

    private static long total(List<org.streamml.streaming.PartitionedSource.PartitionReader<KafkaRecord<String>>> readers)
            throws Exception {
        long n = 0;
        for (var r : readers) {
            n += r.read().size();
        }
        return n;
    }

    @Test
    void aPatternReadsEveryMatchingTopicAndCommitsForMonitoring() throws Exception {
        broker.createTopic("pat-a", 1);
        broker.createTopic("pat-b", 2);
        broker.createTopic("other", 1);
        broker.produce("pat-a", 1, values("a", 30));
        broker.produce("pat-b", 2, values("b", 40));
        broker.produce("other", 1, values("o", 5));
        List<String> got = new CopyOnWriteArrayList<>();
        KafkaSource<String> source = KafkaSource.builder(broker.bootstrap(), KafkaDeserializer.strings())
                .topicPattern("pat-.*").untilEndAtStart().commitTo("streamml-monitor").build();
        try (StreamingContext ssc = context(new FastForwardClock())) {
            ssc.source(source.values(), 3).foreachBatch((b, t) -> got.addAll(b.collect()));
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(70, got.size());
        assertTrue(got.stream().noneMatch(v -> v.startsWith("o")), got.toString());
        try (var admin = broker.admin()) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("streamml-monitor").partitionsToOffsetAndMetadata()
                            .get(60, java.util.concurrent.TimeUnit.SECONDS);
            Map<String, Long> offsets = new TreeMap<>();
            committed.forEach((tp, o) -> offsets.put(tp.toString(), o.offset()));
            assertEquals(Map.of("pat-a-0", 30L, "pat-b-0", 20L, "pat-b-1", 20L), offsets);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
