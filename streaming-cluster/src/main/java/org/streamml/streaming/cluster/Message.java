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
    int PROTOCOL_VERSION = 2;

    /**
     * Driver to worker, first message: versions, a nonce for the worker to sign, and the driver's
     * heartbeat interval and timeout and maximum frame size, which the worker adopts.
     */
    record Challenge(int protocolVersion, String codeVersion, byte[] nonce, long heartbeatIntervalMillis,
                     long heartbeatTimeoutMillis, int maxFrameBytes) implements Message {
    }

    /**
     * Worker to driver: versions, HMAC of the driver's nonce, a nonce for the driver, cores, identity and
     * the port of the worker's block server (where peers and the driver fetch the blocks it keeps).
     */
    record Register(int protocolVersion, String codeVersion, byte[] proof, byte[] nonce, int cores, long pid,
                    String host, int blockPort) implements Message {
    }

    /**
     * Driver to worker: accepted as {@code workerId}; the driver's proof, the names of the classes to
     * register (one per line), the fingerprint of the driver's registration table and how many records
     * the worker may keep in its block store.
     */
    record Welcome(int workerId, byte[] proof, String classes, String fingerprint, long cacheRecords)
            implements Message {
    }

    /** Either side: the handshake failed for {@code reason}; the sender closes the connection. */
    record Reject(String reason) implements Message {
    }

    /** Either side: still here. */
    record Heartbeat() implements Message {
    }

    /**
     * Driver to worker: run the encoded function of job {@code jobId} on the encoded input. The function's
     * bytes come with the first task of a job a worker gets and are {@code null} after that. With
     * {@code keepAs > 0} the result (a list, a partition) stays in the worker's block store under that id
     * and only its size is answered; with 0 the encoded result is sent back.
     */
    record RunTask(long taskId, long jobId, byte[] function, byte[] input, long keepAs) implements Message {
    }

    /**
     * Worker to driver: a task's encoded result ({@code null} when kept; {@code keptSize} then gives the
     * kept list's size) and how long it ran.
     */
    record TaskResult(long taskId, byte[] result, int keptSize, long nanos) implements Message {
    }

    /**
     * Worker to driver: the task failed with {@code error} (exception class, message, stack trace);
     * {@code missingBlock > 0} when it failed because that input block could not be had (its holder is
     * gone or evicted it), which the driver repairs by recomputing the block; {@code -1} when the
     * worker no longer had the job's function.
     */
    record TaskFailed(long taskId, String error, long missingBlock) implements Message {
    }

    /** Driver to worker: the driver no longer needs these blocks. */
    record ReleaseBlocks(long[] blockIds) implements Message {
    }

    /** Peer to block server, after the server's {@link Challenge}: versions and HMAC of the nonce. */
    record PeerHello(int protocolVersion, String codeVersion, byte[] proof) implements Message {
    }

    /** Peer to block server: send element {@code element} of block {@code blockId} (-1: the whole block). */
    record FetchBlock(long requestId, long blockId, int element) implements Message {
    }

    /**
     * Block server to peer: the encoded block or element; {@code null} if the server does not have it, or
     * cannot send it, then {@code error} says why ({@code null}: it does not have it).
     */
    record BlockData(long requestId, byte[] data, String error) implements Message {
    }
}
