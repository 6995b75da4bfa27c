package org.streamml.streaming.cluster;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.streamml.streaming.BatchExecutor;

/**
 * A registered worker's message handler: runs each task on the worker's thread pool (decode the
 * function and the input, apply, encode the result) and answers with its result or its failure.
 */
final class WorkerSession extends SimpleChannelInboundHandler<Message> {
    private static final int MAX_ERROR_CHARS = 16 * 1024;
    private static final int MAX_CACHED_FUNCTIONS = 64;

    private final ExecutorService pool;
    private final Serialization serialization;
    private final int maxFrameBytes;
    private final Map<ByteBuffer, Object> functions = new ConcurrentHashMap<>();

    WorkerSession(ExecutorService pool, Serialization serialization, int maxFrameBytes) {
        this.pool = pool;
        this.serialization = serialization;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
        if (msg instanceof Message.RunTask task) {
            Channel ch = ctx.channel();
            try {
                pool.execute(() -> ch.writeAndFlush(run(task)));
            } catch (RejectedExecutionException e) {
                ctx.close();
            }
        } else {
            Wire.LOG.log(System.Logger.Level.WARNING, "the driver sent an unexpected " + msg.getClass().getSimpleName()
                    + "; disconnecting");
            ctx.close();
        }
    }

    private Message run(Message.RunTask task) {
        long start = System.nanoTime();
        try {
            BatchExecutor.PartitionFunction<Object, Object> f = function(task.function());
            Object result = f.apply(serialization.deserialize(task.input()));
            byte[] encoded = serialization.serialize(result);
            if ((long) encoded.length + 64 > maxFrameBytes) {
                throw new IllegalStateException("the task's result of " + encoded.length
                        + " bytes is over the maximum frame size " + maxFrameBytes);
            }
            return new Message.TaskResult(task.taskId(), encoded, System.nanoTime() - start);
        } catch (Throwable e) {
            return new Message.TaskFailed(task.taskId(), describe(e));
        }
    }

    /**
     * The decoded task function: the tasks of one job share their function's bytes, so each is decoded
     * once (functions are stateless by contract, as in local mode where all tasks share one instance).
     */
    @SuppressWarnings("unchecked")
    private BatchExecutor.PartitionFunction<Object, Object> function(byte[] bytes) {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        Object f = functions.get(key);
        if (f == null) {
            f = serialization.deserialize(bytes);
            if (functions.size() >= MAX_CACHED_FUNCTIONS) {
                functions.clear();
            }
            functions.put(key, f);
        }
        return (BatchExecutor.PartitionFunction<Object, Object>) f;
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
