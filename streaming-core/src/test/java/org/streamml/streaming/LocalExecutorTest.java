package org.streamml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local executor's job hand-off ({@link WorkerPool}): results in task order for any number of tasks
 * and threads, tasks really running at once, the lowest-numbered failure rethrown, nested jobs run inline,
 * an interrupted caller stopping its job, and back-to-back jobs (as gradient descent runs them).
 */
class LocalExecutorTest {

    @Test
    void shouldReturnResultsInTaskOrderForAnyTasksAndThreads() {
        for (int threads = 1; threads <= 4; threads++) {
            try (LocalExecutor executor = new LocalExecutor(threads)) {
                for (int tasks = 0; tasks <= 9; tasks++) {
                    List<Integer> expected = new ArrayList<>();
                    for (int i = 0; i < tasks; i++) {
                        expected.add(i * i);
                    }
                    assertEquals(expected, executor.runTasks(tasks, i -> i * i), threads + " threads, " + tasks + " tasks");
                }
            }
        }
    }

    @Test
    void shouldRunTwoTasksAtOnceOnTwoThreads() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LocalExecutor executor = new LocalExecutor(2)) {
            List<Boolean> met = executor.runTasks(2, i -> {
                threads.add(Thread.currentThread().getName());
                both.countDown();
                return both.await(30, TimeUnit.SECONDS); // only true if the other task runs meanwhile
            });
            assertEquals(List.of(true, true), met);
        }
        assertEquals(2, threads.size(), threads.toString());
    }

    @Test
    void shouldRethrowTheLowestNumberedFailure() {
        try (LocalExecutor executor = new LocalExecutor(3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.runTasks(6, i -> {
                if (i == 2 || i == 4) {
                    throw new IllegalStateException("task " + i);
                }
                return i;
            }));
            // tasks are taken in order and a task taken always runs, so task 2 has run whenever task 4 did
            assertEquals("task 2", e.getMessage());
            assertEquals(List.of(0, 1, 2), executor.runTasks(3, i -> i), "the executor is usable after a failure");
        }
    }

    @Test
    void shouldReportTheFailureOfTheOnlyFailingTask() {
        try (LocalExecutor executor = new LocalExecutor(2)) {
            for (int round = 0; round < 50; round++) {
                int failing = round % 4;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> executor.runTasks(4, i -> {
                    if (i == failing) {
                        throw new IllegalArgumentException("task " + i);
                    }
                    return i;
                }));
                assertEquals("task " + failing, e.getMessage());
            }
        }
    }

    @Test
    void shouldRunNestedJobsInlineOnWorkersAndOnTheCaller() {
        try (LocalExecutor executor = new LocalExecutor(2)) {
            List<List<Integer>> nested = executor.runTasks(4, i -> executor.runTasks(3, j -> 10 * i + j));
            assertEquals(List.of(List.of(0, 1, 2), List.of(10, 11, 12), List.of(20, 21, 22), List.of(30, 31, 32)),
                    nested);
        }
    }

    @Test
    void shouldRunManyJobsBackToBack() {
        try (LocalExecutor executor = new LocalExecutor(2)) {
            long sum = 0;
            for (int job = 0; job < 20_000; job++) {
                int k = job;
                for (int r : executor.runTasks(2, i -> k + i)) {
                    sum += r;
                }
            }
            long n = 20_000;
            assertEquals(2 * (n * (n - 1) / 2) + n, sum);
        }
    }

    @Test
    void anInterruptedCallerStopsItsJobAndInterruptsTheRunningTasks() throws Exception {
        Thread caller = Thread.currentThread();
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch onWorker = new CountDownLatch(1);
        List<Throwable> seenByBlockedTask = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LocalExecutor executor = new LocalExecutor(2)) {
            StreamingException e = assertThrows(StreamingException.class, () -> executor.runTasks(2, i -> {
                if (Thread.currentThread() == caller) {
                    // busy until the worker has taken the other task, so that one blocks on the worker
                    assertTrue(onWorker.await(30, TimeUnit.SECONDS), "the worker took no task");
                    caller.interrupt();
                    return -1;
                }
                onWorker.countDown();
                try {
                    never.await();
                } catch (InterruptedException interrupted) {
                    seenByBlockedTask.add(interrupted);
                    throw interrupted;
                }
                return i;
            }));
            assertTrue(Thread.interrupted(), "the caller's interrupt status is kept");
            assertTrue(e.getMessage().contains("interrupted while waiting for partition tasks"), e.getMessage());
            assertEquals(1, seenByBlockedTask.size(), "the blocked task was interrupted");
            assertEquals(List.of(0, 1), executor.runTasks(2, i -> i), "the worker takes the next job");
        }
    }

    @Test
    void shouldUseTheCallingThreadForASingleTask() {
        Thread caller = Thread.currentThread();
        try (LocalExecutor executor = new LocalExecutor(4)) {
            assertSame(caller, executor.runTasks(1, i -> Thread.currentThread()).get(0));
        }
    }
}
