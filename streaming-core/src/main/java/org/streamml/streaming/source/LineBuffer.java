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
    private boolean producerWaiting;

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

    /**
     * Whether another line fits; if not, records that the producer waits for room, atomically with the
     * check, so that the {@link #drainTo} that makes room is sure to see it and wake the producer.
     */
    synchronized boolean hasRoomOrWait() {
        if (lines.size() < capacity) {
            return true;
        }
        producerWaiting = true;
        return false;
    }

    /**
     * Moves up to {@code max} lines, oldest first, into {@code out}.
     *
     * @return whether the producer was waiting for room and now has some: the caller must wake it
     */
    synchronized boolean drainTo(Collection<String> out, int max) {
        for (int i = 0; i < max && !lines.isEmpty(); i++) {
            out.add(lines.pollFirst());
        }
        boolean wake = producerWaiting && lines.size() < capacity;
        if (wake) {
            producerWaiting = false;
        }
        return wake;
    }

    /** How many more lines fit now. */
    synchronized int room() {
        return capacity - lines.size();
    }

    /** Puts lines back at the head (received before a restart, not yet taken), whatever the capacity. */
    synchronized void restoreFirst(java.util.List<String> restored) {
        for (int i = restored.size() - 1; i >= 0; i--) {
            lines.addFirst(restored.get(i));
        }
        highWaterMark = Math.max(highWaterMark, lines.size());
    }

    synchronized int size() {
        return lines.size();
    }

    synchronized int highWaterMark() {
        return highWaterMark;
    }
}
