package org.streamml.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a program tells any executor, whichever {@code --master} it runs on: the types it sends between
 * processes (beyond those the modules on the class path declare as {@link WireTypes}) and the shared
 * secret of a cluster. An executor that runs tasks in this process ignores both.
 *
 * <pre>{@code
 * ExecutorSettings settings = ExecutorSettings.defaults().withWireTypes(Reading.class).withSecret(secret);
 * StreamingContext.Options options = StreamingContext.Options.defaults().withMaster(master, settings);
 * }</pre>
 *
 * @param wireTypes the program's own types sent between processes, in a fixed order (drivers and workers
 *        must agree on it)
 * @param secret the shared secret of a cluster's driver and workers, or {@code null} for the executor's own
 *        default (the cluster executor reads {@code $STREAMML_CLUSTER_SECRET})
 */
public record ExecutorSettings(List<Class<?>> wireTypes, String secret) {

    /** Validates and copies. */
    public ExecutorSettings {
        wireTypes = List.copyOf(wireTypes);
        if (secret != null && secret.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    /** No program types and no secret. */
    public static ExecutorSettings defaults() {
        return new ExecutorSettings(List.of(), null);
    }

    /** A copy with {@code types} added after the wire types already given. */
    public ExecutorSettings withWireTypes(Class<?>... types) {
        List<Class<?>> all = new ArrayList<>(wireTypes);
        for (Class<?> t : types) {
            all.add(Objects.requireNonNull(t, "type"));
        }
        return new ExecutorSettings(all, secret);
    }

    /** A copy with another shared secret ({@code null}: the executor's default). */
    public ExecutorSettings withSecret(String s) {
        return new ExecutorSettings(wireTypes, s);
    }
}
