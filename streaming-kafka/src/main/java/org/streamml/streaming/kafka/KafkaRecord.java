package org.streamml.streaming.kafka;

import java.io.Serializable;

/**
 * One record read from Kafka: where it was (topic, partition, offset), its timestamp, its key and its
 * deserialized value.
 *
 * @param topic     the topic
 * @param partition the partition of the topic
 * @param offset    its offset in the partition
 * @param timestamp its Kafka timestamp (create or log-append time), milliseconds since the epoch
 * @param key       its key as UTF-8 text, or {@code null} when it has none
 * @param value     its value, as the source's {@link KafkaDeserializer} made it
 * @param <V> value type
 */
public record KafkaRecord<V>(String topic, int partition, long offset, long timestamp, String key, V value)
        implements Serializable {

    /** Where the record was, as {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
