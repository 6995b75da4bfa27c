package org.streamml.streaming.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.streamml.streaming.PartitionedSource;
import org.streamml.streaming.io.Quote;
import org.streamml.streaming.source.BadRecordPolicy;

/**
 * Reads the offset ranges of one StreamML partition of a batch, where the partition is processed (a worker
 * in cluster mode): for each range, seeks a borrowed consumer to {@code from} and polls until its position
 * reaches {@code until}, keeping the records below {@code until}. Deterministic: the same ranges give the
 * same records, so a lost partition can be read again. A broker that does not answer is retried until the
 * source's broker timeout, then the read fails naming the range; offsets that retention dropped fail at
 * once, naming the missing range.
 *
 * @param settings what every reader of the source shares
 * @param ranges   the ranges of this partition, in order
 * @param <V> value type
 */
record KafkaPartitionReader<V>(Settings<V> settings, List<TopicRange> ranges)
        implements PartitionedSource.PartitionReader<KafkaRecord<V>> {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);
    /** Bad records skipped in this process, by source id. */
    static final Map<String, AtomicLong> SKIPPED = new ConcurrentHashMap<>();

    /**
     * What the readers of one source share.
     *
     * @param sourceId        a unique id of the source, for its count of skipped records
     * @param bootstrap       the brokers
     * @param clientConfig    extra consumer and producer settings
     * @param deserializer    makes values of the record bytes
     * @param badRecords      what a record that does not deserialize does
     * @param deadLetterTopic where skipped records go, or {@code null}
     * @param timeoutMillis   how long a broker may not answer before the read fails
     * @param <V> value type
     */
    record Settings<V>(String sourceId, String bootstrap, Map<String, String> clientConfig,
                       KafkaDeserializer<V> deserializer, BadRecordPolicy badRecords, String deadLetterTopic,
                       long timeoutMillis) implements java.io.Serializable {
    }

    @Override
    public List<KafkaRecord<V>> read() {
        long total = 0;
        for (TopicRange r : ranges) {
            total += r.size();
        }
        List<KafkaRecord<V>> out = new ArrayList<>((int) Math.min(total, 1 << 20));
        if (total == 0) {
            return out;
        }
        KafkaConsumer<byte[], byte[]> consumer = KafkaClients.borrow(settings.bootstrap(), settings.clientConfig());
        boolean healthy = false;
        try {
            for (TopicRange r : ranges) {
                if (r.size() > 0) {
                    read(consumer, r, out);
                }
            }
            healthy = true;
        } finally {
            if (healthy) {
                KafkaClients.giveBack(settings.bootstrap(), settings.clientConfig(), consumer);
            } else {
                consumer.close(Duration.ZERO);
            }
        }
        return out;
    }

    private void read(KafkaConsumer<byte[], byte[]> consumer, TopicRange r, List<KafkaRecord<V>> out) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        consumer.assign(List.of(tp));
        consumer.seek(tp, r.from());
        long next = r.from();
        long lastProgress = System.nanoTime();
        long timeout = TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> dlq = new ArrayList<>();
        while (next < r.until()) {
            ConsumerRecords<byte[], byte[]> polled;
            try {
                polled = consumer.poll(Duration.ofMillis(Math.min(500, settings.timeoutMillis())));
                next = Math.max(next, consumer.position(tp, Duration.ofMillis(settings.timeoutMillis())));
            } catch (OffsetOutOfRangeException e) {
                throw new KafkaSourceException("cannot read " + r + ": offset " + next + " is no longer on the"
                        + " broker (retention or deletion dropped it); the records from " + next + " to "
                        + (r.until() - 1) + " are lost; restart from the offsets the topic still has", e);
            } catch (TimeoutException e) {
                polled = ConsumerRecords.empty();
            } catch (KafkaException e) {
                throw new KafkaSourceException("cannot read " + r + " from " + settings.bootstrap() + ": " + e, e);
            }
            for (ConsumerRecord<byte[], byte[]> rec : polled.records(tp)) {
                if (rec.offset() >= r.until()) {
                    break;
                }
                if (rec.offset() < r.from()) {
                    continue;
                }
                take(rec, out, dlq);
            }
            if (!polled.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout) {
                throw new KafkaSourceException("cannot read " + r + " from " + settings.bootstrap() + ": nothing"
                        + " arrived for " + settings.timeoutMillis() + " ms at offset " + next + " (broker"
                        + " unreachable, or the topic was deleted); the stream resumes from its checkpointed"
                        + " offsets when restarted");
            }
        }
        if (!dlq.isEmpty()) {
            KafkaClients.producer(settings.bootstrap(), settings.clientConfig()).flush();
            for (var f : dlq) {
                try {
                    f.get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    throw new KafkaSourceException("cannot write the bad records of " + r + " to the dead-letter"
                            + " topic " + settings.deadLetterTopic() + ": " + e, e);
                }
            }
        }
    }

    /** Deserializes one record into {@code out}, or handles it as a bad record (to {@code dlq} if so configured). */
    private void take(ConsumerRecord<byte[], byte[]> rec, List<KafkaRecord<V>> out,
                      List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> dlq) {
        String key = rec.key() == null ? null : new String(rec.key(), StandardCharsets.UTF_8);
        String rule;
        try {
            if (rec.value() == null) {
                rule = "a record must have a value (this one is a tombstone)";
            } else {
                out.add(new KafkaRecord<>(rec.topic(), rec.partition(), rec.offset(), rec.timestamp(), key,
                        settings.deserializer().deserialize(rec.value())));
                return;
            }
        } catch (Exception e) {
            rule = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String where = "topic " + rec.topic() + ", partition " + rec.partition() + ", offset " + rec.offset();
        if (settings.badRecords() == BadRecordPolicy.FAIL) {
            throw new KafkaSourceException(where + ": bad record (" + Quote.of(rule, 200) + "; bad-record policy"
                    + " FAIL, SKIP_AND_COUNT skips such records)");
        }
        long n = SKIPPED.computeIfAbsent(settings.sourceId(), k -> new AtomicLong()).incrementAndGet();
        if (n == 1) {
            LOG.warn(where + ": bad record skipped (" + Quote.of(rule, 200) + "; bad-record policy SKIP_AND_COUNT;"
                    + " later ones are only counted" + (settings.deadLetterTopic() == null ? ""
                    : ", and sent to " + settings.deadLetterTopic()) + ")");
        }
        if (settings.deadLetterTopic() == null) {
            return;
        }
        RecordHeaders h = new RecordHeaders();
        h.add("streamml.topic", rec.topic().getBytes(StandardCharsets.UTF_8));
        h.add("streamml.partition", Integer.toString(rec.partition()).getBytes(StandardCharsets.UTF_8));
        h.add("streamml.offset", Long.toString(rec.offset()).getBytes(StandardCharsets.UTF_8));
        h.add("streamml.error", rule.getBytes(StandardCharsets.UTF_8));
        dlq.add(KafkaClients.producer(settings.bootstrap(), settings.clientConfig()).send(new ProducerRecord<>(
                settings.deadLetterTopic(), null, rec.timestamp(), rec.key(), rec.value(), h)));
    }
}
