package org.streamml.streaming;

/**
 * The lifecycle of a {@link StreamingContext}: streams are declared while {@link #INITIALIZED}, batches
 * run while {@link #ACTIVE}, and a {@link #STOPPED} context cannot be started again.
 */
public enum StreamingState {
    /** Created; streams and output operations may be added. */
    INITIALIZED,
    /** Started; batches are running. */
    ACTIVE,
    /** Stopped, by request, by a failure or because every source was exhausted. */
    STOPPED
}
