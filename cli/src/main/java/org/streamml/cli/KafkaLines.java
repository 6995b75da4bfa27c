package org.streamml.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link Writer} that produces each line written to it as one Kafka record (UTF-8, no key), spread
 * round-robin over the topic's partitions, optionally at most {@code rate} lines a second; the first
 * {@code skipLines} lines (a CSV header) are not produced. {@link #close} waits until the broker has every
 * record and fails naming the topic if one was not written. Used by {@code dataset --output kafka://} and
 * the fraud demo's producer.
 */
final class KafkaLines extends Writer {
    private final KafkaAddress address;
    private final KafkaProducer<byte[], byte[]> producer;
    private final int partitions;
    private final long rate;
    private final StringBuilder line = new StringBuilder();
    private long skip;
    private long sent;
    private final long startNanos = System.nanoTime();
    private volatile Exception failure;

    /**
     * Opens a producer to {@code address}, creating the topic with {@code partitions} partitions if it does
     * not exist.
     *
     * @param rate at most this many lines a second, or 0 for as fast as the broker takes them
     */
    KafkaLines(KafkaAddress address, int partitions, long rate, long skipLines) throws IOException {
        this.address = address;
        this.rate = rate;
        this.skip = skipLines;
        this.partitions = ensureTopic(address, partitions);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        this.producer = new KafkaProducer<>(p);
    }

    /** The partitions of the topic, created with {@code partitions} if it is missing. */
    static int ensureTopic(KafkaAddress address, int partitions) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!names.contains(address.topic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(address.topic(), partitions, (short) 1))).all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return admin.describeTopics(List.of(address.topic())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(address.topic()).partitions().size();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot reach the Kafka brokers " + address.bootstrap() + " to use topic "
                    + address.topic() + ": " + (e.getCause() == null ? e : e.getCause().getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reaching " + address, e);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() throws IOException {
        if (failure != null) {
            throw new IOException("cannot write to " + address + ": " + failure.getMessage(), failure);
        }
        if (skip > 0) {
            skip--;
            line.setLength(0);
            return;
        }
        byte[] value = line.toString().getBytes(StandardCharsets.UTF_8);
        line.setLength(0);
        pace();
        producer.send(new ProducerRecord<>(address.topic(), (int) (sent % partitions), null, value), (m, e) -> {
            if (e != null && failure == null) {
                failure = e;
            }
        });
        sent++;
    }

    /** Waits until sending one more line keeps the rate. */
    private void pace() throws IOException {
        if (rate <= 0) {
            return;
        }
        long due = startNanos + (long) (sent * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while producing to " + address, e);
            }
        }
    }

    /** The lines produced so far. */
    long sent() {
        return sent;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() throws IOException {
        if (line.length() > 0) {
            emit();
        }
        producer.flush();
        producer.close(Duration.ofSeconds(30));
        if (failure != null) {
            throw new IOException("cannot write to " + address + ": " + failure.getMessage(), failure);
        }
    }
}
