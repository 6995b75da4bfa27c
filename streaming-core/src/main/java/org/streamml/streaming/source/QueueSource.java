package org.streamml.streaming.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import org.streamml.streaming.Source;
import org.streamml.streaming.Time;

/**
 * A source for tests: each batch takes one list from a queue (or, with {@code oneAtATime = false},
 * everything queued), and an empty batch when the queue is empty. It is never exhausted, since more
 * may be queued; stop the context yourself. Not replayable (Spark's {@code queueStream}, which cannot
 * be recovered from a checkpoint either): a plain {@link Source}.
 *
 * @param <T> record type
 */
public final class QueueSource<T> implements Source<T> {
    private final Queue<? extends List<T>> queue;
    private final boolean oneAtATime;

    /** A source over {@code queue}, which should be thread-safe if filled while the stream runs. */
    public QueueSource(Queue<? extends List<T>> queue, boolean oneAtATime) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.oneAtATime = oneAtATime;
    }

    @Override
    public List<T> poll(Time batchTime) {
        List<T> out = new ArrayList<>();
        List<T> next;
        while ((next = queue.poll()) != null) {
            out.addAll(next);
            if (oneAtATime) {
                break;
            }
        }
        return out;
    }

    @Override
    public boolean isExhausted() {
        return false;
    }
}
