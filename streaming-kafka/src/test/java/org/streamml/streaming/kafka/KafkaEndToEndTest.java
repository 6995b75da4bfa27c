package org.streamml.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.cluster.ClusterExecutor;
import org.streamml.streaming.cluster.ClusterOptions;
import org.streamml.streaming.testkit.ProcessSignals;

/**
 * Kafka end to end on a real broker: partitions read on the workers of a {@code local-cluster[2]}, a
 * driver process killed with SIGKILL and restarted from its checkpoint, and the sink's records.
 */
class KafkaEndToEndTest {
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

    @Test
    void onALocalClusterThePartitionsAreReadOnTheWorkers() throws Exception {
        broker.createTopic("wide", 3);
        List<String> values = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 6000; i++) {
            values.add("k" + r.nextInt(20) + " " + "x".repeat(150) + i);
        }
        broker.produce("wide", 3, values);
        long dataBytes = values.stream().mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length).sum();
        List<String> local = counts(null);
        try (ClusterExecutor cluster = ClusterExecutor.localCluster(2, 1, ClusterOptions.defaults())) {
            List<String> onCluster = counts(cluster);
            assertEquals(local, onCluster);
            ClusterExecutor.Traffic t = cluster.traffic();
            long moved = t.taskBytesSent() + t.resultBytesReceived() + t.blockBytesFetched();
            assertTrue(moved < dataBytes / 10, t + " for " + dataBytes + " bytes of records");
        }
        List<String> all = new ArrayList<>();
        for (String line : local) {
            all.add(line);
        }
        assertTrue(String.join(" ", all).contains("k0"), all.toString());
    }

    /** Counts of the keys of topic "wide", per batch, on {@code cluster} (or locally). */
    private static List<String> counts(ClusterExecutor cluster) throws InterruptedException {
        StreamingContext.Options o = StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withThreads(2);
        if (cluster != null) {
            o = o.withExecutor(SharedExecutor.of(cluster));
        }
        List<String> out = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = new StreamingContext(o)) {
            KafkaSource<String> source = KafkaSource.builder(broker.bootstrap(), KafkaDeserializer.strings())
                    .topics("wide").maxRecordsPerPartition(1000).backpressure(false).untilEndAtStart().build();
            ssc.source(source, 3).mapToPair(rec -> Pair.of(rec.value().substring(0, rec.value().indexOf(' ')), 1L))
                    .reduceByKey(Long::sum, 2).foreachBatch((b, t) -> {
                        List<String> rows = new ArrayList<>();
                        b.collect().forEach(p -> rows.add(p.toString()));
                        Collections.sort(rows);
                        out.add(t + " " + rows);
                    });
            ssc.start();
            ssc.awaitTermination();
        }
        assertEquals(2, out.size(), out.toString());
        return out;
    }

    @Test
    void aKilledDriverRestartsFromItsCheckpointToTheOutputsAndModelOfAnUnbrokenRun() throws Exception {
        broker.createTopic("points", 3);
        Random r = new Random(17);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int c = r.nextInt(3);
            lines.add((c * 4 + r.nextGaussian()) + "," + (c * -3 + r.nextGaussian()));
        }
        broker.produce("points", 3, lines);
        Map<String, String> reference = run("reference", -1);
        assertEquals(11, reference.size(), reference.keySet().toString());   // 10 batches and the final model
        Random seeded = new Random(2026);
        for (int kill = 0; kill < 4; kill++) {
            long batch = 1000L * (1 + seeded.nextInt(10));
            Map<String, String> got = run("kill-" + kill, batch);
            assertEquals(reference.keySet(), got.keySet(), "files after a kill at " + batch);
            for (Map.Entry<String, String> e : reference.entrySet()) {
                assertEquals(e.getValue(), got.get(e.getKey()), e.getKey() + " after a kill at " + batch);
            }
        }
    }

    /** One run of {@link KafkaRecoveryPipeline}; with {@code killAt >= 0}, killed there and restarted. */
    private static Map<String, String> run(String name, long killAt) throws Exception {
        Path ckpt = dir.resolve(name + "-ckpt");
        Path out = dir.resolve(name + "-out");
        Files.createDirectories(out);
        if (killAt >= 0) {
            Path pid = dir.resolve(name + ".pid");
            Process victim = child(ckpt, out, Long.toString(killAt), pid.toString()).start();
            assertEquals(victim.pid(), ProcessSignals.awaitPid(pid, 120_000));
            victim.destroyForcibly();
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        }
        Process p = child(ckpt, out).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), name + " did not end");
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        if (killAt >= 0) {
            assertTrue(log.contains("restored from"), log);
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (!f.getFileName().toString().endsWith(".tmp")) {
                    files.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        }
        return files;
    }

    private static ProcessBuilder child(Path ckpt, Path out, String... kill) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), KafkaRecoveryPipeline.class.getName(),
                broker.bootstrap(), "points", ckpt.toString(), out.toString()));
        cmd.addAll(List.of(kill));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    @Test
    void theSinkWritesEveryRecordWithItsBatchTimeIndexAndModelVersion() throws Exception {
        broker.createTopic("alerts", 1);
        try (KafkaSink<String> sink = KafkaSink.create(broker.bootstrap(), "alerts", KafkaSerializer.text())) {
            sink.send(org.streamml.streaming.Time.ofMillis(1000), 7, "s1", "alarm a");
            sink.send(org.streamml.streaming.Time.ofMillis(1000), 7, null, "alarm b");
            sink.send(org.streamml.streaming.Time.ofMillis(2000), 8, "s2", "alarm c");
            sink.flush();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> got = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition("alerts", 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (got.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> rec : c.poll(Duration.ofMillis(500))) {
                    got.add((rec.key() == null ? "-" : new String(rec.key(), StandardCharsets.UTF_8)) + " "
                            + new String(rec.value(), StandardCharsets.UTF_8) + " t=" + header(rec, "streamml.batch-time")
                            + " i=" + header(rec, "streamml.index") + " v=" + header(rec, "streamml.model-version"));
                }
            }
        }
        assertEquals(List.of("s1 alarm a t=1000 i=0 v=7", "- alarm b t=1000 i=1 v=7", "s2 alarm c t=2000 i=0 v=8"), got);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8);
    }

}
