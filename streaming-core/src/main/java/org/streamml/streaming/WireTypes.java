package org.streamml.streaming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A service naming the types a module sends between processes when its streams run on an executor with
 * other processes (records, vectors, models, partial aggregates). Executors that need a registration of
 * every type on the wire (the cluster executor's kryo) read every {@code WireTypes} service on the class
 * path ({@code META-INF/services/org.streamml.streaming.WireTypes}), so a library registers its types once
 * for every program that uses it; programs add their own with {@link ExecutorSettings#withWireTypes}. The
 * types are class literals, so a renamed or removed type breaks the build, not a cluster. Nothing here
 * depends on how an executor encodes them.
 *
 * <pre>{@code
 * public final class MyWireTypes implements WireTypes {
 *     public List<Class<?>> types() {
 *         return List.of(Reading.class, Reading[].class);
 *     }
 * }
 * }</pre>
 */
public interface WireTypes {

    /** The types to register, in a fixed order. */
    List<Class<?>> types();

    /**
     * The types of every {@code WireTypes} service that {@code loader} finds, services in the order of their
     * class names and each type once, so every process with the same class path gets the same list.
     */
    static List<Class<?>> onClassPath(ClassLoader loader) {
        List<WireTypes> services = new ArrayList<>();
        ServiceLoader.load(WireTypes.class, loader).forEach(services::add);
        services.sort(Comparator.comparing(s -> s.getClass().getName()));
        LinkedHashSet<Class<?>> types = new LinkedHashSet<>();
        for (WireTypes s : services) {
            types.addAll(s.types());
        }
        return List.copyOf(types);
    }
}
