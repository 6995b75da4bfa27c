package org.streamml.streaming.kafka;

/**
 * A Kafka source or sink could not do its work: a broker unreachable for longer than the timeout, a
 * topic that is gone, offsets that retention dropped, a bad record under the FAIL policy. The message
 * names the topic, partition and offsets (or the record's offset) and the rule broken.
 */
public class KafkaSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public KafkaSourceException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public KafkaSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
