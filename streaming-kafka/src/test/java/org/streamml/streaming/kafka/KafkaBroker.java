package org.streamml.streaming.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real Kafka broker for tests and demos: one KRaft node (broker and controller, no ZooKeeper) in its own
 * JVM, started from the Kafka release on the test class path ({@code org.apache.kafka:kafka_2.13}), listening
 * on loopback ports of its own, with its log in a directory. {@link #stop()} and {@link #start()} restart it on
 * the same ports and data, so a test can take the broker away mid-stream.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start(dir)) {
 *     broker.createTopic("events", 3);
 *     String bootstrap = broker.bootstrap();   // 127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a new node's storage in {@code dir} and starts it; returns once it accepts clients. */
    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        KafkaBroker b = new KafkaBroker(dir, freePort(), freePort());
        Files.writeString(b.config(), b.properties(), StandardCharsets.UTF_8);
        Process format = b.java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                b.config().toString()).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("formatting the Kafka storage failed: " + Files.readString(dir.resolve("format.log")));
        }
        b.start();
        return b;
    }

    /** Starts the (stopped) node again on the same ports and data; returns once it accepts clients. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java("kafka.Kafka", config().toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("the Kafka broker did not start; its log " + dir.resolve("broker.log")
                            + " ends: " + tail(dir.resolve("broker.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    /** Stops the node (SIGTERM, a controlled shutdown) and waits for it to end. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Creates {@code topic} with {@code partitions} partitions (replication 1). */
    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Deletes {@code topic}. */
    public void deleteTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Produces {@code values} (UTF-8) to {@code topic}, value {@code i} to partition {@code i % partitions}. */
    public void produce(String topic, int partitions, List<String> values) {
        List<byte[]> bytes = new ArrayList<>(values.size());
        values.forEach(v -> bytes.add(v.getBytes(StandardCharsets.UTF_8)));
        produceBytes(topic, partitions, bytes);
    }

    /** Produces raw {@code values} to {@code topic}, value {@code i} to partition {@code i % partitions}. */
    public void produceBytes(String topic, int partitions, List<byte[]> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, null, values.get(i)));
            }
            producer.flush();
        }
    }

    /** An admin client of this broker. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** Stops the node for good. */
    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private String properties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1",
                "") ;
    }

    private ProcessBuilder java(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=WARN",
                "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 2000));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** For the demos: {@code KafkaBroker DIR} starts a broker and prints its address until killed. */
    public static void main(String[] args) throws Exception {
        KafkaBroker b = start(Path.of(args[0]));
        System.out.println("Kafka broker at " + b.bootstrap() + " (data in " + args[0] + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                b.stop();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.currentThread().join();
    }

    /** How long to wait for things that take the broker a moment (topic metadata). */
    static final Duration PATIENCE = Duration.ofSeconds(60);
}
