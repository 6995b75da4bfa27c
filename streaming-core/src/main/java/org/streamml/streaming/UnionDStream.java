package org.streamml.streaming;

import java.time.Duration;

import java.util.List;
import java.util.Optional;

/** The union of several streams with the same slide: each batch holds the partitions of all of them. */
final class UnionDStream<T> extends DStream<T> {
    private final List<DStream<T>> parents;

    UnionDStream(List<DStream<T>> parents) {
        super(parents.get(0).context(), "union");
        checkSameSlide(parents);
        this.parents = List.copyOf(parents);
    }

    @Override
    public Duration slideDuration() {
        return parents.get(0).slideDuration();
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.copyOf(parents);
    }

    @Override
    public int numPartitions() {
        int n = 0;
        for (DStream<T> p : parents) {
            n += p.numPartitions();
        }
        return n;
    }

    @Override
    protected Optional<Batch<T>> compute(Time time) {
        Batch<T> acc = null;
        for (DStream<T> p : parents) {
            Optional<Batch<T>> b = p.batchAt(time);
            if (b.isPresent()) {
                acc = acc == null ? b.get() : acc.union(b.get());
            }
        }
        return Optional.ofNullable(acc);
    }
}
