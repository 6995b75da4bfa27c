package org.streamml.streaming.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static final String SECRET = "correct horse";
    private LogCapture logs;
    private DriverServer server;
    private final List<Integer> joined = new ArrayList<>();

    @BeforeEach
    void setUp() {
        logs = new LogCapture();
        ClusterOptions o = ClusterOptions.defaults().withSecret(SECRET).registerClasses(TestPoint.class);
        server = new DriverServer(o, new Serialization(o.classes()), "1.0+abc", new DriverServer.Listener() {
            @Override
            public void joined(int workerId, Channel channel, Message.Register registration) {
                joined.add(workerId);
            }

            @Override
            public void received(int workerId, Message message) {
            }

            @Override
            public void lost(int workerId) {
            }
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
        logs.close();
    }

    private EmbeddedChannel driverSide() {
        return new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                Wire.configure(ch, 1 << 20, 1000, 5000, server.newHandshake());
            }
        });
    }

    /** Feeds the driver's outbound bytes to a decoding channel and returns the message. */
    private static Message sent(EmbeddedChannel driver) {
        EmbeddedChannel decoder = MessageCodecTest.channel(1 << 20);
        ByteBuf out = driver.readOutbound();
        assertNotNull(out, "the driver sent nothing");
        decoder.writeInbound(out);
        return decoder.readInbound();
    }

    private static Message.Register register(String codeVersion, byte[] proof) {
        return new Message.Register(Message.PROTOCOL_VERSION, codeVersion, proof, Wire.nonce(), 2, 1L, "h", 7078);
    }

    @Test
    void shouldAdmitAWorkerThatProvesTheSecretAndProveItselfInReturn() {
        EmbeddedChannel driver = driverSide();
        Message.Challenge c = (Message.Challenge) sent(driver);
        assertEquals(Message.PROTOCOL_VERSION, c.protocolVersion());
        assertEquals("1.0+abc", c.codeVersion());
        Message.Register r = register("1.0+abc", Wire.proof(SECRET, c.nonce(), "worker"));
        driver.writeInbound(MessageCodecTest.encode(r));
        Message.Welcome w = (Message.Welcome) sent(driver);
        assertTrue(Wire.verify(SECRET, r.nonce(), "driver", w.proof()));
        assertEquals(TestPoint.class.getName(), w.classes());
        assertEquals(List.of(w.workerId()), joined);
        assertTrue(driver.isOpen());
    }

    @Test
    void shouldRejectAWrongSecretAndKeepServing() throws InterruptedException {
        EmbeddedChannel driver = driverSide();
        Message.Challenge c = (Message.Challenge) sent(driver);
        driver.writeInbound(MessageCodecTest.encode(register("1.0+abc", Wire.proof("guess", c.nonce(), "worker"))));
        assertEquals(new Message.Reject("wrong secret"), sent(driver));
        assertFalse(driver.isOpen());
        assertTrue(joined.isEmpty());
        assertNotNull(logs.await("wrong secret", 1000));
        shouldAdmitAWorkerThatProvesTheSecretAndProveItselfInReturn();
    }

    @Test
    void shouldRejectAReplayedProofForAnotherNonce() {
        EmbeddedChannel first = driverSide();
        Message.Challenge c1 = (Message.Challenge) sent(first);
        byte[] proof = Wire.proof(SECRET, c1.nonce(), "worker");
        EmbeddedChannel second = driverSide();
        sent(second);
        second.writeInbound(MessageCodecTest.encode(register("1.0+abc", proof)));
        assertEquals(new Message.Reject("wrong secret"), sent(second));
    }

    @Test
    void shouldRejectAnotherCodeVersionWithAClearReason() throws InterruptedException {
        EmbeddedChannel driver = driverSide();
        Message.Challenge c = (Message.Challenge) sent(driver);
        driver.writeInbound(MessageCodecTest.encode(register("2.0+def", Wire.proof(SECRET, c.nonce(), "worker"))));
        Message.Reject reject = assertInstanceOf(Message.Reject.class, sent(driver));
        assertEquals("code version 2.0+def is not the driver's 1.0+abc; start workers with the driver's jar",
                reject.reason());
        assertFalse(driver.isOpen());
        assertNotNull(logs.await("code version 2.0+def", 1000));
    }

    @Test
    void shouldRejectAnyOtherMessageBeforeRegistration() {
        EmbeddedChannel driver = driverSide();
        sent(driver);
        driver.writeInbound(MessageCodecTest.encode(new Message.TaskResult(1, new byte[0], 0, 0)));
        assertEquals(new Message.Reject("expected a registration, got TaskResult"), sent(driver));
        assertFalse(driver.isOpen());
    }

    @Test
    void shouldComputeProofsThatDependOnSecretNonceAndRole() {
        byte[] nonce = Wire.nonce();
        assertArrayEquals(Wire.proof("a", nonce, "worker"), Wire.proof("a", nonce, "worker"));
        assertFalse(Wire.verify("b", nonce, "worker", Wire.proof("a", nonce, "worker")));
        assertFalse(Wire.verify("a", nonce, "driver", Wire.proof("a", nonce, "worker")));
        assertFalse(Wire.verify("a", Wire.nonce(), "worker", Wire.proof("a", nonce, "worker")));
    }
}
