package org.streamml.streaming.cluster;

/**
 * A task input block that could not be had: its holder is gone, evicted it, or could not be reached.
 * The driver repairs it by recomputing the block from its lineage and running the task again.
 */
final class BlockMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long blockId;

    BlockMissingException(long blockId, String reason) {
        super("block " + blockId + " is not available: " + reason);
        this.blockId = blockId;
    }

    /** The missing block. */
    long blockId() {
        return blockId;
    }
}
