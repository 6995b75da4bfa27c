package org.streamml.cli;

import org.streamml.streaming.Time;
import org.streamml.streaming.kafka.KafkaDeserializer;
import org.streamml.streaming.kafka.KafkaRecord;
import org.streamml.streaming.kafka.KafkaSource;

/**
 * A series for {@code detect --input kafka://HOST:PORT/TOPIC}: the {@code timestamp,value} lines of a
 * one-partition topic, in offset order, up to the end offset it has when the command starts. A series is
 * scored in time order, and Kafka orders records only within a partition, so a topic of several partitions
 * is refused (produce one series per topic, or per partition of a topic read by the library's
 * {@link KafkaSource}).
 */
final class KafkaSeries {
    private KafkaSeries() {
    }

    /** The lines of the topic, each followed by a newline. */
    static String read(KafkaAddress from) throws Exception {
        StringBuilder text = new StringBuilder();
        try (KafkaSource<String> source = KafkaSource.builder(from.bootstrap(), KafkaDeserializer.strings())
                .topics(from.topic()).maxRecordsPerPartition(10_000).backpressure(false).untilEndAtStart().build()) {
            source.start();
            if (source.partitionCount() != 1) {
                throw new IllegalArgumentException("--input " + from + " has " + source.partitionCount()
                        + " partitions: detect scores one series in time order, and Kafka keeps order only within"
                        + " a partition; produce the series to a topic of one partition");
            }
            for (long batch = 1; !source.isExhausted(); batch++) {
                for (var reader : source.plan(Time.ofMillis(batch), 1)) {
                    for (KafkaRecord<String> r : reader.read()) {
                        if (r.value().indexOf('\n') >= 0) {
                            throw new IllegalArgumentException(from + " " + r.position() + ": a record holds one"
                                    + " 'timestamp,value' line, this one holds several");
                        }
                        text.append(r.value()).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
