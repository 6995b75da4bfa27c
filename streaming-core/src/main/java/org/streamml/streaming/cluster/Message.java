package org.streamml.streaming.cluster;

/**
 * The messages between driver and workers. Only these types (and their fields: numbers, strings, byte
 * arrays) cross the wire as kryo objects; task functions, partition inputs and results travel inside
 * them as opaque bytes encoded by {@link Serialization}, so a payload a side cannot decode fails one
 * task instead of the connection.
 *
 * <p>Handshake: the driver sends {@link Challenge}; the worker answers {@link Register} with its proof of
 * the secret; the driver answers {@link Welcome} with its own proof and the classes to register, or
 * {@link Reject} and closes. Both sides send {@link Heartbeat}s when idle.
 */
sealed interface Message {

    /** The protocol version this code speaks; a peer speaking another is rejected. */
    int PROTOCOL_VERSION = 1;

    /**
     * Driver to worker, first message: versions, a nonce for the worker to sign, and the driver's
     * heartbeat interval and timeout and maximum frame size, which the worker adopts.
     */
    record Challenge(int protocolVersion, String codeVersion, byte[] nonce, long heartbeatIntervalMillis,
                     long heartbeatTimeoutMillis, int maxFrameBytes) implements Message {
    }

    /** Worker to driver: versions, HMAC of the driver's nonce, a nonce for the driver, cores, identity. */
    record Register(int protocolVersion, String codeVersion, byte[] proof, byte[] nonce, int cores, long pid,
                    String host) implements Message {
    }

    /**
     * Driver to worker: accepted as {@code workerId}; the driver's proof, the names of the classes to
     * register (one per line) and the fingerprint of the driver's registration table.
     */
    record Welcome(int workerId, byte[] proof, String classes, String fingerprint) implements Message {
    }

    /** Either side: the handshake failed for {@code reason}; the sender closes the connection. */
    record Reject(String reason) implements Message {
    }

    /** Either side: still here. */
    record Heartbeat() implements Message {
    }

    /** Driver to worker: run the encoded function on the encoded input. */
    record RunTask(long taskId, byte[] function, byte[] input) implements Message {
    }

    /** Worker to driver: the encoded result of a task and how long it ran. */
    record TaskResult(long taskId, byte[] result, long nanos) implements Message {
    }

    /** Worker to driver: the task failed with {@code error} (exception class, message, stack trace). */
    record TaskFailed(long taskId, String error) implements Message {
    }
}
