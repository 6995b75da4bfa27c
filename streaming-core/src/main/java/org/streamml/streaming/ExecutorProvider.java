package org.streamml.streaming;

import java.util.List;

/**
 * A service that creates executors for the {@code --master} strings of one scheme. Providers are found
 * with {@link java.util.ServiceLoader} (a module lists its own in
 * {@code META-INF/services/org.streamml.streaming.ExecutorProvider}), so adding an executor is one module
 * with one provider, and {@link Masters#create} needs no change. streaming-core provides {@code local},
 * {@code local[N]} and {@code local[*]}; streaming-cluster provides {@code local-cluster[N]},
 * {@code local-cluster[N,C]} and {@code cluster://HOST:PORT}.
 *
 * <pre>{@code
 * public final class EchoExecutorProvider implements ExecutorProvider {
 *     public String module() { return "my-executor"; }
 *     public List<String> forms() { return List.of("echo[N]"); }
 *     public boolean accepts(String master) { return master.startsWith("echo["); }
 *     public BatchExecutor create(String master, ExecutorSettings settings) { ... }
 * }
 * }</pre>
 */
public interface ExecutorProvider {

    /** The Maven module that holds this provider (its artifactId), named in error messages. */
    String module();

    /** The master strings this provider accepts, as shown to users ({@code "local[N]"}), in a fixed order. */
    List<String> forms();

    /**
     * Whether {@code master} (stripped of surrounding blanks) is of this provider's scheme. A master of the
     * scheme may still be malformed: {@link #create} then says what was expected. At most one provider on
     * the class path accepts a master.
     */
    boolean accepts(String master);

    /**
     * A new executor for {@code master}, which this provider {@linkplain #accepts accepts}; the caller
     * closes it. Blocks until the executor can run tasks (a local cluster's workers have joined).
     *
     * @throws IllegalArgumentException if {@code master} is malformed, naming it and the accepted forms
     */
    BatchExecutor create(String master, ExecutorSettings settings);

    /**
     * Checks, without starting anything, that {@code master} (which this provider accepts) is well formed,
     * so that a context given a bad master fails when it is configured, not when it starts.
     *
     * @throws IllegalArgumentException if {@code master} is malformed, naming it and the accepted forms
     */
    default void validate(String master) {
    }
}
