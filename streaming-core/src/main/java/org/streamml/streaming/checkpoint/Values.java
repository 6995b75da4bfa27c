package org.streamml.streaming.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.streamml.streaming.Pair;
import org.streamml.streaming.Time;

/**
 * The value encoding of checkpoint files: a tag byte, then the value. No Java serialization: every class
 * written is one this encoding knows (boxed primitives, strings, primitive arrays, lists, sets, maps,
 * {@code Optional}, enums, records of encodable components, {@code Pair}, {@code Time}, {@code Duration})
 * or one with a registered {@link ValueCodec}. Lists read back as {@code ArrayList}s, sets as
 * {@code LinkedHashSet}s and maps as {@code LinkedHashMap}s, in the order written, so read values are equal
 * to the written ones. Writing a value of another class throws {@link UnencodableValueException} naming
 * it, so a state type that cannot be checkpointed fails loudly at the first checkpoint.
 *
 * <p>One instance holds the codecs found through {@link ServiceLoader} plus those registered on it.
 */
public final class Values {
    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int BYTE = 2;
    private static final int SHORT = 3;
    private static final int CHAR = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int FLOAT = 7;
    private static final int DOUBLE = 8;
    private static final int STRING = 9;
    private static final int DOUBLES = 10;
    private static final int INTS = 11;
    private static final int LONGS = 12;
    private static final int BYTES = 13;
    private static final int FLOATS = 14;
    private static final int BOOLEANS = 15;
    private static final int LIST = 16;
    private static final int SET = 17;
    private static final int MAP = 18;
    private static final int OPTIONAL = 19;
    private static final int PAIR = 20;
    private static final int TIME = 21;
    private static final int DURATION = 22;
    private static final int ENUM = 23;
    private static final int RECORD = 24;
    private static final int CODEC = 25;
    private static final int OBJECTS = 26;

    /** The most elements one collection or array may declare, checked before allocating. */
    public static final int MAX_ELEMENTS = 1 << 28;

    /** A value of a class the encoding does not know. */
    public static final class UnencodableValueException extends IllegalArgumentException {
        /** An error with {@code message}. */
        public UnencodableValueException(String message) {
            super(message);
        }
    }

    private final Map<Class<?>, ValueCodec<?>> codecs = new ConcurrentHashMap<>();
    private final Map<String, ValueCodec<?>> codecsByName = new ConcurrentHashMap<>();

    /** An encoding with the codecs listed in {@code META-INF/services} files. */
    public Values() {
        for (ValueCodec<?> c : ServiceLoader.load(ValueCodec.class, Values.class.getClassLoader())) {
            register(c);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != Values.class.getClassLoader()) {
            for (ValueCodec<?> c : ServiceLoader.load(ValueCodec.class, context)) {
                register(c);
            }
        }
    }

    /** The classes {@link #write} tests first, by identity: the keys and values of most keyed state. */
    private static final Set<Class<?>> FAST = Set.of(Long.class, Integer.class, Double.class, String.class,
            Pair.class, ArrayList.class);
    /** Whether a codec was registered for one of the {@link #FAST} classes, which then takes precedence. */
    private volatile boolean fastOverridden;

    /** Adds {@code codec} (replacing one for the same class); returns this encoding. */
    public Values register(ValueCodec<?> codec) {
        if (FAST.contains(codec.type())) {
            fastOverridden = true;
        }
        codecs.put(codec.type(), codec);
        codecsByName.put(codec.type().getName(), codec);
        return this;
    }

    /** Writes {@code value} with its tag. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        if (!fastOverridden && writeFast(value, out)) {
            return;
        }
        ValueCodec codec = codecs.get(value.getClass());
        if (codec != null) {
            out.writeByte(CODEC);
            out.writeUTF(value.getClass().getName());
            codec.write(value, out, this);
            return;
        }
        if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(s, out);
        } else if (value instanceof double[] a) {
            out.writeByte(DOUBLES);
            out.writeInt(a.length);
            for (double d : a) {
                out.writeLong(Double.doubleToRawLongBits(d));
            }
        } else if (value instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int i : a) {
                out.writeInt(i);
            }
        } else if (value instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long l : a) {
                out.writeLong(l);
            }
        } else if (value instanceof byte[] a) {
            out.writeByte(BYTES);
            out.writeInt(a.length);
            out.write(a);
        } else if (value instanceof float[] a) {
            out.writeByte(FLOATS);
            out.writeInt(a.length);
            for (float f : a) {
                out.writeInt(Float.floatToRawIntBits(f));
            }
        } else if (value instanceof boolean[] a) {
            out.writeByte(BOOLEANS);
            out.writeInt(a.length);
            for (boolean b : a) {
                out.writeBoolean(b);
            }
        } else if (value instanceof Object[] a) {
            out.writeByte(OBJECTS);
            out.writeInt(a.length);
            for (Object o : a) {
                write(o, out);
            }
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            writeAll(list, out);
        } else if (value instanceof Set<?> set) {
            out.writeByte(SET);
            writeAll(set, out);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(e.getKey(), out);
                write(e.getValue(), out);
            }
        } else if (value instanceof Optional<?> o) {
            out.writeByte(OPTIONAL);
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                write(o.get(), out);
            }
        } else if (value instanceof Pair<?, ?> p) {
            out.writeByte(PAIR);
            write(p.key(), out);
            write(p.value(), out);
        } else if (value instanceof Time t) {
            out.writeByte(TIME);
            out.writeLong(t.millis());
        } else if (value instanceof Duration d) {
            out.writeByte(DURATION);
            out.writeLong(d.getSeconds());
            out.writeInt(d.getNano());
        } else if (value instanceof Enum<?> e) {
            out.writeByte(ENUM);
            out.writeUTF(e.getDeclaringClass().getName());
            out.writeUTF(e.name());
        } else if (value instanceof Record r) {
            out.writeByte(RECORD);
            out.writeUTF(r.getClass().getName());
            RecordComponent[] components = r.getClass().getRecordComponents();
            out.writeShort(components.length);
            for (RecordComponent c : components) {
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    write(accessor.invoke(r), out);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    if (e instanceof UnencodableValueException u) {
                        throw u;
                    }
                    throw new UnencodableValueException("cannot read component " + c.getName() + " of record "
                            + r.getClass().getName() + ": " + e);
                }
            }
        } else {
            throw new UnencodableValueException("cannot checkpoint a value of " + value.getClass().getName()
                    + ": checkpoints hold boxed primitives, strings, primitive arrays, collections, Optional, enums,"
                    + " records and Pair/Time/Duration; register a ValueCodec for other classes"
                    + " (Values.register, or a META-INF/services/" + ValueCodec.class.getName() + " file)");
        }
    }

    /**
     * Writes the commonest classes of keyed state, tested by identity before the codec table and the chain of
     * type tests (a state of 1 M pairs is 3 M values); the bytes are those the general path writes.
     */
    private boolean writeFast(Object value, DataOutput out) throws IOException {
        Class<?> c = value.getClass();
        if (c == Pair.class) {
            Pair<?, ?> p = (Pair<?, ?>) value;
            out.writeByte(PAIR);
            write(p.key(), out);
            write(p.value(), out);
        } else if (c == Long.class) {
            out.writeByte(LONG);
            out.writeLong((Long) value);
        } else if (c == Integer.class) {
            out.writeByte(INT);
            out.writeInt((Integer) value);
        } else if (c == String.class) {
            out.writeByte(STRING);
            writeString((String) value, out);
        } else if (c == Double.class) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits((Double) value));
        } else if (c == ArrayList.class) {
            out.writeByte(LIST);
            writeAll((ArrayList<?>) value, out);
        } else {
            return false;
        }
        return true;
    }

    private void writeAll(java.util.Collection<?> values, DataOutput out) throws IOException {
        out.writeInt(values.size());
        for (Object v : values) {
            write(v, out);
        }
    }

    private static void writeString(String s, DataOutput out) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInput in) throws IOException {
        byte[] utf8 = new byte[count(in)];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ELEMENTS) {
            throw new IOException("bad element count " + n + " (expected 0 to " + MAX_ELEMENTS + ")");
        }
        return n;
    }

    /**
     * The one value of a checkpoint section: {@code bytes} must hold exactly one value written by {@link #write}.
     *
     * @throws CheckpointException naming {@code file} and {@code section} if it does not read back whole
     */
    public Object readSection(Object file, String section, byte[] bytes) {
        try {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
            Object v = read(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left after the value");
            }
            return v;
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("checkpoint " + file + ", section '" + section + "', does not read back: "
                    + e.getMessage(), e);
        }
    }

    /** Reads one value written by {@link #write}. */
    public Object read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case BOOLEAN:
                return in.readBoolean();
            case BYTE:
                return in.readByte();
            case SHORT:
                return in.readShort();
            case CHAR:
                return in.readChar();
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case FLOAT:
                return Float.intBitsToFloat(in.readInt());
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case STRING:
                return readString(in);
            case DOUBLES: {
                double[] a = new double[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = Double.longBitsToDouble(in.readLong());
                }
                return a;
            }
            case INTS: {
                int[] a = new int[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case LONGS: {
                long[] a = new long[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case BYTES: {
                byte[] a = new byte[count(in)];
                in.readFully(a);
                return a;
            }
            case FLOATS: {
                float[] a = new float[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = Float.intBitsToFloat(in.readInt());
                }
                return a;
            }
            case BOOLEANS: {
                boolean[] a = new boolean[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readBoolean();
                }
                return a;
            }
            case OBJECTS: {
                Object[] a = new Object[count(in)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = read(in);
                }
                return a;
            }
            case LIST: {
                int n = count(in);
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case SET: {
                int n = count(in);
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    set.add(read(in));
                }
                return set;
            }
            case MAP: {
                int n = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = read(in);
                    map.put(k, read(in));
                }
                return map;
            }
            case OPTIONAL:
                return in.readBoolean() ? Optional.ofNullable(read(in)) : Optional.empty();
            case PAIR: {
                Object k = read(in);
                return Pair.of(k, read(in));
            }
            case TIME:
                return Time.ofMillis(in.readLong());
            case DURATION: {
                long seconds = in.readLong();
                return Duration.ofSeconds(seconds, in.readInt());
            }
            case ENUM:
                return readEnum(in.readUTF(), in.readUTF());
            case RECORD:
                return readRecord(in);
            case CODEC: {
                String name = in.readUTF();
                ValueCodec<?> codec = codecsByName.get(name);
                if (codec == null) {
                    throw new IOException("no ValueCodec for " + name + " on the class path (is the module that"
                            + " registers it missing?)");
                }
                return codec.read(in, this);
            }
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEnum(String className, String name) throws IOException {
        Class<?> c = load(className);
        if (!c.isEnum()) {
            throw new IOException(className + " is not an enum");
        }
        try {
            return Enum.valueOf((Class) c, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("enum " + className + " has no constant " + name);
        }
    }

    private Object readRecord(DataInput in) throws IOException {
        String className = in.readUTF();
        Class<?> c = load(className);
        if (!c.isRecord()) {
            throw new IOException(className + " is not a record");
        }
        RecordComponent[] components = c.getRecordComponents();
        int n = in.readUnsignedShort();
        if (n != components.length) {
            throw new IOException("record " + className + " has " + components.length + " components, the checkpoint "
                    + n + " (the class changed)");
        }
        Object[] args = new Object[n];
        Class<?>[] types = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            types[i] = components[i].getType();
            args[i] = typedArray(read(in), types[i]);
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new IOException("cannot rebuild record " + className + ": " + cause, cause);
        }
    }

    /**
     * {@code value} as an array of {@code type} when it is an object array read back for a record component of
     * a more specific array type ({@code double[][]}, {@code String[]}: arrays of objects are written without
     * their element class), element by element; otherwise {@code value} itself.
     */
    private static Object typedArray(Object value, Class<?> type) {
        if (!(value instanceof Object[] a) || !type.isArray() || type.isInstance(value)
                || type.getComponentType().isPrimitive()) {
            return value;
        }
        Class<?> element = type.getComponentType();
        Object typed = java.lang.reflect.Array.newInstance(element, a.length);
        for (int i = 0; i < a.length; i++) {
            java.lang.reflect.Array.set(typed, i, typedArray(a[i], element));
        }
        return typed;
    }

    private static Class<?> load(String className) throws IOException {
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return Class.forName(className, false, context != null ? context : Values.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("class " + className + " is not on the class path");
        }
    }
}
