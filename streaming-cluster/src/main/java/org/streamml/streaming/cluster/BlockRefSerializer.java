package org.streamml.streaming.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.List;
import java.util.function.Consumer;

/**
 * Kryo serializer for references to kept blocks ({@link KeptBlock} handles and
 * {@link KeptBlock.BucketRef}s) inside task inputs. The driver writes where the block is (block id,
 * worker, that worker's block server) instead of its records, or the records themselves when its
 * worker is gone but the driver has read them; a worker reads the reference back as the block's records
 * (or the bucket), taken from its own store or fetched from the holder through a {@link Resolver}.
 */
final class BlockRefSerializer extends Serializer<Object> {

    /** Turns a reference back into records on a worker. */
    interface Resolver {
        /**
         * The block {@code blockId} held by {@code workerId} (block server {@code host:port}), or its
         * element {@code element} when {@code element >= 0}.
         */
        Object resolve(long blockId, int element, int workerId, String host, int port) throws BlockMissingException;
    }

    /** What the driver needs to write a reference. */
    interface Directory {
        /** The block server of worker {@code workerId}, or {@code null} if that worker is gone. */
        HostPort blockServer(int workerId);
    }

    /** A block that could not be resolved while decoding, carrying the checked cause. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(BlockMissingException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final ThreadLocal<Consumer<Object>> COLLECTOR = new ThreadLocal<>();

    private final Directory directory;
    private final Resolver resolver;

    BlockRefSerializer(Directory directory, Resolver resolver) {
        this.directory = directory;
        this.resolver = resolver;
    }

    /** Runs {@code encode} handing every reference it writes on this thread to {@code refs}. */
    static byte[] collecting(Consumer<Object> refs, java.util.function.Supplier<byte[]> encode) {
        Consumer<Object> previous = COLLECTOR.get();
        COLLECTOR.set(refs);
        try {
            return encode.get();
        } finally {
            COLLECTOR.set(previous);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, Object ref) {
        KeptBlock<?> block = ref instanceof KeptBlock.BucketRef b ? b.output() : (KeptBlock<?>) ref;
        int element = ref instanceof KeptBlock.BucketRef b ? b.bucket() : -1;
        Consumer<Object> collector = COLLECTOR.get();
        if (collector != null) {
            collector.accept(ref);
        }
        KeptBlock.Location at = block.location();
        HostPort server = directory == null ? null : directory.blockServer(at.workerId());
        List<?> fetched = block.fetchedRecords();
        if (server == null && fetched != null) {
            output.writeByte(1);
            kryo.writeClassAndObject(output, element < 0 ? fetched : fetched.get(element));
            return;
        }
        output.writeByte(0);
        output.writeVarLong(at.blockId(), true);
        output.writeVarInt(element + 1, true);
        output.writeVarInt(at.workerId(), true);
        output.writeString(server == null ? "" : server.host());
        output.writeVarInt(server == null ? 0 : server.port(), true);
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        byte kind = input.readByte();
        if (kind == 1) {
            return kryo.readClassAndObject(input);
        }
        if (kind != 0) {
            throw new KryoException("bad block reference kind " + kind);
        }
        long blockId = input.readVarLong(true);
        int element = input.readVarInt(true) - 1;
        int workerId = input.readVarInt(true);
        String host = input.readString();
        int port = input.readVarInt(true);
        if (resolver == null) {
            throw new KryoException("block references are only read on workers");
        }
        try {
            return resolver.resolve(blockId, element, workerId, host, port);
        } catch (BlockMissingException e) {
            throw new Unresolved(e);
        }
    }
}
