package org.streamml.streaming.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kryo serializer for the JDK's unmodifiable and view collections ({@code List.of}, {@code
 * Collections.unmodifiableList}, {@code Arrays.asList}, sub-lists, ...), whose classes kryo cannot build
 * by reflection: it writes the elements and reads back an unmodifiable list, set or map with the same
 * elements in the same iteration order.
 */
final class ImmutableCollectionSerializer extends Serializer<Object> {
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    ImmutableCollectionSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        if (object instanceof Map<?, ?> map) {
            output.writeVarInt(map.size(), true);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                kryo.writeClassAndObject(output, e.getKey());
                kryo.writeClassAndObject(output, e.getValue());
            }
            return;
        }
        Collection<?> c = (Collection<?>) object;
        output.writeVarInt(c.size(), true);
        for (Object x : c) {
            kryo.writeClassAndObject(output, x);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int n = input.readVarInt(true);
        if (n < 0 || n > MAX_SIZE) {
            throw new KryoException("collection size out of range: " + n);
        }
        int capacity = Math.min(n, 1 << 16);
        if (Map.class.isAssignableFrom(type)) {
            Map<Object, Object> map = new LinkedHashMap<>(capacity);
            for (int i = 0; i < n; i++) {
                map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
            }
            return Collections.unmodifiableMap(map);
        }
        if (Set.class.isAssignableFrom(type)) {
            Set<Object> set = new LinkedHashSet<>(capacity);
            for (int i = 0; i < n; i++) {
                set.add(kryo.readClassAndObject(input));
            }
            return Collections.unmodifiableSet(set);
        }
        List<Object> list = new ArrayList<>(capacity);
        for (int i = 0; i < n; i++) {
            list.add(kryo.readClassAndObject(input));
        }
        return Collections.unmodifiableList(list);
    }

    /** One instance of every JDK unmodifiable or view collection class this serializer handles. */
    static List<Object> samples() {
        List<Object> s = new ArrayList<>();
        s.add(List.of());
        s.add(List.of(1));
        s.add(List.of(1, 2, 3));
        s.add(Set.of());
        s.add(Set.of(1));
        s.add(Set.of(1, 2, 3));
        s.add(Map.of());
        s.add(Map.of(1, 1));
        s.add(Map.of(1, 1, 2, 2));
        s.add(Collections.emptyList());
        s.add(Collections.emptySet());
        s.add(Collections.emptyMap());
        s.add(Collections.singletonList(1));
        s.add(Collections.singleton(1));
        s.add(Collections.singletonMap(1, 1));
        s.add(Collections.unmodifiableList(new ArrayList<>()));
        s.add(Collections.unmodifiableList(new java.util.LinkedList<>()));
        s.add(Collections.unmodifiableSet(new LinkedHashSet<>()));
        s.add(Collections.unmodifiableMap(new LinkedHashMap<>()));
        s.add(Collections.unmodifiableCollection(new ArrayList<>()));
        s.add(java.util.Arrays.asList(1, 2));
        s.add(new ArrayList<>(List.of(1, 2)).subList(0, 1));
        return s;
    }
}
