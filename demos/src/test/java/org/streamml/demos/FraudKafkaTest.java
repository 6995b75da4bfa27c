package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.evaluation.BinaryMetrics;
import org.streamml.streaming.kafka.KafkaBroker;

/**
 * The fraud demo end to end through a real Kafka broker: transactions produced to a topic, consumed by the
 * pipeline, alerts written to a second topic, which then holds exactly the alerts the run counted, each
 * keyed by its transaction with the batch time and model version; the models rank fraud as well as the
 * in-process run does.
 */
class FraudKafkaTest {
    /**
     * The Kafka clients' INFO lines (configurations, metadata), which this module's tests send to java.util.logging
     * (slf4j-jdk14), kept out of the test output; held strongly, as java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @TempDir
    Path dir;

    @Test
    void theFraudDemoStreamsThroughKafkaAndWritesItsAlertsToATopic() throws Exception {
        DemoSettings base = DemoSettings.defaults().withBatches(4).withRecordsPerSecond(2_000)
                .withChartsDir(dir.resolve("charts"));
        FraudDemo.Result inProcess = new FraudDemo().execute(base, new PrintWriter(new StringWriter()));
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            StringWriter text = new StringWriter();
            FraudDemo.Result r = new FraudDemo().execute(base.withKafka(broker.bootstrap()), new PrintWriter(text));
            String log = text.toString();
            assertTrue(log.contains("Produced 8,000 transactions to Kafka topic"), log);
            assertEquals(8_000, r.transactions());
            assertEquals(4, r.online().size());
            assertEquals(inProcess.onlineTotal().positives(), r.onlineTotal().positives(), "the same frauds");
            assertEquals(inProcess.frozenTotal().auc(), r.frozenTotal().auc(), 1e-12, "the frozen model scores alike");
            assertTrue(r.onlineTotal().auc() > 0.8, "online AUC " + r.onlineTotal().auc());
            long alerts = r.online().stream().mapToLong(BinaryMetrics::alerts).sum();
            Matcher m = Pattern.compile("Wrote ([\\d,]+) alerts to Kafka topic (\\S+)").matcher(log);
            assertTrue(m.find(), log);
            assertEquals(alerts, Long.parseLong(m.group(1).replace(",", "")));
            List<String> records = read(broker.bootstrap(), m.group(2), (int) alerts);
            assertEquals(alerts, records.size());
            Set<String> keys = new HashSet<>();
            for (String rec : records) {
                assertTrue(rec.matches("\\d+ transaction \\d+: fraud probability [01]\\.\\d{4} t=\\d+ v=\\d+"), rec);
                keys.add(rec.substring(0, rec.indexOf(' ')));
            }
            assertEquals(alerts, keys.size(), "one alert per transaction");
        }
    }

    private static List<String> read(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> out = new java.util.ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    out.add(new String(r.key(), StandardCharsets.UTF_8) + " " + new String(r.value(), StandardCharsets.UTF_8)
                            + " t=" + new String(r.headers().lastHeader("streamml.batch-time").value(), StandardCharsets.UTF_8)
                            + " v=" + new String(r.headers().lastHeader("streamml.model-version").value(),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
