package org.streamml.streaming.kafka;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.streamml.streaming.function.Function;

/**
 * Makes a typed value of a Kafka record's value bytes. It runs where the partition is read (on a worker in
 * cluster mode), so it is serializable. A value it cannot make is reported by throwing: the exception's
 * message says which rule the bytes broke, and the source's bad-record policy decides what happens (the
 * stream fails naming topic, partition and offset, or the record is skipped and counted, optionally to a
 * dead-letter topic).
 *
 * @param <V> value type
 */
@FunctionalInterface
public interface KafkaDeserializer<V> extends Serializable {

    /** The value of {@code bytes} (never {@code null}: a record without a value is a bad record). */
    V deserialize(byte[] bytes) throws Exception;

    /** The bytes as UTF-8 text; bytes that are not valid UTF-8 are a bad record (never replaced by U+FFFD). */
    static KafkaDeserializer<String> strings() {
        return bytes -> {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("the value is not valid UTF-8 text");
            }
        };
    }

    /** The bytes themselves. */
    static KafkaDeserializer<byte[]> bytes() {
        return bytes -> bytes;
    }

    /**
     * A text line parsed by {@code parse} (a CSV or LibSVM line parser of the datasets module, for example);
     * what {@code parse} throws is the rule broken.
     */
    static <V> KafkaDeserializer<V> lines(Function<String, V> parse) {
        KafkaDeserializer<String> text = strings();
        return bytes -> parse.call(text.deserialize(bytes));
    }
}
