package org.streamml.ml.online;

import java.util.List;

/**
 * The types of this package that the online learners send between processes, the package-private partition
 * results included; listed by {@link org.streamml.ml.MlWireTypes}.
 */
public final class OnlineWireTypes {
    private OnlineWireTypes() {
    }

    /** The types, in a fixed order. */
    public static List<Class<?>> types() {
        return List.of(OnlineOptions.class, OnlineOptions.Schedule.class, OnlineOptimizer.class,
                OnlineOptimizer.PartitionResult.class);
    }
}
