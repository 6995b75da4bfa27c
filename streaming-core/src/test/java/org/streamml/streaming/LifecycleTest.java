package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.streamml.streaming.testkit.TestDriver;

class LifecycleTest {

    @Test
    void shouldRefuseToStartWithoutAnOutputOperation() throws Exception {
        try (TestDriver h = new TestDriver(1)) {
            h.input(List.of(List.of(1))).map(x -> x + 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, h.context()::start);
            assertEquals("No output operations registered, so nothing to execute", e.getMessage());
            assertEquals(StreamingState.INITIALIZED, h.context().state());
        }
    }

    @Test
    void shouldRefuseNewStreamsAfterStartAndAfterStop() throws Exception {
        TestDriver h = new TestDriver(1);
        DStream<Integer> in = h.input(List.of(List.of(1)));
        h.collect(in);
        h.run(1);
        IllegalStateException afterStart = assertThrows(IllegalStateException.class, () -> in.map(x -> x));
        assertTrue(afterStart.getMessage().startsWith("Adding new inputs, transformations, and output operations"
                + " after starting a context is not supported"), afterStart.getMessage());
        assertThrows(IllegalStateException.class, () -> in.foreachBatch((b, t) -> { }));
        h.close();
        IllegalStateException afterStop = assertThrows(IllegalStateException.class,
                () -> h.context().queueStream(new java.util.ArrayDeque<List<Integer>>()));
        assertTrue(afterStop.getMessage().contains("after stopping a context"), afterStop.getMessage());
    }

    @Test
    void shouldRefuseToStartAStoppedContext() throws Exception {
        TestDriver h = new TestDriver(1);
        h.collect(h.input(List.of(List.of(1))));
        h.run(1);
        h.close();
        assertEquals(StreamingState.STOPPED, h.context().state());
        IllegalStateException e = assertThrows(IllegalStateException.class, h.context()::start);
        assertTrue(e.getMessage().contains("already been stopped"), e.getMessage());
    }

    @Test
    void shouldSurfaceAFailingUserFunctionFromAwaitTermination() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            h.collect(h.input(List.of(List.of(1, 2), List.of(3, 4))).map(x -> {
                if (x == 3) {
                    throw new IllegalArgumentException("bad record 3");
                }
                return x;
            }).name("parse"));
            h.run(1);
            h.clock().advance(1000);
            StreamingException e = assertThrows(StreamingException.class,
                    () -> h.context().awaitTerminationOrTimeout(10_000));
            assertEquals("operation map#1 'parse' failed in the batch at time 2000 ms: IllegalArgumentException:"
                    + " bad record 3", e.getMessage());
            assertEquals(StreamingState.STOPPED, h.context().state());
            assertThrows(StreamingException.class, h.context()::awaitTermination);
        }
    }

    @Test
    void shouldNameTheOperationWhenAPartitionTaskThrowsACheckedException() throws Exception {
        try (TestDriver h = new TestDriver(2)) {
            h.input(List.of(List.of("a", "b", "c", "d"))).foreachBatch((b, t) -> b.foreachPartition(p -> {
                if (p.contains("d")) {
                    throw new IOException("disk full");
                }
            }));
            h.context().start();
            h.clock().advance(1000);
            StreamingException e = assertThrows(StreamingException.class,
                    () -> h.context().awaitTerminationOrTimeout(10_000));
            assertTrue(e.getMessage().startsWith("operation foreachBatch#1 failed in the batch at time 1000 ms"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        }
    }

    @Test
    void shouldLeaveNoEngineThreadsAfterStopOrFailure() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        TestDriver ok = new TestDriver(4);
        ok.collect(ok.input(List.of(List.of(1, 2, 3, 4, 5))).map(x -> x * 2));
        ok.run(2);
        ok.close();
        TestDriver failing = new TestDriver(4);
        failing.collect(failing.input(List.of(List.of(1, 2, 3, 4))).map(x -> 1 / (x - x)));
        failing.context().start();
        failing.clock().advance(1000);
        assertThrows(StreamingException.class, () -> failing.context().awaitTerminationOrTimeout(10_000));
        failing.close();
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("streamml-")) {
                t.join(10_000);
                if (t.isAlive()) {
                    alive.add(t.getName());
                }
            }
        }
        assertEquals(List.of(), alive);
    }
}
