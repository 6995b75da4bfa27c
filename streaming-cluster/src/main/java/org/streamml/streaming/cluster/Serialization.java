package org.streamml.streaming.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.time.Duration;
import org.streamml.streaming.Pair;
import org.streamml.streaming.Time;
import org.streamml.streaming.WireTypes;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * How partition inputs, task functions and results are encoded between driver and workers: kryo with
 * class registration required (a peer can only make the objects of registered classes, never name an
 * arbitrary class), no Java serialization. Registered, in this order: the engine's and the JDK's common
 * types, then the types of every {@link WireTypes} service (in the order
 * of {@link WireTypes#onClassPath}), then the program's own classes. Both
 * sides must register the same classes in the same order; {@link #fingerprint()} lets the handshake
 * verify that. Objects are made with their no-argument constructor where they have one, else without
 * running a constructor (records always through their canonical constructor). Thread-safe: kryo
 * instances come from a pool.
 */
public final class Serialization {
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 8;

    private final List<Class<?>> userClasses;
    private final BlockRefSerializer blockRefs;
    private final Pool<Kryo> pool;
    private final String fingerprint;

    /**
     * Whether values of {@code type} can be sent: it is registered (an engine type, a {@link WireTypes}
     * type or one of the user classes).
     */
    public boolean isRegistered(Class<?> type) {
        Kryo kryo = pool.obtain();
        try {
            return kryo.getClassResolver().getRegistration(type) != null;
        } finally {
            pool.free(kryo);
        }
    }

    /** A serialization that also registers {@code userClasses}, in order. */
    public Serialization(List<Class<?>> userClasses) {
        this(userClasses, null, null);
    }

    /**
     * A serialization writing block references with {@code directory} (the driver's) or reading them with
     * {@code resolver} (a worker's); either may be {@code null}.
     */
    Serialization(List<Class<?>> userClasses, BlockRefSerializer.Directory directory,
                  BlockRefSerializer.Resolver resolver) {
        this.userClasses = List.copyOf(userClasses);
        this.blockRefs = new BlockRefSerializer(directory, resolver);
        this.pool = new Pool<>(true, false) {
            @Override
            protected Kryo create() {
                return newKryo();
            }
        };
        this.fingerprint = computeFingerprint(newKryo());
    }

    /** A serialization registering the classes named in {@code classNames}, loaded with {@code loader}. */
    public static Serialization ofClassNames(List<String> classNames, ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>(classNames.size());
        for (String name : classNames) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("class to register is not on the class path: " + name, e);
            }
        }
        return new Serialization(classes);
    }

    /** This serialization with block references written with {@code directory}. */
    Serialization withDirectory(BlockRefSerializer.Directory directory) {
        return new Serialization(userClasses, directory, null);
    }

    /** This serialization with block references read back through {@code resolver}. */
    Serialization withResolver(BlockRefSerializer.Resolver resolver) {
        return new Serialization(userClasses, null, resolver);
    }

    /**
     * Encodes {@code value} like {@link #serialize}, handing each block reference it contains ({@link
     * KeptBlock} or {@link KeptBlock.BucketRef}) to {@code refs}.
     */
    byte[] serializeCollecting(Object value, java.util.function.Consumer<Object> refs) {
        return BlockRefSerializer.collecting(refs, () -> serialize(value));
    }

    /** The program's own registered classes, in order. */
    public List<Class<?>> userClasses() {
        return userClasses;
    }

    /** A short hash of the whole registration table (ids and class names). */
    public String fingerprint() {
        return fingerprint;
    }

    /** Encodes {@code value} (which may be {@code null}) with its class. */
    public byte[] serialize(Object value) {
        Kryo kryo = pool.obtain();
        try (Output out = new Output(4096, MAX_BUFFER)) {
            kryo.writeClassAndObject(out, value);
            return out.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            throw new IllegalArgumentException(explain(e), e);
        } finally {
            pool.free(kryo);
        }
    }

    /** Decodes a value written by {@link #serialize}. */
    public Object deserialize(byte[] bytes) {
        Kryo kryo = pool.obtain();
        try (Input in = new Input(bytes)) {
            Object value = kryo.readClassAndObject(in);
            if (in.position() != bytes.length) {
                throw new KryoException((bytes.length - in.position()) + " bytes left after the value");
            }
            return value;
        } catch (KryoException | IllegalArgumentException e) {
            throw new IllegalArgumentException(explain(e), e);
        } finally {
            pool.free(kryo);
        }
    }

    private static String explain(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (m.startsWith("Class is not registered")) {
            return m + "; register it on the driver with ClusterOptions.registerClasses(...) or a WireTypes"
                    + " service";
        }
        return m;
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setClassLoader(Serialization.class.getClassLoader());
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        for (Class<?> c : engineClasses()) {
            kryo.register(c);
        }
        kryo.register(KeptBlock.class, blockRefs);
        kryo.register(KeptBlock.BucketRef.class, blockRefs);
        ImmutableCollectionSerializer immutable = new ImmutableCollectionSerializer();
        for (Object sample : ImmutableCollectionSerializer.samples()) {
            if (kryo.getClassResolver().getRegistration(sample.getClass()) == null) {
                kryo.register(sample.getClass(), immutable);
            }
        }
        kryo.register(ClosureSerializer.Closure.class, new LambdaSerializer());
        WireTypes.onClassPath(Serialization.class.getClassLoader()).forEach(c -> registerOnce(kryo, c));
        userClasses.forEach(c -> registerOnce(kryo, c));
        return kryo;
    }

    private static void registerOnce(Kryo kryo, Class<?> c) {
        Objects.requireNonNull(c, "class to register");
        if (kryo.getClassResolver().getRegistration(c) == null) {
            try {
                kryo.register(c);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("kryo cannot serialize " + c.getName() + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<Class<?>> engineClasses() {
        List<Class<?>> c = new ArrayList<>(List.of(
                Object.class, Object[].class, boolean[].class, byte[].class, char[].class, short[].class,
                int[].class, long[].class, float[].class, double[].class, String[].class, double[][].class,
                int[][].class, long[][].class, float[][].class, Boolean[].class, Integer[].class, Long[].class,
                Double[].class,
                java.util.ArrayList.class, java.util.LinkedList.class, java.util.ArrayDeque.class,
                java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.TreeMap.class,
                java.util.HashSet.class, java.util.LinkedHashSet.class, java.util.TreeSet.class,
                java.util.Optional.class, java.util.OptionalDouble.class, java.util.OptionalInt.class,
                java.util.OptionalLong.class, java.math.BigInteger.class, java.math.BigDecimal.class,
                Pair.class, Time.class, Duration.class));
        for (String name : List.of("org.streamml.streaming.PairBatch$Tagged",
                "org.streamml.streaming.source.GeneratedSource$Range",
                "org.streamml.streaming.source.FileReplaySource$Range",
                "org.streamml.streaming.ReducedWindowedDStream$Update",
                "org.streamml.streaming.MapWithStateDStream$StateEntry")) {
            try {
                c.add(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("an engine type sent to workers is missing: " + name, e);
            }
        }
        return c;
    }

    private static String computeFingerprint(Kryo kryo) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int id = 0; id < kryo.getNextRegistrationId(); id++) {
                Registration r = kryo.getRegistration(id);
                String entry = r == null ? id + ":-;" : id + ":" + r.getType().getName() + ";";
                md.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
