package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's side of the handshake against a scripted fake driver and a real one. */
class WorkerHandshakeTest {
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    private static Message read(DataInputStream in) throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        EmbeddedChannel decoder = MessageCodecTest.channel(1 << 20);
        decoder.writeInbound(Unpooled.buffer().writeInt(frame.length).writeBytes(frame));
        return decoder.readInbound();
    }

    private static void write(Socket s, Message m) throws IOException {
        s.getOutputStream().write(ByteBufUtil.getBytes(MessageCodecTest.encode(m)));
    }

    /**
     * Runs a worker against a fake driver that sends {@code challenge} and then, given the worker's
     * answer, {@code reply} (or nothing if it returns null); returns the worker's failure.
     */
    private static String against(Message.Challenge challenge, Function<Message, Message> reply, String secret)
            throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Message> answer = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    write(s, challenge);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    Message m = read(in);
                    Message r = reply.apply(m);
                    if (r != null) {
                        write(s, r);
                        s.getInputStream().readAllBytes();
                    }
                    return m;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (Worker w = Worker.connect("127.0.0.1", server.getLocalPort(), 1, secret, 1 << 20)) {
                assertEquals(1, w.awaitTermination());
                assertFalse(w.isRegistered());
                answer.get(10, TimeUnit.SECONDS);
                return w.failure();
            }
        }
    }

    private static Message.Challenge challenge(String codeVersion, int maxFrame) {
        return new Message.Challenge(Message.PROTOCOL_VERSION, codeVersion, Wire.nonce(), 100, 1000, maxFrame);
    }

    @Test
    void shouldRefuseADriverRunningOtherCode() throws Exception {
        String failure = against(challenge("9.9+other", 1 << 20), m -> {
            assertInstanceOf(Message.Reject.class, m);
            return null;
        }, null);
        assertEquals("the driver runs code 9.9+other, this worker " + CodeVersion.current()
                + "; start the worker with the driver's jar", failure);
    }

    @Test
    void shouldRefuseADriverSendingBiggerFramesThanItAccepts() throws Exception {
        String failure = against(challenge(CodeVersion.current(), 1 << 21), m -> null, null);
        assertEquals("the driver sends frames of up to 2097152 bytes, this worker accepts 1048576; start it with"
                + " --max-frame-bytes 2097152", failure);
    }

    @Test
    void shouldRefuseADriverThatCannotProveTheSecret() throws Exception {
        String failure = against(challenge(CodeVersion.current(), 1 << 20),
                m -> new Message.Welcome(1, new byte[32], "", new Serialization(java.util.List.of()).fingerprint(), 1000L),
                "secret");
        assertEquals("the driver did not prove it knows the secret", failure);
    }

    @Test
    void shouldReportTheDriversReasonForRejectingIt() throws Exception {
        try (ClusterExecutor driver = ClusterExecutor.listen(ClusterOptions.defaults().withSecret("right"));
             Worker w = Worker.connect("127.0.0.1", driver.address().getPort(), 1, "wrong", 1 << 26)) {
            assertEquals(1, w.awaitTermination());
            assertEquals("the driver rejected this worker: wrong secret", w.failure());
            assertEquals(0, driver.workers().size());
        }
    }
}
