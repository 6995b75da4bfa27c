package org.streamml.streaming.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one process, reused across batches: consumers for the readers (a consumer is not
 * thread-safe, so a task borrows one and gives it back; creating one per task would cost a connection and
 * a metadata round trip every batch, as Spark's {@code KafkaDataConsumer} cache avoids) and one producer
 * per settings (thread-safe). Keyed by the settings they were made with.
 */
final class KafkaClients {
    private static final Map<String, ConcurrentLinkedDeque<KafkaConsumer<byte[], byte[]>>> CONSUMERS =
            new ConcurrentHashMap<>();
    private static final Map<String, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private KafkaClients() {
    }

    /** A consumer for assigned reads (no group, no auto commit, no offset reset): borrowed until {@link #giveBack}. */
    static KafkaConsumer<byte[], byte[]> borrow(String bootstrap, Map<String, String> extra) {
        KafkaConsumer<byte[], byte[]> c = CONSUMERS.computeIfAbsent(key(bootstrap, extra),
                k -> new ConcurrentLinkedDeque<>()).pollFirst();
        return c != null ? c : consumer(bootstrap, extra, null);
    }

    static void giveBack(String bootstrap, Map<String, String> extra, KafkaConsumer<byte[], byte[]> c) {
        c.assign(java.util.List.of());
        CONSUMERS.computeIfAbsent(key(bootstrap, extra), k -> new ConcurrentLinkedDeque<>()).addFirst(c);
    }

    /** A consumer of its own: assigned reads, offset metadata and, with {@code group}, commits. */
    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, Map<String, String> extra, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // An offset that is gone must fail the read, never silently jump (Spark's failOnDataLoss).
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamml-" + (group == null ? "reader" : group));
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        p.putAll(extra);
        return new KafkaConsumer<>(p);
    }

    /** The producer of these settings: idempotent, every write acknowledged by all in-sync replicas. */
    static KafkaProducer<byte[], byte[]> producer(String bootstrap, Map<String, String> extra) {
        return PRODUCERS.computeIfAbsent(key(bootstrap, extra), k -> {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.putAll(extra);
            return new KafkaProducer<>(p);
        });
    }

    /** Closes this process's clients of these settings (a source or sink that is closed). */
    static void close(String bootstrap, Map<String, String> extra) {
        ConcurrentLinkedDeque<KafkaConsumer<byte[], byte[]>> q = CONSUMERS.remove(key(bootstrap, extra));
        if (q != null) {
            q.forEach(c -> c.close(java.time.Duration.ofSeconds(1)));
        }
        KafkaProducer<byte[], byte[]> p = PRODUCERS.remove(key(bootstrap, extra));
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static String key(String bootstrap, Map<String, String> extra) {
        return bootstrap + " " + new java.util.TreeMap<>(extra);
    }
}
