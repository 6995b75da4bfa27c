package org.streamml.streaming.kafka;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;

/**
 * Throughput from a Kafka topic to a model update, against the broker's own ceiling, in one run on one
 * broker (KRaft, its own process, this machine): a 2-partition topic of {@code N} records, each 10 doubles
 * (80 bytes, big-endian), is read (1) by Kafka's own consumer, assigned both partitions, touching every
 * value, and (2) by a StreamML {@link KafkaSource} into a streaming k-means (k = 5, d = 10), batches of
 * 100,000 records over 2 partitions and 2 threads, replayed as fast as possible; both from the first offset,
 * alternately, {@code R} rounds; records per second of wall time, the best round of each.
 *
 * <pre>
 * mvn -q -B -pl streaming-core,streaming-cluster,streaming-kafka,model-io,ml-algorithms test-compile \
 *     dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp streaming-kafka/target/test-classes:streaming-kafka/target/classes:$(cat streaming-kafka/target/cp.txt) \
 *     org.streamml.streaming.kafka.KafkaThroughput [RECORDS [ROUNDS]]
 * </pre>
 */
public final class KafkaThroughput {
    private static final int D = 10;

    private KafkaThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("streamml-kafka-bench");
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            broker.createTopic("points", 2);
            produce(broker.bootstrap(), n);
            double bestConsumer = 0;
            double bestStreamml = 0;
            for (int r = 0; r < rounds; r++) {
                double c = consumer(broker.bootstrap(), n);
                double s = streamml(broker.bootstrap(), n);
                System.out.printf(Locale.ROOT, "round %d: Kafka consumer %.2f M rec/s, StreamML to k-means %.2f M rec/s%n",
                        r + 1, c / 1e6, s / 1e6);
                bestConsumer = Math.max(bestConsumer, c);
                bestStreamml = Math.max(bestStreamml, s);
            }
            System.out.printf(Locale.ROOT, "best of %d rounds, %,d records of %d doubles: Kafka consumer %.2f M rec/s,"
                    + " StreamML topic to k-means update %.2f M rec/s (%.0f %% of the consumer)%n", rounds, n, D,
                    bestConsumer / 1e6, bestStreamml / 1e6, 100 * bestStreamml / bestConsumer);
        }
    }

    private static void produce(String bootstrap, int n) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(1 << 20));
        Random random = new Random(1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < n; i++) {
                ByteBuffer b = ByteBuffer.allocate(8 * D);
                for (int j = 0; j < D; j++) {
                    b.putDouble(random.nextGaussian() + (i % 5) * 3);
                }
                producer.send(new ProducerRecord<>("points", i % 2, null, b.array()));
            }
            producer.flush();
        }
    }

    /** Kafka's own consumer reading every record once: the ceiling. */
    private static double consumer(String bootstrap, int n) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        long start = System.nanoTime();
        long seen = 0;
        double sum = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = List.of(new TopicPartition("points", 0), new TopicPartition("points", 1));
            c.assign(tps);
            c.seekToBeginning(tps);
            while (seen < n) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    sum += r.value()[0];
                    seen++;
                }
            }
        }
        if (sum == 42) {
            System.out.print("");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** StreamML from the topic to k-means updates. */
    private static double streamml(String bootstrap, int n) throws InterruptedException {
        KafkaDeserializer<Vector> doubles = bytes -> {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            double[] x = new double[D];
            for (int j = 0; j < D; j++) {
                x[j] = b.getDouble();
            }
            return DenseVector.wrap(x);
        };
        long start = System.nanoTime();
        long[] versions = new long[1];
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock()).withThreads(2))) {
            KafkaSource<Vector> source = KafkaSource.builder(bootstrap, doubles).topics("points")
                    .maxRecordsPerPartition(50_000).backpressure(false).untilEndAtStart().build();
            var points = ssc.source(source.values(), 2);
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(5))
                    .setRandomCenters(D, 0.0, 7);
            km.trainOn(points);
            points.foreachBatch((b, t) -> versions[0] = km.latestModel().version());
            ssc.start();
            ssc.awaitTermination();
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        if (versions[0] < n / 100_000) {
            throw new IllegalStateException("k-means updated " + versions[0] + " times, expected " + n / 100_000
                    + ": " + Arrays.toString(versions));
        }
        return rate;
    }

}
