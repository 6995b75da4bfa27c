package org.streamml.streaming.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;

/**
 * How a task's input travels to a Spark executor: written by Kryo (with {@link StreamMLKryoRegistrator}'s
 * types) on the driver, where every {@link SparkPartition} inside it, at any depth (a pair of a state
 * partition and new values, a window's list of partitions), is replaced by its number in the task's list
 * of kept partitions; on the executor the same number reads back as that partition's records, which the task
 * takes from the parent RDD (Spark's cache, or a recomputation from the lineage).
 */
final class TaskInputs {
    /** The kept partitions met while writing, or the records they stand for while reading. */
    private static final ThreadLocal<List<Object>> REFS = new ThreadLocal<>();
    private static final ThreadLocal<Kryo> KRYO = ThreadLocal.withInitial(TaskInputs::newKryo);

    private TaskInputs() {
    }

    /** An encoded input and the kept partitions it refers to, in the order of their numbers. */
    record Encoded(byte[] bytes, List<SparkPartition<?>> refs) {
    }

    private static Kryo newKryo() {
        Kryo kryo = new KryoSerializer(new SparkConf(false)).newKryo();
        new StreamMLKryoRegistrator().registerClasses(kryo);
        kryo.register(SparkPartition.class, new RefSerializer(), StreamMLKryoRegistrator.FIRST_ID - 1);
        return kryo;
    }

    /** Writes {@code input}, numbering the kept partitions in it. */
    @SuppressWarnings("unchecked")
    static Encoded encode(Object input) {
        List<Object> refs = new ArrayList<>();
        REFS.set(refs);
        try (Output out = new Output(256, -1)) {
            KRYO.get().writeClassAndObject(out, input);
            List<SparkPartition<?>> kept = new ArrayList<>(refs.size());
            for (Object r : refs) {
                kept.add((SparkPartition<?>) r);
            }
            return new Encoded(out.toBytes(), kept);
        } finally {
            REFS.remove();
        }
    }

    /** Reads an input back, with {@code records.get(k)} in place of kept partition number {@code k}. */
    static Object decode(byte[] bytes, List<List<?>> records) {
        REFS.set(new ArrayList<>(records));
        try (Input in = new Input(bytes)) {
            return KRYO.get().readClassAndObject(in);
        } finally {
            REFS.remove();
        }
    }

    /** A kept partition as its number: written on the driver, read on an executor as its records. */
    @SuppressWarnings("rawtypes")
    private static final class RefSerializer extends Serializer<List> {
        RefSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, List value) {
            List<Object> refs = REFS.get();
            if (refs == null) {
                throw new IllegalStateException("a kept Spark partition can only travel as a task input");
            }
            int k = -1;
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i) == value) {
                    k = i;
                    break;
                }
            }
            if (k < 0) {
                refs.add(value);
                k = refs.size() - 1;
            }
            output.writeInt(k, true);
        }

        @Override
        public List read(Kryo kryo, Input input, Class<List> type) {
            List<Object> refs = REFS.get();
            int k = input.readInt(true);
            if (refs == null || k >= refs.size()) {
                throw new IllegalStateException("kept partition " + k + " of a task input was not read");
            }
            return (List) refs.get(k);
        }
    }
}
