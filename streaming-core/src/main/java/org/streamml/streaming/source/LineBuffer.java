package org.streamml.streaming.source;

import java.util.ArrayDeque;
import java.util.Collection;

/**
 * A bounded FIFO of lines between a receiver thread and the batches: {@link #offer} refuses a line when
 * full instead of growing, and the buffer remembers the most lines it ever held. Thread-safe.
 */
final class LineBuffer {
    private final int capacity;
    private final ArrayDeque<String> lines;
    private int highWaterMark;

    LineBuffer(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    /** Adds {@code line} if there is room; returns whether it was added. */
    synchronized boolean offer(String line) {
        if (lines.size() >= capacity) {
            return false;
        }
        lines.addLast(line);
        highWaterMark = Math.max(highWaterMark, lines.size());
        return true;
    }

    /** Whether another line fits. */
    synchronized boolean hasRoom() {
        return lines.size() < capacity;
    }

    /** Moves up to {@code max} lines, oldest first, into {@code out}. */
    synchronized void drainTo(Collection<String> out, int max) {
        for (int i = 0; i < max && !lines.isEmpty(); i++) {
            out.add(lines.pollFirst());
        }
    }

    synchronized int size() {
        return lines.size();
    }

    synchronized int highWaterMark() {
        return highWaterMark;
    }
}
