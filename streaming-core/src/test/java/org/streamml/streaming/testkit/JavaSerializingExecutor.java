package org.streamml.streaming.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;

/**
 * An executor of this process's threads that sends every partition function through Java serialization
 * first, as Spark's closure serializer does: a function that captures something unserializable fails here,
 * without a Spark cluster, with the same {@link NotSerializableException} Spark reports as "Task not
 * serializable". The tasks then run on a {@link LocalExecutor} with the deserialized copy, so a function
 * that serializes but loses state on the way gives different results too.
 */
public final class JavaSerializingExecutor implements BatchExecutor {
    private final LocalExecutor local;

    /** An executor of {@code threads} threads. */
    public JavaSerializingExecutor(int threads) {
        this.local = new LocalExecutor(threads);
    }

    @Override
    public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
        return local.runTasks(numTasks, task);
    }

    @Override
    public <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
        PartitionFunction<I, R> copy = roundTrip(f);
        return local.runTasks(inputs.size(), i -> copy.apply(inputs.get(i)));
    }

    @Override
    public void checkShippable(String operation, Object function) {
        roundTrip(function);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T function) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(function);
        } catch (IOException e) {
            throw new IllegalArgumentException("function " + function + " does not serialize: " + e, e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("function " + function + " does not deserialize: " + e, e);
        }
    }

    @Override
    public int parallelism() {
        return local.parallelism();
    }

    @Override
    public void close() {
        local.close();
    }
}
