package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;

/** A driver with in-process workers: rogue peers, workers joining, the start-time closure check. */
class ClusterDriverTest {
    private static final String SECRET = "tr0ub4dor";
    private LogCapture logs;
    private ClusterExecutor driver;
    private final List<Worker> workers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        logs = new LogCapture();
        driver = ClusterExecutor.listen(ClusterOptions.defaults().withSecret(SECRET).withMaxFrameBytes(1 << 16)
                .withHeartbeat(200, 1500));
    }

    @AfterEach
    void tearDown() {
        driver.close();
        workers.forEach(Worker::close);
        logs.close();
    }

    private void addWorker(int cores) throws InterruptedException {
        int before = driver.workers().size();
        workers.add(Worker.connect("127.0.0.1", driver.address().getPort(), cores, SECRET, 1 << 16));
        assertTrue(driver.awaitWorkers(before + 1, 10_000));
    }

    private StreamingContext context(ManualClock clock) {
        return new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofMillis(100))
                .withClock(clock).withDefaultPartitions(4).withExecutor(org.streamml.streaming.SharedExecutor.of(driver)));
    }

    private static void runBatch(StreamingContext ssc, ManualClock clock, int i) throws InterruptedException {
        clock.advance(100);
        assertTrue(ssc.awaitBatch(Time.ofMillis(100L * i), 10_000), "batch " + i);
    }

    /** Sends {@code bytes} as a peer would, then reads until the driver closes the connection. */
    private byte[] rogue(byte[] bytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", driver.address().getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
            return s.getInputStream().readAllBytes();
        }
    }

    private static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    @Test
    void shouldKeepARunningStreamGoingWhileRoguePeersAreDisconnected() throws Exception {
        addWorker(2);
        ManualClock clock = new ManualClock();
        ConcurrentLinkedQueue<List<Integer>> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 4; i++) {
            queue.add(List.of(i, i + 1, i + 2, 10 * i));
        }
        List<List<Pair<Integer, Long>>> out = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = context(clock)) {
            ssc.queueStream(queue).map(x -> x % 3).countByValue().foreachBatch((b, t) -> out.add(b.collect()));
            ssc.start();
            runBatch(ssc, clock, 1);

            byte[] garbage = new byte[300];
            new Random(3).nextBytes(garbage);
            garbage[0] = 0;
            garbage[1] = 0;
            rogue(garbage);
            assertNotNull(logs.await("no message from", 5_000), "a partial frame is dropped by the timeout");
            runBatch(ssc, clock, 2);

            rogue(bytes(Unpooled.buffer().writeInt(10 << 20).writeZero(1024)));
            assertNotNull(logs.await("closing the connection", 5_000));
            runBatch(ssc, clock, 3);

            try (Socket s = new Socket("127.0.0.1", driver.address().getPort())) {
                s.setSoTimeout(20_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] frame = new byte[in.readInt()];
                in.readFully(frame);
                EmbeddedChannel decoder = MessageCodecTest.channel(1 << 16);
                decoder.writeInbound(Unpooled.buffer().writeInt(frame.length).writeBytes(frame));
                Message.Challenge c = decoder.readInbound();
                s.getOutputStream().write(bytes(MessageCodecTest.encode(new Message.Register(Message.PROTOCOL_VERSION,
                        c.codeVersion(), Wire.proof("guess", c.nonce(), "worker"), Wire.nonce(), 8, 1, "rogue", 7078))));
                InputStream rest = s.getInputStream();
                rest.readAllBytes();
            }
            assertNotNull(logs.await("wrong secret", 5_000));
            runBatch(ssc, clock, 4);
        }
        assertEquals(1, driver.workers().size());
        assertEquals(List.of(List.of(Pair.of(0, 2L), Pair.of(1, 1L), Pair.of(2, 1L)),
                List.of(Pair.of(0, 1L), Pair.of(1, 2L), Pair.of(2, 1L)),
                List.of(Pair.of(0, 1L), Pair.of(1, 1L), Pair.of(2, 2L)),
                List.of(Pair.of(0, 2L), Pair.of(1, 1L), Pair.of(2, 1L))), out);
    }

    @Test
    void shouldGiveTasksToAWorkerThatJoinsWhileTheStreamRuns() throws Exception {
        addWorker(1);
        ManualClock clock = new ManualClock();
        ConcurrentLinkedQueue<List<Integer>> queue = new ConcurrentLinkedQueue<>();
        queue.add(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        queue.add(List.of(9, 10, 11, 12, 13, 14, 15, 16));
        List<Long> sums = new CopyOnWriteArrayList<>();
        WorkerMetrics metrics = new WorkerMetrics(driver);
        try (StreamingContext ssc = context(clock)) {
            ssc.addStreamingListener(metrics);
            ssc.queueStream(queue).map(x -> (long) x).reduce(Long::sum).foreachBatch((b, t) -> sums.add(b.collect()
                    .get(0)));
            ssc.start();
            runBatch(ssc, clock, 1);
            addWorker(1);
            runBatch(ssc, clock, 2);
        }
        assertEquals(List.of(36L, 100L), sums);
        assertTrue(driver.workers().get(1).tasks() > 0, driver.workers().toString());
        List<WorkerMetrics.BatchShares> shares = metrics.history();
        assertEquals(2, shares.size());
        assertEquals(1, shares.get(0).workers().size());
        assertEquals(8, shares.get(0).workers().get(0).tasks(), "map and reduce of four partitions, one worker");
        assertEquals(2, shares.get(1).workers().size());
        assertEquals(8, shares.get(1).workers().stream().mapToLong(WorkerMetrics.WorkerShare::tasks).sum());
        assertTrue(shares.get(1).workers().get(1).tasks() > 0, "the new worker ran tasks of the next batch");
    }

    @Test
    void shouldNameTheOperationWhoseFunctionCannotBeShippedAtStart() {
        Thread unshippable = new Thread(() -> { });
        try (StreamingContext ssc = context(new ManualClock())) {
            DStream<Integer> in = ssc.queueStream(new ConcurrentLinkedQueue<List<Integer>>());
            in.map(x -> x + 1).name("ok").filter(x -> x != unshippable.hashCode())
                    .foreachBatch((b, t) -> { });
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ssc::start);
            assertTrue(e.getMessage().startsWith("the function of filter#2 cannot be sent to workers: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        }
    }

    @Test
    void shouldNotRequireDriverSideTransformFunctionsToBeShippable() throws InterruptedException {
        addWorker(1);
        List<Thread> driverState = new ArrayList<>(List.of(new Thread(() -> { })));
        ManualClock clock = new ManualClock();
        ConcurrentLinkedQueue<List<Integer>> queue = new ConcurrentLinkedQueue<>();
        queue.add(List.of(1, 2, 3));
        List<List<Integer>> out = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = context(clock)) {
            ssc.queueStream(queue).transform(b -> driverState.isEmpty() ? b : b.map(x -> x * 10))
                    .foreachBatch((b, t) -> out.add(b.collect()));
            ssc.start();
            runBatch(ssc, clock, 1);
        }
        assertEquals(List.of(List.of(10, 20, 30)), out);
    }

    @Test
    void shouldRejectAPartitionOverTheMaximumFrameBeforeSendingIt() throws InterruptedException {
        addWorker(1);
        List<double[]> big = List.of(new double[20_000]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.runOnPartitions(
                big, (double[] xs) -> xs.length));
        assertTrue(e.getMessage().startsWith("partition 0 needs a task message of "), e.getMessage());
        assertTrue(e.getMessage().contains("over the maximum frame size 65536"), e.getMessage());
        assertEquals(List.of(3), driver.runOnPartitions(List.of(new double[3]), (double[] xs) -> xs.length));
    }
}
