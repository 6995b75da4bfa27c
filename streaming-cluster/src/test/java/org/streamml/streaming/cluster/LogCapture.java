package org.streamml.streaming.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the cluster package's log records during a test (so tests print nothing) and lets the test
 * wait for a line. Install in {@code @BeforeEach}, close in {@code @AfterEach}.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("org.streamml.streaming.cluster");
    private final List<String> lines = new ArrayList<>();

    LogCapture() {
        LOGGER.setUseParentHandlers(false);
        LOGGER.setLevel(Level.ALL);
        LOGGER.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        String msg = r.getMessage();
        Object[] params = r.getParameters();
        lines.add(params == null ? msg : java.text.MessageFormat.format(msg, params));
        notifyAll();
    }

    /** Waits at most {@code millis} for a line containing {@code text}; returns it or {@code null}. */
    synchronized String await(String text, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            for (String l : lines) {
                if (l.contains(text)) {
                    return l;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    /** Waits at most {@code millis} for {@code n} lines containing {@code text}; returns whether they came. */
    synchronized boolean awaitCount(String text, int n, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (lines.stream().filter(l -> l.contains(text)).count() < n) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
