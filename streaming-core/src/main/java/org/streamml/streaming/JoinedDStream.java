package org.streamml.streaming;

import java.time.Duration;

import java.util.List;
import java.util.Optional;
import org.streamml.streaming.function.Function2;

/**
 * A per-batch binary key operation (join, cogroup) over two pair streams with the same slide, hash-partitioned
 * into a fixed partition count (Spark's {@code transformWith} of the two RDDs).
 */
final class JoinedDStream<K, V, W, R> extends DStream<R> {
    private final PairDStream<K, V> left;
    private final PairDStream<K, W> right;
    private final Function2<PairBatch<K, V>, PairBatch<K, W>, Batch<R>> f;
    private final int partitions;

    /** {@code f} must give batches of {@code partitions} partitions. */
    JoinedDStream(PairDStream<K, V> left, PairDStream<K, W> right, String operation, int partitions,
                  Function2<PairBatch<K, V>, PairBatch<K, W>, Batch<R>> f) {
        super(left.context(), operation);
        checkSameSlide(List.of(left, right));
        this.left = left;
        this.right = right;
        this.f = f;
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public Duration slideDuration() {
        return left.slideDuration();
    }

    @Override
    public List<DStream<?>> dependencies() {
        return List.of(left, right);
    }

    @Override
    protected Optional<Batch<R>> compute(Time time) {
        Optional<Batch<Pair<K, V>>> a = left.batchAt(time);
        Optional<Batch<Pair<K, W>>> b = right.batchAt(time);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.call(PairBatch.of(a.get()), PairBatch.of(b.get())));
        } catch (Exception e) {
            throw StreamingException.wrap(describe(), time, e);
        }
    }
}
