package org.streamml.streaming.cluster;

import java.util.List;

/**
 * A service that names the record types a module sends between driver and workers. Implementations are
 * found with {@link java.util.ServiceLoader} ({@code META-INF/services/org.streamml.streaming.cluster
 * .KryoRegistrar}) on both sides and registered in the order of their class names, so a library (for
 * example the ML module's vectors and models) registers its types once for every program that uses it.
 * Programs can also register types with {@link ClusterOptions#registerClasses}.
 */
public interface KryoRegistrar {

    /** The classes to register, in a fixed order. */
    List<Class<?>> classes();
}
