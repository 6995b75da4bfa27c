package org.streamml.streaming.kafka;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Makes the bytes of a value written to Kafka by a {@link KafkaSink}.
 *
 * @param <V> value type
 */
@FunctionalInterface
public interface KafkaSerializer<V> extends Serializable {

    /** The bytes of {@code value}. */
    byte[] serialize(V value) throws Exception;

    /** {@link String#valueOf} of the value, as UTF-8. */
    static <V> KafkaSerializer<V> text() {
        return v -> String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }
}
