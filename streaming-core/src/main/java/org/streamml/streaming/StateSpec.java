package org.streamml.streaming;

import java.time.Duration;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.streamml.streaming.function.Function3;
import org.streamml.streaming.function.Function4;

/**
 * What {@link PairDStream#mapWithState} does: the mapping function, plus optional initial state, number
 * of partitions and idle timeout. Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * StateSpec<String, Long, Long, Long> spec = StateSpec
 *         .<String, Long, Long, Long>function((user, amount, state) -> {
 *             long total = state.getOption().orElse(0L) + amount.orElse(0L);
 *             if (!state.isTimingOut()) {
 *                 state.update(total);
 *             }
 *             return total;
 *         })
 *         .timeout(Duration.ofMinutes(30));
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 * @param <U> mapped type
 */
public final class StateSpec<K, V, S, U> {
    private final Function4<Time, K, Optional<V>, State<S>, Optional<U>> function;
    private final Map<K, S> initialState;
    private final int numPartitions;
    private final Duration timeout;

    private StateSpec(Function4<Time, K, Optional<V>, State<S>, Optional<U>> function, Map<K, S> initialState,
                      int numPartitions, Duration timeout) {
        this.function = Objects.requireNonNull(function, "function");
        this.initialState = Map.copyOf(initialState);
        this.numPartitions = numPartitions;
        this.timeout = timeout;
    }

    /**
     * A spec whose function gets the batch time and may emit nothing ({@link Optional#empty()}); it is
     * called once per record of a key, and once with an empty value when a key times out.
     */
    public static <K, V, S, U> StateSpec<K, V, S, U> function(
            Function4<Time, K, Optional<V>, State<S>, Optional<U>> function) {
        return new StateSpec<>(function, Map.of(), 0, null);
    }

    /** A spec whose function emits one value per call ({@code null} results are left out). */
    public static <K, V, S, U> StateSpec<K, V, S, U> function(Function3<K, Optional<V>, State<S>, U> function) {
        Objects.requireNonNull(function, "function");
        return function((Time t, K k, Optional<V> v, State<S> s) -> Optional.ofNullable(function.call(k, v, s)));
    }

    /** A copy whose state starts as {@code initial} (keys and values must not be null). */
    public StateSpec<K, V, S, U> initialState(Map<K, S> initial) {
        return new StateSpec<>(function, Objects.requireNonNull(initial, "initial"), numPartitions, timeout);
    }

    /** A copy that keeps state in {@code n} (>= 1) partitions instead of the parent stream's count. */
    public StateSpec<K, V, S, U> numPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + n);
        }
        return new StateSpec<>(function, initialState, n, timeout);
    }

    /**
     * A copy in which a key that received no record for longer than {@code idle} (> 0) times out: the
     * function is called for it once with an empty value and {@link State#isTimingOut()} true, then the
     * key is removed.
     */
    public StateSpec<K, V, S, U> timeout(Duration idle) {
        Durations.requireMillis(idle, "timeout");
        return new StateSpec<>(function, initialState, numPartitions, idle);
    }

    /** The mapping function. */
    public Function4<Time, K, Optional<V>, State<S>, Optional<U>> function() {
        return function;
    }

    /** The initial state (empty if none). */
    public Map<K, S> initialState() {
        return initialState;
    }

    /** The number of partitions, or 0 for the parent stream's count. */
    public int numPartitions() {
        return numPartitions;
    }

    /** The idle timeout, if one is set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }
}
