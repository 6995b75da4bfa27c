package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Pair;
import org.streamml.streaming.Time;

class InProcessClusterTest {
    private LogCapture logs;
    private ClusterExecutor driver;
    private final List<Worker> workers = new ArrayList<>();

    @BeforeEach
    void setUp() throws InterruptedException {
        logs = new LogCapture();
        driver = ClusterExecutor.listen(ClusterOptions.defaults().withSecret("s3cret"));
        for (int i = 0; i < 2; i++) {
            workers.add(Worker.connect("127.0.0.1", driver.address().getPort(), 2, "s3cret",
                    driver.options().maxFrameBytes()));
        }
        assertTrue(driver.awaitWorkers(2, 10_000));
    }

    @AfterEach
    void tearDown() {
        driver.close();
        workers.forEach(Worker::close);
        logs.close();
    }

    @Test
    void shouldComputeTheSameCountsAsLocalMode() {
        List<Integer> records = IntStream.range(0, 1000).map(i -> (i * 7919) % 37).boxed().toList();
        try (LocalExecutor local = new LocalExecutor(2)) {
            List<Pair<Integer, Long>> expected = Batch.split(Time.ofMillis(1), records, 4, local)
                    .map(x -> x * 3).filter(x -> x % 2 == 0).countByValue().collect();
            List<Pair<Integer, Long>> actual = Batch.split(Time.ofMillis(1), records, 4, driver)
                    .map(x -> x * 3).filter(x -> x % 2 == 0).countByValue().collect();
            assertEquals(expected, actual);
        }
    }

    @Test
    void shouldReportAFailingTaskWithItsPartitionAndCause() {
        Batch<Integer> b = Batch.split(Time.ofMillis(1), List.of(1, 2, 3, 4), 2, driver);
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> b.map(x -> {
            if (x == 3) {
                throw new IllegalStateException("three is bad");
            }
            return x;
        }).collect());
        assertTrue(e.getMessage().startsWith("partition 1 failed on worker "), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalStateException: three is bad"), e.getMessage());
    }
}
