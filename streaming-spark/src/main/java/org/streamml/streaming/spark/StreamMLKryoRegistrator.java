package org.streamml.streaming.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Teaches Spark's Kryo the types StreamML's records are made of that it cannot handle by itself: Java
 * records (the Kryo inside Spark cannot set a record's final fields; a record is written component by
 * component and made again through its canonical constructor, as Java serialization does; {@code Pair},
 * the sources' partition readers and most user records are records) and {@link Optional} (the values of
 * outer joins). Set as {@code spark.kryo.registrator} by {@link SparkExecutor};
 * an application passing its own context to {@link SparkExecutor#of} adds it to its configuration.
 */
public final class StreamMLKryoRegistrator implements KryoRegistrator {

    /**
     * The first registration id of StreamML's classes. Spark's own Kryo numbers its classes in the order it
     * registers them, and registers some only when they are on the class path (Spark SQL's, MLlib's), so a
     * driver and executors with different jars give the same class different ids; StreamML's classes take
     * fixed ids far above Spark's, the same on every side whatever Spark registered.
     */
    static final int FIRST_ID = 20_000;

    @Override
    public void registerClasses(Kryo kryo) {
        int[] id = {FIRST_ID};
        kryo.addDefaultSerializer(Record.class, new RecordSerializer());
        kryo.addDefaultSerializer(Optional.class, new OptionalSerializer());
        // Unmodifiable collections: Spark's Kryo would make one and add to it, which they refuse.
        ReadOnly lists = new ReadOnly(ReadOnly.Kind.LIST);
        for (Object l : new Object[] {List.of(), List.of(1), List.of(1, 2, 3), Arrays.asList(1),
            Collections.unmodifiableList(new ArrayList<>()), Collections.unmodifiableList(new LinkedList<>()),
            Collections.emptyList(), Collections.singletonList(1), new ArrayList<>(List.of(1, 2)).subList(0, 1)}) {
            kryo.register(l.getClass(), lists, id[0]++);
        }
        ReadOnly sets = new ReadOnly(ReadOnly.Kind.SET);
        for (Object x : new Object[] {Set.of(), Set.of(1), Set.of(1, 2, 3), Collections.unmodifiableSet(new HashSet<>()),
            Collections.emptySet(), Collections.singleton(1)}) {
            kryo.register(x.getClass(), sets, id[0]++);
        }
        ReadOnly maps = new ReadOnly(ReadOnly.Kind.MAP);
        for (Object x : new Object[] {Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2, 3, 3),
            Collections.unmodifiableMap(new HashMap<>()), Collections.emptyMap(), Collections.singletonMap(1, 1)}) {
            kryo.register(x.getClass(), maps, id[0]++);
        }
    }

    /** A read-only list, set or map: its elements in order, made again as an unmodifiable copy. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class ReadOnly extends Serializer<Object> {
        enum Kind { LIST, SET, MAP }

        private final Kind kind;

        ReadOnly(Kind kind) {
            this.kind = kind;
        }

        @Override
        public void write(Kryo kryo, Output output, Object value) {
            if (kind == Kind.MAP) {
                Map<?, ?> m = (Map<?, ?>) value;
                output.writeInt(m.size(), true);
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    kryo.writeClassAndObject(output, e.getKey());
                    kryo.writeClassAndObject(output, e.getValue());
                }
                return;
            }
            java.util.Collection<?> c = (java.util.Collection<?>) value;
            output.writeInt(c.size(), true);
            for (Object x : c) {
                kryo.writeClassAndObject(output, x);
            }
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<Object> type) {
            int n = input.readInt(true);
            if (kind == Kind.MAP) {
                Map m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableMap(m);
            }
            java.util.Collection c = kind == Kind.LIST ? new ArrayList<>(n) : new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                c.add(kryo.readClassAndObject(input));
            }
            return kind == Kind.LIST ? Collections.unmodifiableList((List) c) : Collections.unmodifiableSet((Set) c);
        }
    }

    /** A record as its components, each with its class, made again by its canonical constructor. */
    static final class RecordSerializer extends Serializer<Record> {
        private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

        private record Shape(Method[] accessors, Constructor<?> constructor) {
        }

        private Shape shape(Class<?> type) {
            return shapes.computeIfAbsent(type, t -> {
                RecordComponent[] rc = t.getRecordComponents();
                Method[] accessors = new Method[rc.length];
                Class<?>[] types = new Class<?>[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    accessors[i] = rc[i].getAccessor();
                    accessors[i].setAccessible(true);
                    types[i] = rc[i].getType();
                }
                try {
                    Constructor<?> c = t.getDeclaredConstructor(types);
                    c.setAccessible(true);
                    return new Shape(accessors, c);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("record " + t.getName() + " has no canonical constructor", e);
                }
            });
        }

        @Override
        public void write(Kryo kryo, Output output, Record value) {
            for (Method m : shape(value.getClass()).accessors()) {
                try {
                    kryo.writeClassAndObject(output, m.invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + m + " of a " + value.getClass().getName(), e);
                }
            }
        }

        @Override
        public Record read(Kryo kryo, Input input, Class<Record> type) {
            Shape s = shape(type);
            Object[] args = new Object[s.accessors().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = kryo.readClassAndObject(input);
            }
            try {
                return (Record) s.constructor().newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + type.getName() + " again", e);
            }
        }
    }

    /** An {@link Optional} as a flag and, when present, its value with its class. */
    @SuppressWarnings("rawtypes")
    static final class OptionalSerializer extends Serializer<Optional> {
        @Override
        public void write(Kryo kryo, Output output, Optional value) {
            output.writeBoolean(value.isPresent());
            if (value.isPresent()) {
                kryo.writeClassAndObject(output, value.get());
            }
        }

        @Override
        public Optional read(Kryo kryo, Input input, Class<Optional> type) {
            return input.readBoolean() ? Optional.of(kryo.readClassAndObject(input)) : Optional.empty();
        }
    }
}
