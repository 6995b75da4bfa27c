package org.streamml.streaming.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.streamml.streaming.Time;

/**
 * Writes a stream's results (predictions, alerts) to a Kafka topic from an output operation, with an
 * idempotent producer (no duplicates from the producer's own retries, acknowledged by all in-sync
 * replicas). Every record carries headers {@code streamml.batch-time} (milliseconds), {@code
 * streamml.index} (its place in the batch's output) and {@code streamml.model-version}: a batch that runs
 * again after a driver restart writes the same (batch time, index) pairs, so a consumer that keeps the
 * last batch time it saw per key drops the repeats (exactly-once for the consumer; Kafka transactions
 * would be the alternative).
 *
 * <pre>{@code
 * try (KafkaSink<String> alerts = KafkaSink.create("localhost:9092", "alerts", KafkaSerializer.text())) {
 *     flagged.foreachBatch((batch, time) -> {
 *         for (String a : batch.collect()) {
 *             alerts.send(time, model.version(), null, a);
 *         }
 *         alerts.flush();              // the batch completes only once Kafka has every record
 *     });
 *     ssc.start();
 *     ssc.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #flush} waits for every record sent since the last flush and fails naming the
 * topic if one could not be written, so a batch whose output was lost fails instead of completing.
 *
 * @param <V> value type
 */
public final class KafkaSink<V> implements AutoCloseable {
    private final String topic;
    private final KafkaSerializer<V> serializer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final long timeoutMillis;
    private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();
    private long batch = Long.MIN_VALUE;
    private int index;

    private KafkaSink(String bootstrap, String topic, KafkaSerializer<V> serializer, Map<String, String> config,
                      Duration timeout) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.timeoutMillis = timeout.toMillis();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrap, "bootstrap servers"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeoutMillis, 1_000)));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeoutMillis, 30_000)));
        p.putAll(config);
        this.producer = new KafkaProducer<>(p);
    }

    /** A sink writing to {@code topic} on the brokers {@code bootstrap}; waits up to 60 s for a write. */
    public static <V> KafkaSink<V> create(String bootstrap, String topic, KafkaSerializer<V> serializer) {
        return create(bootstrap, topic, serializer, Map.of(), Duration.ofSeconds(60));
    }

    /** A sink with extra producer settings and the longest wait for a write. */
    public static <V> KafkaSink<V> create(String bootstrap, String topic, KafkaSerializer<V> serializer,
                                          Map<String, String> producerConfig, Duration timeout) {
        return new KafkaSink<>(bootstrap, topic, serializer, producerConfig, timeout);
    }

    /** The topic written to. */
    public String topic() {
        return topic;
    }

    /**
     * Sends {@code value} (with {@code key}, may be {@code null}) as output of the batch at {@code batchTime}
     * computed with model version {@code modelVersion} (any number the consumer can order by; 0 when no
     * model is involved).
     */
    public synchronized void send(Time batchTime, long modelVersion, String key, V value) {
        if (batchTime.millis() != batch) {
            batch = batchTime.millis();
            index = 0;
        }
        byte[] bytes;
        try {
            bytes = serializer.serialize(value);
        } catch (Exception e) {
            throw new KafkaSourceException("cannot serialize a record of batch " + batchTime + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
        RecordHeaders h = new RecordHeaders();
        h.add("streamml.batch-time", Long.toString(batch).getBytes(StandardCharsets.UTF_8));
        h.add("streamml.index", Integer.toString(index++).getBytes(StandardCharsets.UTF_8));
        h.add("streamml.model-version", Long.toString(modelVersion).getBytes(StandardCharsets.UTF_8));
        inFlight.add(producer.send(new ProducerRecord<>(topic, null, batchTime.millis(),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), bytes, h)));
    }

    /**
     * Waits until every record sent since the last flush is written.
     *
     * @throws KafkaSourceException naming the topic if a record could not be written within the timeout
     */
    public synchronized void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> f : inFlight) {
                try {
                    f.get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new KafkaSourceException("cannot write to topic " + topic + ": " + e.getCause().getMessage(),
                            e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new KafkaSourceException("cannot write to topic " + topic + " within " + timeoutMillis
                            + " ms (broker unreachable?)", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaSourceException("interrupted while writing to topic " + topic, e);
                }
            }
        } finally {
            inFlight.clear();
        }
    }

    /** Flushes, then closes the producer. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close(Duration.ofMillis(Math.min(timeoutMillis, 10_000)));
        }
    }
}
