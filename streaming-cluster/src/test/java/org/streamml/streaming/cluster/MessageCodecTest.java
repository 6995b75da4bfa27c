package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final int MAX = 4096;
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    /** A channel with the real pipeline and a pass-through session handler. */
    static EmbeddedChannel channel(int maxFrame) {
        EmbeddedChannel ch = new EmbeddedChannel();
        Wire.configure(ch, maxFrame, 1000, 5000, new ChannelInboundHandlerAdapter());
        return ch;
    }

    /** The bytes of {@code msg} on the wire. */
    static ByteBuf encode(Message msg) {
        EmbeddedChannel ch = channel(1 << 20);
        ch.writeOutbound(msg);
        return ch.readOutbound();
    }

    @Test
    void shouldRoundTripEveryMessageType() throws ReflectiveOperationException {
        Message[] messages = {
            new Message.Challenge(1, "v+abc", new byte[] {1, 2, 3}, 100, 1000, 8192),
            new Message.Register(1, "v", new byte[32], new byte[] {9}, 4, 1234L, "host", 7078),
            new Message.Welcome(7, new byte[] {5}, "a.B\nc.D", "fp", 1000L),
            new Message.Reject("wrong secret"),
            new Message.Heartbeat(),
            new Message.RunTask(42L, 3L, new byte[] {1}, new byte[] {2, 3}, 0L),
            new Message.RunTask(44L, 3L, null, new byte[] {2}, 17L),
            new Message.ReleaseBlocks(new long[] {5, 6}),
            new Message.PeerHello(2, "v", new byte[] {1}),
            new Message.FetchBlock(9L, 5L, -1),
            new Message.BlockData(9L, new byte[] {7}, null),
            new Message.BlockData(10L, null, "too big"),
            new Message.TaskResult(42L, new byte[] {4}, 0, 99L),
            new Message.TaskResult(44L, null, 12, 99L),
            new Message.TaskFailed(43L, "java.lang.IllegalStateException: x", 0L),
        };
        for (Message m : messages) {
            EmbeddedChannel in = channel(MAX);
            in.writeInbound(encode(m));
            Object read = in.readInbound();
            if (m instanceof Message.Heartbeat) {
                assertNull(read, "heartbeats are consumed by the heartbeat handler");
                continue;
            }
            assertNotNull(read, m.toString());
            assertEquals(m.getClass(), read.getClass());
            for (java.lang.reflect.RecordComponent c : m.getClass().getRecordComponents()) {
                Object expected = c.getAccessor().invoke(m);
                Object actual = c.getAccessor().invoke(read);
                assertTrue(java.util.Objects.deepEquals(expected, actual), m + ": " + c.getName());
            }
        }
    }

    @Test
    void shouldDecodeMessagesSplitAcrossReadsAndSeveralPerRead() {
        EmbeddedChannel in = channel(MAX);
        ByteBuf two = Unpooled.wrappedBuffer(encode(new Message.Reject("a")), encode(new Message.Reject("b")));
        in.writeInbound(two.readRetainedSlice(3));
        assertNull(in.readInbound());
        in.writeInbound(two);
        assertEquals(new Message.Reject("a"), in.readInbound());
        assertEquals(new Message.Reject("b"), in.readInbound());
    }

    @Test
    void shouldDisconnectAPeerSendingAnOversizedFrame() throws InterruptedException {
        EmbeddedChannel in = channel(MAX);
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(MAX * 10);
        frame.writeZero(64);
        in.writeInbound(frame);
        assertFalse(in.isOpen());
        assertNotNull(logs.await("closing the connection", 1000), logs.lines().toString());
    }

    @Test
    void shouldDisconnectAPeerSendingGarbage() {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            ByteBuf frame = Unpooled.buffer();
            frame.writeInt(junk.length);
            frame.writeBytes(junk);
            EmbeddedChannel in = channel(MAX);
            try {
                in.writeInbound(frame);
            } catch (RuntimeException e) {
                assertInstanceOf(io.netty.handler.codec.DecoderException.class, e);
            }
            Object read = in.readInbound();
            if (in.isOpen()) {
                assertInstanceOf(Message.class, read, "an open channel has decoded a real message");
            }
        }
    }

    @Test
    void shouldDisconnectOnANegativeLengthOrTrailingBytes() {
        EmbeddedChannel negative = channel(MAX);
        negative.writeInbound(Unpooled.buffer().writeInt(-5).writeZero(8));
        assertFalse(negative.isOpen());

        ByteBuf valid = encode(new Message.Reject("x"));
        int length = valid.getInt(0);
        ByteBuf padded = Unpooled.buffer().writeInt(length + 2).writeBytes(valid, 4, length).writeZero(2);
        EmbeddedChannel trailing = channel(MAX);
        trailing.writeInbound(padded);
        assertFalse(trailing.isOpen());
    }

    @Test
    void shouldRejectAByteArrayLongerThanItsFrameBeforeAllocatingIt() {
        ByteBuf valid = encode(new Message.RunTask(1, 1, new byte[100], new byte[0], 0));
        ByteBuf cut = Unpooled.buffer().writeInt(40).writeBytes(valid, 4, 40);
        EmbeddedChannel in = channel(MAX);
        in.writeInbound(cut);
        assertFalse(in.isOpen());
    }

    @Test
    void shouldRefuseToSendAMessageOverTheMaximumFrame() {
        EmbeddedChannel out = channel(MAX);
        var future = out.writeAndFlush(new Message.RunTask(1, 1, new byte[MAX], new byte[0], 0));
        assertFalse(future.isSuccess());
        assertInstanceOf(io.netty.handler.codec.EncoderException.class, future.cause());
        assertTrue(future.cause().getMessage().contains("over the maximum frame size " + MAX),
                future.cause().getMessage());
        assertNull(out.readOutbound());
    }

    @Test
    void shouldSendHeartbeatsWhenIdleAndDropASilentPeer() throws InterruptedException {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        Wire.configure(ch, MAX, 100, 350, new ChannelInboundHandlerAdapter());
        ch.advanceTimeBy(150, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ByteBuf beat = ch.readOutbound();
        assertNotNull(beat, "a heartbeat after an idle interval");
        EmbeddedChannel peer = channel(MAX);
        peer.writeInbound(beat);
        assertNull(peer.readInbound());
        assertFalse(!ch.isOpen(), "still open before the timeout");
        ch.advanceTimeBy(300, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isOpen(), "closed after the timeout without a message");
        assertNotNull(logs.await("no message from", 1000));
    }
}
