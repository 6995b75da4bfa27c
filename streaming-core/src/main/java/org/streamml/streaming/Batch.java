package org.streamml.streaming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.streamml.streaming.function.FlatMapFunction;
import org.streamml.streaming.function.Function;
import org.streamml.streaming.function.Function0;
import org.streamml.streaming.function.Function2;
import org.streamml.streaming.function.PairFunction;
import org.streamml.streaming.function.Predicate;
import org.streamml.streaming.function.VoidFunction;

/**
 * One immutable micro-batch: a batch time and P partitions of records, Spark's RDD in miniature.
 * Transformations return new batches and run one task per partition on the context's
 * {@link BatchExecutor}; {@link #aggregate} folds the partitions into one value on the calling thread.
 * Every per-partition task is a {@link BatchExecutor.PartitionFunction} of that partition alone, so a
 * cluster executor ships only the partition and the (serializable) user function to a worker.
 *
 * <pre>{@code
 * stream.foreachBatch((batch, time) -> {
 *     double[] sum = batch.aggregate(() -> new double[1], (acc, x) -> { acc[0] += x; return acc; },
 *             (a, b) -> { a[0] += b[0]; return a; });
 * });
 * }</pre>
 *
 * @param <T> record type
 */
public class Batch<T> {
    private final Time time;
    private final List<List<T>> partitions;
    private final BatchExecutor executor;

    /**
     * A batch over the given partitions, which the batch takes as they are: callers must not change the
     * lists afterwards.
     */
    public Batch(Time time, List<List<T>> partitions, BatchExecutor executor) {
        this.time = Objects.requireNonNull(time, "time");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one partition");
        }
        List<List<T>> copy = new ArrayList<>(partitions.size());
        for (List<T> p : partitions) {
            copy.add(p instanceof DistributedExecutor.KeptPartition ? p : Collections.unmodifiableList(p));
        }
        this.partitions = Collections.unmodifiableList(copy);
    }

    /** An empty batch with {@code numPartitions} empty partitions. */
    public static <T> Batch<T> empty(Time time, int numPartitions, BatchExecutor executor) {
        List<List<T>> parts = new ArrayList<>(numPartitions);
        for (int i = 0; i < numPartitions; i++) {
            parts.add(List.of());
        }
        return new Batch<>(time, parts, executor);
    }

    /**
     * A batch of {@code records} split into {@code numPartitions} contiguous slices, partition i holding
     * records {@code [i*n/P, (i+1)*n/P)} (Spark's {@code parallelize} slicing).
     */
    public static <T> Batch<T> split(Time time, List<T> records, int numPartitions, BatchExecutor executor) {
        return new Batch<>(time, slice(records, numPartitions), executor);
    }

    static <T> List<List<T>> slice(List<T> records, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
        long n = records.size();
        List<List<T>> parts = new ArrayList<>(numPartitions);
        for (int i = 0; i < numPartitions; i++) {
            int from = (int) (i * n / numPartitions);
            int to = (int) ((i + 1) * n / numPartitions);
            parts.add(new ArrayList<>(records.subList(from, to)));
        }
        return parts;
    }

    /** The batch time. */
    public Time time() {
        return time;
    }

    /** The number of partitions. */
    public int numPartitions() {
        return partitions.size();
    }

    /** Partition {@code index}, unmodifiable. */
    public List<T> partition(int index) {
        return partitions.get(index);
    }

    /** All partitions, unmodifiable. */
    public List<List<T>> partitions() {
        return partitions;
    }

    /** The executor that runs this batch's tasks. */
    public BatchExecutor executor() {
        return executor;
    }

    /** The number of records. */
    public long count() {
        long n = 0;
        for (List<T> p : partitions) {
            n += p.size();
        }
        return n;
    }

    /** Whether the batch holds no record. */
    public boolean isEmpty() {
        for (List<T> p : partitions) {
            if (!p.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** All records, partition by partition. */
    public List<T> collect() {
        List<T> all = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, count()));
        for (List<T> p : partitions) {
            all.addAll(p);
        }
        return all;
    }

    /** The first {@code n} records in partition order. */
    public List<T> take(int n) {
        List<T> out = new ArrayList<>(Math.max(0, Math.min(n, 1024)));
        for (List<T> p : partitions) {
            for (T x : p) {
                if (out.size() >= n) {
                    return out;
                }
                out.add(x);
            }
        }
        return out;
    }

    /** Applies {@code f} to each record. */
    public <R> Batch<R> map(Function<T, R> f) {
        return perPartition(part -> {
            List<R> out = new ArrayList<>(part.size());
            for (T x : part) {
                out.add(f.call(x));
            }
            return out;
        });
    }

    /** Applies {@code f} to each record and flattens the results. */
    public <R> Batch<R> flatMap(FlatMapFunction<T, R> f) {
        return perPartition(part -> {
            List<R> out = new ArrayList<>(part.size());
            for (T x : part) {
                for (R r : f.call(x)) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    /** Keeps the records that pass {@code p}. */
    public Batch<T> filter(Predicate<T> p) {
        return perPartition(part -> {
            List<T> out = new ArrayList<>(part.size());
            for (T x : part) {
                if (p.test(x)) {
                    out.add(x);
                }
            }
            return out;
        });
    }

    /** Applies {@code f} to each partition as a whole, given as an iterator. */
    public <R> Batch<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
        return perPartition(part -> {
            List<R> out = new ArrayList<>();
            for (R r : f.call(part.iterator())) {
                out.add(r);
            }
            return out;
        });
    }

    /** Maps each record to a key-value pair. */
    public <K, V> PairBatch<K, V> mapToPair(PairFunction<T, K, V> f) {
        return PairBatch.of(perPartition(part -> {
            List<Pair<K, V>> out = new ArrayList<>(part.size());
            for (T x : part) {
                out.add(f.call(x));
            }
            return out;
        }));
    }

    /**
     * The same records in {@code numPartitions} contiguous partitions, keeping their order: output
     * partition j holds records {@code [j·n/P, (j+1)·n/P)}, cut from the input partitions by a task each
     * (on a cluster, on the workers, without passing through the driver).
     */
    public Batch<T> repartition(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
        long n = count();
        List<List<Pair<List<T>, int[]>>> slices = new ArrayList<>(numPartitions);
        int input = 0;
        long inputStart = 0;
        for (int j = 0; j < numPartitions; j++) {
            long from = j * n / numPartitions;
            long to = (j + 1) * n / numPartitions;
            List<Pair<List<T>, int[]>> mine = new ArrayList<>();
            while (from < to) {
                while (inputStart + partitions.get(input).size() <= from) {
                    inputStart += partitions.get(input).size();
                    input++;
                }
                List<T> part = partitions.get(input);
                int a = (int) (from - inputStart);
                int b = (int) Math.min(part.size(), to - inputStart);
                mine.add(Pair.of(part, new int[] {a, b}));
                from = inputStart + b;
            }
            slices.add(mine);
        }
        return new Batch<>(time, executor.computePartitions(slices, mine -> {
            List<T> out = new ArrayList<>();
            for (Pair<List<T>, int[]> s : mine) {
                out.addAll(s.key().subList(s.value()[0], s.value()[1]));
            }
            return out;
        }), executor);
    }

    /** The records of this batch followed by those of {@code other}: the partitions of both. */
    public Batch<T> union(Batch<T> other) {
        List<List<T>> parts = new ArrayList<>(partitions);
        parts.addAll(other.partitions);
        return new Batch<>(time, parts, executor);
    }

    /** Runs {@code f} on every record, partitions in parallel. */
    public void foreach(VoidFunction<T> f) {
        executor.runOnPartitions(partitions, part -> {
            for (T x : part) {
                f.call(x);
            }
            return null;
        });
    }

    /** Runs {@code f} once per partition, partitions in parallel. */
    public void foreachPartition(VoidFunction<List<T>> f) {
        executor.runOnPartitions(partitions, part -> {
            f.call(part);
            return null;
        });
    }

    /**
     * Folds the batch into one value: each partition folds its records with {@code seqOp} into its own
     * fresh {@code zero()}, then the driver folds the partition results in partition order into one more
     * {@code zero()} with {@code combOp} (Spark's {@code aggregate}). Mutating and returning the
     * accumulator is allowed and allocates nothing per record.
     */
    public <U> U aggregate(Function0<U> zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
        List<U> perPartition = executor.runOnPartitions(partitions, part -> {
            U acc = zero.call();
            for (T x : part) {
                acc = seqOp.call(acc, x);
            }
            return acc;
        });
        return combine(zero, perPartition, combOp);
    }

    /**
     * Folds each whole partition with {@code perPartition} (a kernel that loops over the list itself),
     * then combines the partition results in partition order, starting from {@code zero()}.
     */
    public <U> U aggregatePartitions(Function0<U> zero, Function<List<T>, U> perPartition,
                                     Function2<U, U, U> combOp) {
        List<U> results = executor.runOnPartitions(partitions, perPartition::call);
        return combine(zero, results, combOp);
    }

    private static <U> U combine(Function0<U> zero, List<U> results, Function2<U, U, U> combOp) {
        try {
            U acc = zero.call();
            for (U r : results) {
                acc = combOp.call(acc, r);
            }
            return acc;
        } catch (Exception e) {
            throw LocalExecutor.rethrow(e);
        }
    }

    /** The reduction of all records with an associative, commutative {@code f}; empty for an empty batch. */
    public Optional<T> reduce(Function2<T, T, T> f) {
        List<Optional<T>> perPartition = executor.runOnPartitions(partitions, part -> {
            T acc = null;
            boolean any = false;
            for (T x : part) {
                acc = any ? f.call(acc, x) : x;
                any = true;
            }
            return any ? Optional.of(acc) : Optional.<T>empty();
        });
        try {
            T acc = null;
            boolean any = false;
            for (Optional<T> r : perPartition) {
                if (r.isPresent()) {
                    acc = any ? f.call(acc, r.get()) : r.get();
                    any = true;
                }
            }
            return any ? Optional.of(acc) : Optional.empty();
        } catch (Exception e) {
            throw LocalExecutor.rethrow(e);
        }
    }

    /** How often each distinct record occurs, hash-partitioned into this batch's partition count. */
    public PairBatch<T, Long> countByValue() {
        return countByValue(numPartitions());
    }

    /**
     * How often each distinct record occurs, hash-partitioned into {@code numPartitions}: counted per input
     * partition with one hash lookup and no allocation per repeated record, then merged per output
     * partition in input-partition order.
     */
    public PairBatch<T, Long> countByValue(int numPartitions) {
        return ValueCounter.countByValue(this, numPartitions);
    }

    /** A new batch at the same time whose partition i is {@code f(partition i)}, computed in parallel. */
    public <R> Batch<R> perPartition(Function<List<T>, List<R>> f) {
        List<List<R>> out = executor.computePartitions(partitions, f::call);
        return new Batch<>(time, out, executor);
    }

    /** This batch relabelled with another time (used by windows). */
    public Batch<T> withTime(Time newTime) {
        return new Batch<>(newTime, partitions, executor);
    }

    @Override
    public String toString() {
        return "Batch[time=" + time + ", partitions=" + partitions.size() + ", records=" + count() + "]";
    }
}
