package org.streamml.streaming.cluster;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.streamml.streaming.BatchExecutor;

/**
 * A registered worker's message handler: runs each task on the worker's thread pool (decode the
 * function and the input, apply, then keep the result in the block store or encode it) and answers with
 * its result or its failure; drops the blocks the driver releases. Task inputs that reference blocks
 * are resolved while decoding: a block of this worker's store is used in place (read-only), a block
 * elsewhere and every shuffle bucket are fetched or copied, so a task never changes data another task
 * may read again.
 */
final class WorkerSession extends SimpleChannelInboundHandler<Message> {
    private static final int MAX_ERROR_CHARS = 16 * 1024;
    private static final int MAX_CACHED_FUNCTIONS = 256;

    private final ExecutorService pool;
    private final Serialization plain;
    private final Serialization serialization;
    private final int maxFrameBytes;
    private final int workerId;
    private final BlockStore store;
    private final BlockClient blocks;
    private final Map<Long, Object> functions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > MAX_CACHED_FUNCTIONS;
        }
    };

    WorkerSession(ExecutorService pool, Serialization serialization, int maxFrameBytes, int workerId,
                  BlockStore store, BlockClient blocks) {
        this.pool = pool;
        this.plain = serialization;
        this.serialization = serialization.withResolver(this::resolve);
        this.maxFrameBytes = maxFrameBytes;
        this.workerId = workerId;
        this.store = store;
        this.blocks = blocks;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
        if (msg instanceof Message.RunTask task) {
            Channel ch = ctx.channel();
            BatchExecutor.PartitionFunction<Object, Object> f;
            try {
                f = function(task.jobId(), task.function());
            } catch (RuntimeException e) {
                ch.writeAndFlush(new Message.TaskFailed(task.taskId(), describe(e), 0));
                return;
            }
            try {
                pool.execute(() -> ch.writeAndFlush(run(task, f)));
            } catch (RejectedExecutionException e) {
                ctx.close();
            }
        } else if (msg instanceof Message.ReleaseBlocks r && r.blockIds() != null) {
            store.release(r.blockIds());
        } else {
            Wire.LOG.warn("the driver sent an unexpected " + msg.getClass().getSimpleName()
                    + "; disconnecting");
            ctx.close();
        }
    }

    private Message run(Message.RunTask task, BatchExecutor.PartitionFunction<Object, Object> f) {
        long start = System.nanoTime();
        try {
            if (f == null) {
                return new Message.TaskFailed(task.taskId(), "the function of job " + task.jobId() + " is not cached", -1);
            }
            Object result = f.apply(serialization.deserialize(task.input()));
            if (task.keepAs() > 0) {
                if (!(result instanceof List<?> partition)) {
                    throw new IllegalStateException("a partition task returned "
                            + (result == null ? "null" : result.getClass().getName()) + ", not a list");
                }
                store.put(task.keepAs(), partition);
                return new Message.TaskResult(task.taskId(), null, partition.size(), System.nanoTime() - start);
            }
            byte[] encoded = plain.serialize(result);
            if ((long) encoded.length + 64 > maxFrameBytes) {
                throw new IllegalStateException("the task's result of " + encoded.length
                        + " bytes is over the maximum frame size " + maxFrameBytes);
            }
            return new Message.TaskResult(task.taskId(), encoded, 0, System.nanoTime() - start);
        } catch (Throwable e) {
            BlockMissingException missing = missingBlock(e);
            return missing != null ? new Message.TaskFailed(task.taskId(), missing.getMessage(), missing.blockId())
                    : new Message.TaskFailed(task.taskId(), describe(e), 0);
        }
    }

    /**
     * The decoded function of job {@code jobId}: sent with the first task of the job this worker gets and
     * decoded once, on the network thread so that the job's next tasks find it (functions are stateless by contract, as in local mode where all tasks share one
     * instance); {@code null} if it was not sent and is no longer cached.
     */
    @SuppressWarnings("unchecked")
    private BatchExecutor.PartitionFunction<Object, Object> function(long jobId, byte[] bytes) {
        synchronized (functions) {
            Object f = functions.get(jobId);
            if (f == null && bytes != null) {
                f = plain.deserialize(bytes);
                functions.put(jobId, f);
            }
            return (BatchExecutor.PartitionFunction<Object, Object>) f;
        }
    }

    /** Resolves a block reference of a task input (see {@link BlockRefSerializer}). */
    private Object resolve(long blockId, int element, int holder, String host, int port) throws BlockMissingException {
        if (holder == workerId) {
            List<?> block = store.get(blockId);
            if (block == null) {
                throw new BlockMissingException(blockId, "worker " + workerId + " evicted it");
            }
            if (element < 0) {
                return Collections.unmodifiableList(block);
            }
            if (element >= block.size()) {
                throw new BlockMissingException(blockId, "it has no element " + element);
            }
            return plain.deserialize(plain.serialize(block.get(element)));
        }
        return plain.deserialize(blocks.fetch(host, port, blockId, element));
    }

    private static BlockMissingException missingBlock(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BlockMissingException m) {
                return m;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        String s = sw.toString();
        return s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS) + "\n\t...";
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pool.shutdownNow();
        ctx.fireChannelInactive();
    }
}
