package org.streamml.streaming.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageCodec;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wire format: each message is a frame of a 4-byte big-endian length and that many bytes of kryo
 * encoding one {@link Message} (registration required: only message types, strings and byte arrays,
 * whose lengths are checked against the frame before anything is allocated). A frame longer than the
 * maximum, a frame that does not decode to exactly one message, or a message too big to send raise an
 * exception; the pipeline's last handler then logs it and closes the connection.
 */
final class MessageCodec extends ByteToMessageCodec<Message> {
    private final int maxFrameBytes;
    private final Kryo kryo = newKryo();

    private MessageCodec(int maxFrameBytes) {
        super(Message.class);
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Adds the frame decoder and the message codec to {@code pipeline}. */
    static void install(ChannelPipeline pipeline, int maxFrameBytes) {
        pipeline.addLast("frames", new LengthFieldBasedFrameDecoder(maxFrameBytes, 0, 4, 0, 4, true));
        pipeline.addLast("messages", new MessageCodec(maxFrameBytes));
    }

    private static Kryo newKryo() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(true);
        k.setReferences(false);
        k.register(byte[].class, new BoundedBytes());
        k.register(String.class, new BoundedString());
        k.register(Message.Challenge.class);
        k.register(Message.Register.class);
        k.register(Message.Welcome.class);
        k.register(Message.Reject.class);
        k.register(Message.Heartbeat.class);
        k.register(Message.RunTask.class);
        k.register(Message.TaskResult.class);
        k.register(Message.TaskFailed.class);
        k.register(long[].class, new BoundedLongs());
        k.register(Message.ReleaseBlocks.class);
        k.register(Message.PeerHello.class);
        k.register(Message.FetchBlock.class);
        k.register(Message.BlockData.class);
        return k;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        try (Output o = new Output(new ByteBufOutputStream(out), 8192)) {
            kryo.writeClassAndObject(o, msg);
        } catch (KryoException e) {
            out.writerIndex(start);
            throw new EncoderException("cannot encode " + msg.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        int length = out.writerIndex() - start - 4;
        if (length > maxFrameBytes - 4) {
            out.writerIndex(start);
            throw new EncoderException(msg.getClass().getSimpleName() + " of " + length
                    + " bytes is over the maximum frame size " + maxFrameBytes);
        }
        out.setInt(start, length);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        byte[] frame = new byte[in.readableBytes()];
        in.readBytes(frame);
        Object msg;
        try {
            Input input = new Input(frame);
            msg = kryo.readClassAndObject(input);
            if (input.position() != frame.length) {
                throw new CorruptedFrameException((frame.length - input.position()) + " bytes left after a message");
            }
        } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new CorruptedFrameException("malformed message: " + e.getMessage(), e);
        }
        if (!(msg instanceof Message)) {
            throw new CorruptedFrameException("not a message: " + (msg == null ? "null" : msg.getClass().getName()));
        }
        out.add(msg);
    }

    private static int checkedLength(Input input) {
        int n = input.readVarInt(true) - 1;
        if (n < -1 || n > input.limit() - input.position()) {
            throw new KryoException("length " + n + " exceeds the " + (input.limit() - input.position())
                    + " bytes left in the frame");
        }
        return n;
    }

    /** Byte arrays, length-checked against the frame before allocation; {@code null} allowed. */
    private static final class BoundedBytes extends Serializer<byte[]> {
        BoundedBytes() {
            super(true);
        }

        @Override
        public void write(Kryo k, Output output, byte[] bytes) {
            output.writeVarInt(bytes == null ? 0 : bytes.length + 1, true);
            if (bytes != null) {
                output.writeBytes(bytes);
            }
        }

        @Override
        public byte[] read(Kryo k, Input input, Class<? extends byte[]> type) {
            int n = checkedLength(input);
            return n < 0 ? null : input.readBytes(n);
        }
    }

    /** Long arrays, length-checked against the frame before allocation; {@code null} allowed. */
    private static final class BoundedLongs extends Serializer<long[]> {
        BoundedLongs() {
            super(true);
        }

        @Override
        public void write(Kryo k, Output output, long[] values) {
            output.writeVarInt(values == null ? 0 : values.length + 1, true);
            if (values != null) {
                output.writeLongs(values, 0, values.length);
            }
        }

        @Override
        public long[] read(Kryo k, Input input, Class<? extends long[]> type) {
            int n = checkedLength(input);
            return n < 0 ? null : input.readLongs(n);
        }
    }

    /** Strings as UTF-8, length-checked against the frame before allocation; {@code null} allowed. */
    private static final class BoundedString extends Serializer<String> {
        BoundedString() {
            super(true, true);
        }

        @Override
        public void write(Kryo k, Output output, String s) {
            byte[] utf8 = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
            output.writeVarInt(utf8 == null ? 0 : utf8.length + 1, true);
            if (utf8 != null) {
                output.writeBytes(utf8);
            }
        }

        @Override
        public String read(Kryo k, Input input, Class<? extends String> type) {
            int n = checkedLength(input);
            return n < 0 ? null : new String(input.readBytes(n), StandardCharsets.UTF_8);
        }
    }
}
