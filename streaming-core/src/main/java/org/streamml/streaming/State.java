package org.streamml.streaming;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key, handed to a {@link PairDStream#mapWithState mapWithState} function: read it,
 * update it or remove it. A state that is timing out ({@link #isTimingOut()}) can only be read; the key is
 * removed after that call. Valid only during the call it is given to.
 *
 * <pre>{@code
 * StateSpec.<String, Integer, Integer, String>function((word, one, state) -> {
 *     int sum = one.orElse(0) + (state.exists() ? state.get() : 0);
 *     if (!state.isTimingOut()) {
 *         state.update(sum);
 *     }
 *     return word + "=" + sum;
 * });
 * }</pre>
 *
 * @param <S> state type
 */
public final class State<S> {
    private S value;
    private boolean defined;
    private boolean updated;
    private boolean removed;
    private boolean timingOut;

    State() {
    }

    /** Prepares this object for one call: the key's current state, or none. */
    void reset(S current, boolean exists, boolean timeout) {
        this.value = current;
        this.defined = exists;
        this.updated = false;
        this.removed = false;
        this.timingOut = timeout;
    }

    /** Whether the key has a state. */
    public boolean exists() {
        return defined;
    }

    /**
     * The key's state.
     *
     * @throws NoSuchElementException if it has none
     */
    public S get() {
        if (!defined) {
            throw new NoSuchElementException("State is not set");
        }
        return value;
    }

    /** The key's state, or empty. */
    public Optional<S> getOption() {
        return defined ? Optional.ofNullable(value) : Optional.empty();
    }

    /**
     * Sets the key's state to {@code newState}.
     *
     * @throws IllegalStateException if the state is timing out or was removed in this call
     */
    public void update(S newState) {
        if (timingOut) {
            throw new IllegalStateException("Cannot update the state that is timing out");
        }
        if (removed) {
            throw new IllegalStateException("Cannot update the state after it has been removed");
        }
        value = newState;
        defined = true;
        updated = true;
    }

    /**
     * Removes the key's state.
     *
     * @throws IllegalStateException if the state is timing out or was already removed in this call
     */
    public void remove() {
        if (timingOut) {
            throw new IllegalStateException("Cannot remove the state that is timing out");
        }
        if (removed) {
            throw new IllegalStateException("Cannot remove the state that has already been removed");
        }
        value = null;
        defined = false;
        removed = true;
    }

    /** Whether this call is the last one for a key that has been idle for longer than the timeout. */
    public boolean isTimingOut() {
        return timingOut;
    }

    boolean isUpdated() {
        return updated;
    }

    boolean isRemoved() {
        return removed;
    }

    @Override
    public String toString() {
        return defined ? "State[" + value + "]" : "State[<none>]";
    }
}
