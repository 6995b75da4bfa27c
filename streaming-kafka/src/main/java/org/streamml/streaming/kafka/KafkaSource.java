package org.streamml.streaming.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.PartitionedSource;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.BadRecordPolicy;

/**
 * Kafka's direct stream (Spark's {@code KafkaUtils.createDirectStream}): each batch is a set of offset
 * ranges, one per topic-partition, planned on the driver from the offsets the partitions have; each
 * StreamML partition reads its ranges where it is processed (on the workers in cluster mode, so the
 * records never pass through the driver). The source's {@link #offsets()} are the next offset of every
 * topic-partition (named {@code topic-partition}), so with a checkpoint directory the ranges are the
 * checkpoint's source offsets: after a driver crash the stream resumes at them and state and model
 * updates are exactly-once. Nothing is committed to Kafka for recovery; {@link Builder#commitTo} commits
 * completed batches' offsets for monitoring tools only.
 *
 * <pre>{@code
 * KafkaSource<String> src = KafkaSource.builder("localhost:9092", KafkaDeserializer.strings())
 *         .topics("transactions").maxRecordsPerPartition(50_000).build();
 * DStream<KafkaRecord<String>> records = ssc.source(src, src.partitionCount());
 * DStream<String> values = records.map(KafkaRecord::value);
 * }</pre>
 *
 * <p><b>Rate control.</b> A batch reads at most {@link Builder#maxRecordsPerPartition} offsets of each
 * partition, so memory stays bounded whatever the backlog. With backpressure (the default) a batch whose
 * processing took longer than the batch interval lowers the next batches' limit to what the stream
 * processed per interval; the limit grows back by half each batch that kept up.
 *
 * <p><b>Bounded runs.</b> With {@link Builder#untilEndAtStart} the source ends at the end offsets the
 * partitions had when it started (as a command over a file ends at its end); otherwise it follows the
 * topics until the context stops. Partitions added to a topic later are read from their first offset.
 *
 * <p><b>Faults.</b> A record whose value does not deserialize goes to the bad-record policy: the stream
 * fails naming topic, partition and offset, or the record is skipped and counted ({@link #skippedRecords}),
 * optionally to a dead-letter topic with its origin in headers. A broker that does not answer is retried
 * for {@link Builder#brokerTimeout}, then the batch fails naming the topic-partitions; a topic that was
 * deleted, or offsets that retention dropped, fail naming the topic, partition and missing range.
 *
 * @param <V> value type
 */
public final class KafkaSource<V> implements PartitionedSource<KafkaRecord<V>>, StreamingListener {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);

    /** Where a source starts on partitions it has no offsets for (no checkpoint). */
    public enum StartingOffsets {
        /** The first offset the partition still has. */
        EARLIEST,
        /** The end offset when the source starts: only records produced from then on. */
        LATEST
    }

    private final KafkaPartitionReader.Settings<V> settings;
    private final List<String> topics;
    private final Pattern pattern;
    private final StartingOffsets starting;
    private final long maxPerPartition;
    private final boolean backpressure;
    private final boolean boundedAtStart;
    private final String commitGroup;

    private KafkaConsumer<byte[], byte[]> metadata;
    private KafkaConsumer<byte[], byte[]> committer;
    /** The next offset of every known topic-partition, in name order. */
    private final TreeMap<String, Long> positions = new TreeMap<>();
    private final Map<String, TopicPartition> partitionsByName = new HashMap<>();
    /** With {@link Builder#untilEndAtStart}: the end offsets at start. */
    private Map<String, Long> bounds;
    /** The positions after each planned batch, until the batch completed (for commits). */
    private final ConcurrentSkipListMap<Long, Map<String, Long>> plannedUntil = new ConcurrentSkipListMap<>();
    private volatile long rateLimit = Long.MAX_VALUE;
    private long lastBatchTime = Long.MIN_VALUE;
    private long intervalMillis;

    private KafkaSource(Builder<V> b) {
        this.settings = new KafkaPartitionReader.Settings<>(UUID.randomUUID().toString(), b.bootstrap,
                Map.copyOf(b.clientConfig), b.deserializer, b.badRecords, b.deadLetterTopic,
                b.brokerTimeout.toMillis());
        this.topics = List.copyOf(b.topics);
        this.pattern = b.pattern;
        this.starting = b.starting;
        this.maxPerPartition = b.maxPerPartition;
        this.backpressure = b.backpressure;
        this.boundedAtStart = b.boundedAtStart;
        this.commitGroup = b.commitGroup;
    }

    /** A builder of a source reading from the brokers {@code bootstrap} ({@code host:port[,host:port...]}). */
    public static <V> Builder<V> builder(String bootstrap, KafkaDeserializer<V> deserializer) {
        return new Builder<>(bootstrap, deserializer);
    }

    /** Settings of a {@link KafkaSource}. */
    public static final class Builder<V> {
        private final String bootstrap;
        private final KafkaDeserializer<V> deserializer;
        private final List<String> topics = new ArrayList<>();
        private Pattern pattern;
        private StartingOffsets starting = StartingOffsets.EARLIEST;
        private long maxPerPartition = 100_000;
        private boolean backpressure = true;
        private boolean boundedAtStart;
        private BadRecordPolicy badRecords = BadRecordPolicy.FAIL;
        private String deadLetterTopic;
        private String commitGroup;
        private Duration brokerTimeout = Duration.ofSeconds(60);
        private final Map<String, String> clientConfig = new LinkedHashMap<>();

        private Builder(String bootstrap, KafkaDeserializer<V> deserializer) {
            this.bootstrap = requireText(bootstrap, "bootstrap servers");
            this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        }

        /** The topics to read. */
        public Builder<V> topics(String... names) {
            for (String t : names) {
                topics.add(requireTopic(t));
            }
            return this;
        }

        /** Every topic whose name matches {@code regex} (new matching topics are picked up each batch). */
        public Builder<V> topicPattern(String regex) {
            this.pattern = Pattern.compile(regex);
            return this;
        }

        /** Where to start on partitions without checkpointed offsets; {@link StartingOffsets#EARLIEST} by default. */
        public Builder<V> startingOffsets(StartingOffsets s) {
            this.starting = Objects.requireNonNull(s, "starting offsets");
            return this;
        }

        /** The most offsets one batch reads of one partition, >= 1; 100,000 by default. */
        public Builder<V> maxRecordsPerPartition(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("max records per partition must be >= 1: " + n);
            }
            this.maxPerPartition = n;
            return this;
        }

        /** Whether a batch that overran lowers the next batches' ranges; on by default. */
        public Builder<V> backpressure(boolean on) {
            this.backpressure = on;
            return this;
        }

        /** Ends the source at the end offsets its partitions have when it starts. */
        public Builder<V> untilEndAtStart() {
            this.boundedAtStart = true;
            return this;
        }

        /** What a record that does not deserialize does; {@link BadRecordPolicy#FAIL} by default. */
        public Builder<V> badRecords(BadRecordPolicy policy) {
            this.badRecords = Objects.requireNonNull(policy, "bad-record policy");
            return this;
        }

        /** Skips bad records to {@code topic} (raw key and value, origin and error in headers), counting them. */
        public Builder<V> deadLetterTopic(String topic) {
            this.deadLetterTopic = requireTopic(topic);
            this.badRecords = BadRecordPolicy.SKIP_AND_COUNT;
            return this;
        }

        /** Commits each completed batch's offsets to consumer group {@code group}, for monitoring only. */
        public Builder<V> commitTo(String group) {
            this.commitGroup = requireText(group, "consumer group");
            return this;
        }

        /** How long a broker may not answer before a batch fails; 60 s by default. */
        public Builder<V> brokerTimeout(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("broker timeout must be positive: " + d);
            }
            this.brokerTimeout = d;
            return this;
        }

        /** A Kafka client setting for the consumers and producers (security settings, for example). */
        public Builder<V> clientConfig(String key, String value) {
            clientConfig.put(requireText(key, "client setting"), Objects.requireNonNull(value, key));
            return this;
        }

        /** The source. */
        public KafkaSource<V> build() {
            if (topics.isEmpty() == (pattern == null)) {
                throw new IllegalArgumentException("a Kafka source needs topics(...) or topicPattern(...), not both");
            }
            return new KafkaSource<>(this);
        }
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s;
    }

    private static String requireTopic(String t) {
        if (t == null || !t.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("not a Kafka topic name (1 to 249 of [A-Za-z0-9._-]): "
                    + org.streamml.streaming.io.Quote.of(String.valueOf(t)));
        }
        return t;
    }

    @Override
    public synchronized void start() {
        if (metadata != null) {
            return;
        }
        metadata = KafkaClients.consumer(settings.bootstrap(), settings.clientConfig(), null);
        if (commitGroup != null) {
            committer = KafkaClients.consumer(settings.bootstrap(), settings.clientConfig(), commitGroup);
        }
        Map<String, TopicPartition> found = discover();
        if (found.isEmpty()) {
            throw new KafkaSourceException("no partitions found for " + describeTopics() + " on "
                    + settings.bootstrap() + " (create the topic first)");
        }
        Map<String, Long> begin = offsets(found, true);
        Map<String, Long> end = offsets(found, false);
        for (String name : found.keySet()) {
            positions.put(name, starting == StartingOffsets.EARLIEST ? begin.get(name) : end.get(name));
        }
        if (boundedAtStart) {
            bounds = new HashMap<>(end);
        }
    }

    /** The number of topic-partitions the source reads now: the natural partition count of its stream. */
    public synchronized int partitionCount() {
        if (metadata == null) {
            try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(settings.bootstrap(),
                    settings.clientConfig(), null)) {
                KafkaConsumer<byte[], byte[]> saved = metadata;
                metadata = c;
                try {
                    return Math.max(1, discover().size());
                } finally {
                    metadata = saved;
                }
            }
        }
        return Math.max(1, positions.size());
    }

    private String describeTopics() {
        return pattern != null ? "topics matching " + pattern.pattern() : "topic" + (topics.size() > 1 ? "s " : " ")
                + String.join(", ", topics);
    }

    /** The topic-partitions there are now, by name. */
    private Map<String, TopicPartition> discover() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
        while (true) {
            try {
                Map<String, TopicPartition> out = new TreeMap<>();
                Duration wait = Duration.ofMillis(Math.min(5_000, settings.timeoutMillis()));
                Map<String, List<PartitionInfo>> all;
                if (pattern != null) {
                    all = metadata.listTopics(wait);
                } else {
                    all = new HashMap<>();
                    for (String t : topics) {
                        List<PartitionInfo> ps = metadata.partitionsFor(t, wait);
                        all.put(t, ps == null ? List.of() : ps);
                    }
                }
                for (Map.Entry<String, List<PartitionInfo>> e : all.entrySet()) {
                    if (pattern != null && !pattern.matcher(e.getKey()).matches()) {
                        continue;
                    }
                    for (PartitionInfo p : e.getValue()) {
                        TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                        out.put(name(tp), tp);
                    }
                }
                return out;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaSourceException("cannot reach the brokers " + settings.bootstrap() + " for "
                            + settings.timeoutMillis() + " ms while reading the partitions of " + describeTopics(), e);
                }
            } catch (KafkaException e) {
                throw new KafkaSourceException("cannot read the partitions of " + describeTopics() + " from "
                        + settings.bootstrap() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The beginning or end offsets of {@code tps}, retried until the broker timeout. */
    private Map<String, Long> offsets(Map<String, TopicPartition> tps, boolean beginning) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
        while (true) {
            try {
                Duration wait = Duration.ofMillis(Math.min(5_000, settings.timeoutMillis()));
                Map<TopicPartition, Long> got = beginning ? metadata.beginningOffsets(tps.values(), wait)
                        : metadata.endOffsets(tps.values(), wait);
                Map<String, Long> out = new HashMap<>();
                got.forEach((tp, o) -> out.put(name(tp), o));
                return out;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // A partition of a deleted topic times out like an unreachable broker: ask which it is.
                requireTopicsExist(tps);
                if (System.nanoTime() > deadline) {
                    throw new KafkaSourceException("cannot reach the brokers " + settings.bootstrap() + " for "
                            + settings.timeoutMillis() + " ms while reading the " + (beginning ? "first" : "end")
                            + " offsets of " + String.join(", ", tps.keySet()), e);
                }
            } catch (KafkaException e) {
                throw new KafkaSourceException("cannot read the offsets of " + String.join(", ", tps.keySet())
                        + " from " + settings.bootstrap() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Fails naming the first partition whose topic the brokers no longer have (deleted). */
    private void requireTopicsExist(Map<String, TopicPartition> tps) {
        Set<String> existing;
        try {
            existing = metadata.listTopics(Duration.ofMillis(Math.min(5_000, settings.timeoutMillis()))).keySet();
        } catch (KafkaException e) {
            return; // the broker is away: the caller retries until its timeout
        }
        for (Map.Entry<String, TopicPartition> e : tps.entrySet()) {
            if (!existing.contains(e.getValue().topic())) {
                throw gone(e.getKey());
            }
        }
    }

    private KafkaSourceException gone(String name) {
        return new KafkaSourceException("topic-partition " + name + " is gone from " + settings.bootstrap()
                + " (the topic was deleted?): its offsets from " + positions.get(name) + " were not read");
    }

    static String name(TopicPartition tp) {
        return tp.topic() + "-" + tp.partition();
    }

    private static TopicPartition parse(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || dash == name.length() - 1) {
            throw new IllegalArgumentException("not a Kafka topic-partition name: " + name);
        }
        try {
            return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Kafka topic-partition name: " + name);
        }
    }

    @Override
    public synchronized List<PartitionReader<KafkaRecord<V>>> plan(Time batchTime, int numPartitions) {
        if (metadata == null) {
            throw new IllegalStateException("the Kafka source was not started");
        }
        Map<String, TopicPartition> now = discover();
        for (String name : positions.keySet()) {
            if (!now.containsKey(name)) {
                throw gone(name);
            }
        }
        boolean added = false;
        for (String name : now.keySet()) {
            if (!positions.containsKey(name) && (bounds == null)) {
                positions.put(name, 0L);
                added = true;
            }
        }
        if (added) {
            LOG.info("new partitions of " + describeTopics() + ": reading them from their first offset");
        }
        Map<String, TopicPartition> read = new TreeMap<>();
        positions.keySet().forEach(n -> read.put(n, now.get(n)));
        Map<String, Long> begin = offsets(read, true);
        Map<String, Long> end = offsets(read, false);
        long limit = Math.min(maxPerPartition, rateLimit);
        List<List<TopicRange>> parts = new ArrayList<>();
        for (int i = 0; i < numPartitions; i++) {
            parts.add(new ArrayList<>());
        }
        int i = 0;
        for (Map.Entry<String, Long> e : positions.entrySet()) {
            String name = e.getKey();
            long from = e.getValue();
            long first = begin.getOrDefault(name, 0L);
            if (from < first) {
                throw new KafkaSourceException("cannot read " + name + " from offset " + from + ": the partition"
                        + " now starts at " + first + " (retention or deletion dropped offsets " + from + " to "
                        + (first - 1) + "); restart from a newer checkpoint or a fresh checkpoint directory");
            }
            long stop = end.getOrDefault(name, from);
            if (bounds != null) {
                stop = Math.min(stop, bounds.getOrDefault(name, from));
            }
            long until = Math.max(from, Math.min(stop, from + Math.min(limit, Long.MAX_VALUE - from)));
            TopicPartition tp = read.get(name);
            parts.get(i++ % numPartitions).add(new TopicRange(tp.topic(), tp.partition(), from, until));
            e.setValue(until);
        }
        plannedUntil.put(batchTime.millis(), new HashMap<>(positions));
        List<PartitionReader<KafkaRecord<V>>> readers = new ArrayList<>(numPartitions);
        for (List<TopicRange> p : parts) {
            readers.add(new KafkaPartitionReader<>(settings, List.copyOf(p)));
        }
        return readers;
    }

    @Override
    public synchronized SourceOffsets offsets() {
        return positions.isEmpty() ? SourceOffsets.start() : SourceOffsets.of(positions);
    }

    @Override
    public synchronized void seek(SourceOffsets at) {
        for (String name : at.partitions()) {
            if (name.equals(SourceOffsets.SINGLE) && at.numPartitions() == 1 && at.position(name) == 0) {
                return; // the offsets of a source that had found no partitions yet
            }
            parse(name);
            positions.put(name, at.position(name));
        }
    }

    @Override
    public synchronized boolean isExhausted() {
        if (bounds == null) {
            return false;
        }
        for (Map.Entry<String, Long> e : positions.entrySet()) {
            if (e.getValue() < bounds.getOrDefault(e.getKey(), 0L)) {
                return false;
            }
        }
        return true;
    }

    /** The bad records skipped under {@link BadRecordPolicy#SKIP_AND_COUNT} in this process. */
    public long skippedRecords() {
        AtomicLong n = KafkaPartitionReader.SKIPPED.get(settings.sourceId());
        return n == null ? 0 : n.get();
    }

    /** The per-partition limit that backpressure sets now ({@link Long#MAX_VALUE} when none). */
    public long rateLimit() {
        return rateLimit;
    }

    /** Backpressure and, with {@link Builder#commitTo}, the commit of the batch's offsets. */
    @Override
    public void onBatchCompleted(BatchInfo info) {
        long t = info.batchTime().millis();
        if (lastBatchTime != Long.MIN_VALUE && t > lastBatchTime) {
            intervalMillis = t - lastBatchTime;
        }
        lastBatchTime = t;
        if (backpressure && intervalMillis > 0) {
            adjustRate(info);
        }
        Map<String, Long> until = plannedUntil.get(t);
        plannedUntil.headMap(t, true).clear();
        if (committer != null && until != null) {
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            until.forEach((n, o) -> commit.put(parse(n), new OffsetAndMetadata(o, "streamml batch " + t)));
            try {
                synchronized (this) {
                    committer.commitSync(commit, Duration.ofMillis(settings.timeoutMillis()));
                }
            } catch (KafkaException e) {
                LOG.warn("cannot commit the offsets of batch " + info.batchTime() + " to group " + commitGroup
                        + " (for monitoring only; recovery uses the checkpoint): " + e.getMessage());
            }
        }
    }

    private void adjustRate(BatchInfo info) {
        int n = Math.max(1, positions.size());
        long processingMillis = TimeUnit.NANOSECONDS.toMillis(info.processingNanos());
        if (processingMillis > intervalMillis && info.records() > 0) {
            // What the stream processed per interval, shared by the partitions, a tenth below to catch up.
            double perInterval = info.records() * (double) intervalMillis / processingMillis * 0.9;
            rateLimit = Math.max(1, (long) (perInterval / n));
        } else if (rateLimit != Long.MAX_VALUE) {
            long grown = rateLimit + Math.max(1, rateLimit / 2);
            rateLimit = grown >= maxPerPartition ? Long.MAX_VALUE : grown;
        }
    }

    @Override
    public synchronized void close() {
        if (metadata != null) {
            metadata.close(Duration.ofSeconds(1));
            metadata = null;
        }
        if (committer != null) {
            committer.close(Duration.ofSeconds(1));
            committer = null;
        }
        KafkaClients.close(settings.bootstrap(), settings.clientConfig());
    }

    /** The topics of this source, for messages. */
    @Override
    public String toString() {
        return "Kafka " + describeTopics() + " at " + settings.bootstrap();
    }

    /**
     * This source with each record's value as the record ({@code ssc.source(kafka.values(), n)} is a stream
     * of values); offsets, rate control, bad records and commits are this source's.
     */
    public PartitionedSource<V> values() {
        return new Values<>(this);
    }

    /** {@link #values()}. */
    private static final class Values<V> implements PartitionedSource<V>, StreamingListener {
        private final KafkaSource<V> source;

        Values(KafkaSource<V> source) {
            this.source = source;
        }

        @Override
        public void start() {
            source.start();
        }

        @Override
        public List<PartitionReader<V>> plan(Time batchTime, int numPartitions) {
            List<PartitionReader<V>> out = new ArrayList<>(numPartitions);
            for (PartitionReader<KafkaRecord<V>> r : source.plan(batchTime, numPartitions)) {
                out.add(new ValueReader<>((KafkaPartitionReader<V>) r));
            }
            return out;
        }

        @Override
        public SourceOffsets offsets() {
            return source.offsets();
        }

        @Override
        public void seek(SourceOffsets offsets) {
            source.seek(offsets);
        }

        @Override
        public boolean isExhausted() {
            return source.isExhausted();
        }

        @Override
        public void onBatchCompleted(BatchInfo info) {
            source.onBatchCompleted(info);
        }

        @Override
        public void close() {
            source.close();
        }

        @Override
        public String toString() {
            return source + " (values)";
        }
    }

    /** The values of a reader's records; travels to the workers with the reader it wraps. */
    record ValueReader<V>(KafkaPartitionReader<V> reader) implements PartitionReader<V> {
        @Override
        public List<V> read() {
            List<KafkaRecord<V>> records = reader.read();
            List<V> out = new ArrayList<>(records.size());
            for (KafkaRecord<V> r : records) {
                out.add(r.value());
            }
            return out;
        }
    }

    Set<String> knownPartitions() {
        return new TreeSet<>(positions.keySet());
    }
}
