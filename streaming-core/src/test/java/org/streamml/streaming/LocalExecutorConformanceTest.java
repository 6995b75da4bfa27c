package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.streamml.streaming.testkit.ConformancePipelines;
import org.streamml.streaming.testkit.ExecutorConformanceSuite;

/**
 * The executor conformance suite on the local executor with four threads, created through the generic
 * {@link Masters} path ({@code local[4]}): thread counts never change an answer.
 */
class LocalExecutorConformanceTest extends ExecutorConformanceSuite {
    private final AtomicInteger created = new AtomicInteger();

    @Override
    protected BatchExecutor executorUnderTest() {
        created.incrementAndGet();
        BatchExecutor executor = Masters.create("local[4]");
        assertEquals(4, executor.parallelism());
        return executor;
    }

    @Override
    protected void afterCase(ConformancePipelines.Case c) {
        assertEquals(1, created.getAndSet(0), "one executor per run of " + c);
    }
}
