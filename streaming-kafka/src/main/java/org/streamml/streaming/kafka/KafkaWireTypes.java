package org.streamml.streaming.kafka;

import java.util.List;
import org.streamml.streaming.WireTypes;

/** The connector's types that travel to workers: the readers with their ranges, and the records read. */
public final class KafkaWireTypes implements WireTypes {
    @Override
    public List<Class<?>> types() {
        return List.of(KafkaPartitionReader.class, KafkaPartitionReader.Settings.class, TopicRange.class, KafkaSource.ValueReader.class,
                KafkaRecord.class, org.streamml.streaming.source.BadRecordPolicy.class);
    }
}
