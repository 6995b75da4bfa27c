package org.streamml.demos;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.streaming.DStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.io.AtomicFile;
import org.streamml.streaming.Time;
import org.streamml.streaming.kafka.KafkaDeserializer;
import org.streamml.streaming.kafka.KafkaSerializer;
import org.streamml.streaming.kafka.KafkaSink;
import org.streamml.streaming.kafka.KafkaSource;

/**
 * The fraud demo through Kafka ({@code demo fraud --kafka HOST:PORT}): the streamed transactions are produced
 * to a topic of their own ({@code streamml-fraud-MILLIS-transactions}, one CSV line {@code id,label,features}
 * per record, spread round-robin over the partitions), the pipeline consumes them with a {@link KafkaSource},
 * and every alert goes to a second topic ({@code ...-alerts}) through a {@link KafkaSink}, keyed by the
 * transaction id, with the batch time and the online model's version in its headers.
 */
final class FraudKafka implements AutoCloseable {
    private final String bootstrap;
    private final String transactions;
    private final String alerts;
    private final int partitions;
    private final KafkaSink<String> sink;
    private long written;

    private FraudKafka(String bootstrap, String run, int partitions) {
        this.bootstrap = bootstrap;
        this.transactions = run + "-transactions";
        this.alerts = run + "-alerts";
        this.partitions = partitions;
        this.sink = KafkaSink.create(bootstrap, alerts, KafkaSerializer.text());
    }

    /** The file of a checkpoint directory naming the topics of the run that checkpoints there. */
    static final String TOPICS_FILE = "fraud-kafka-run.txt";

    /**
     * Creates the run's topics and produces the {@code n} transactions to stream; says so on {@code out}. With
     * a checkpoint directory, the topics' name is kept in it once every transaction is produced, and a run
     * resuming from that directory streams the same topics again instead of producing new ones.
     */
    static FraudKafka produce(String bootstrap, int partitions, FraudData data, long n, PrintWriter out,
                              Path checkpoint) {
        Path runFile = checkpoint == null ? null : checkpoint.resolve(TOPICS_FILE);
        if (runFile != null && Files.exists(runFile)) {
            String run;
            try {
                run = Files.readString(runFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + runFile + ": " + e.getMessage(), e);
            }
            if (!run.matches("streamml-fraud-\\d+")) {
                throw new IllegalArgumentException(runFile + ": line 1 must name the run's topics"
                        + " (streamml-fraud-MILLIS), found " + org.streamml.streaming.io.Quote.of(run));
            }
            out.printf("Streaming again the transactions of Kafka topic %s-transactions (from %s)%n", run, runFile);
            return new FraudKafka(bootstrap, run, partitions);
        }
        String run = "streamml-fraud-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(new NewTopic(run + "-transactions", partitions, (short) 1),
                    new NewTopic(run + "-alerts", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the demo's topics on the Kafka brokers " + bootstrap + ": "
                    + (e.getCause() == null ? e : e.getCause().getMessage()), e);
        }
        FraudKafka k = new FraudKafka(bootstrap, run, partitions);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            Iterator<FraudData.Case> it = data.iterator();
            StringBuilder line = new StringBuilder();
            for (; sent < n && it.hasNext(); sent++) {
                FraudData.Case c = it.next();
                line.setLength(0);
                line.append(c.transaction().id()).append(',').append(c.label());
                for (double x : c.features().toArray()) {
                    line.append(',').append(x);
                }
                producer.send(new ProducerRecord<>(k.transactions, (int) (sent % partitions),
                        Long.toString(c.transaction().id()).getBytes(StandardCharsets.UTF_8),
                        line.toString().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        out.printf("Produced %,d transactions to Kafka topic %s at %s (%d partitions); alerts go to %s%n", sent,
                k.transactions, bootstrap, partitions, k.alerts);
        if (runFile != null) {
            try {
                Files.createDirectories(checkpoint);
                AtomicFile.writeText(runFile, w -> w.write(run + "\n"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + runFile + ": " + e.getMessage(), e);
            }
        }
        return k;
    }

    /** The transactions topic as a stream: {@code perBatch} per batch, ending with the produced ones. */
    DStream<FraudDemo.Txn> transactions(StreamingContext ssc, int perBatch) {
        KafkaSource<FraudDemo.Txn> source = KafkaSource.builder(bootstrap, KafkaDeserializer.lines(FraudKafka::parse))
                .topics(transactions).maxRecordsPerPartition(Math.max(1, (perBatch + partitions - 1) / partitions))
                .backpressure(false).untilEndAtStart().build();
        return ssc.source(source.values(), partitions);
    }

    /** A transactions line back: {@code id,label,x1,...,xd}. */
    static FraudDemo.Txn parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 2 + FraudFeatures.DIMENSION) {
            throw new IllegalArgumentException("a transaction line has id, label and " + FraudFeatures.DIMENSION
                    + " features: found " + f.length + " fields");
        }
        double[] x = new double[FraudFeatures.DIMENSION];
        for (int j = 0; j < x.length; j++) {
            x[j] = Double.parseDouble(f[2 + j]);
        }
        return new FraudDemo.Txn(Long.parseLong(f[0]), new LabeledPoint(Double.parseDouble(f[1]), DenseVector.wrap(x)));
    }

    /** Writes the batch's alerts: rows {@code {label, online p, adaptive p, frozen p, id}} with online p >= threshold. */
    void alert(Time batch, long modelVersion, List<double[]> scored, double threshold) {
        for (double[] r : scored) {
            if (r[1] >= threshold) {
                long id = (long) r[4];
                sink.send(batch, modelVersion, Long.toString(id),
                        String.format(java.util.Locale.ROOT, "transaction %d: fraud probability %.4f", id, r[1]));
                written++;
            }
        }
        sink.flush();
    }

    long alertsWritten() {
        return written;
    }

    String alertTopic() {
        return alerts;
    }

    @Override
    public void close() {
        sink.close();
    }

}
