package org.streamml.streaming.cluster;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a connection both sides share: the pipeline (frames, messages, heartbeats, the
 * session's handler, and a last handler that logs and closes on any error), the secret's
 * challenge-response proofs, and the cluster logger.
 */
final class Wire {
    /** The logger of the cluster package. */
    static final Logger LOG = LoggerFactory.getLogger("org.streamml.streaming.cluster");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Wire() {
    }

    /** Sets up {@code ch}'s pipeline with {@code session} as the handler of incoming messages. */
    static void configure(Channel ch, int maxFrameBytes, long heartbeatMillis, long timeoutMillis,
                          ChannelInboundHandlerAdapter session) {
        ChannelPipeline p = ch.pipeline();
        MessageCodec.install(p, maxFrameBytes);
        p.addLast("idle", idleHandler(heartbeatMillis, timeoutMillis));
        p.addLast("heartbeat", new Heartbeats(timeoutMillis));
        p.addLast("session", session);
        p.addLast("errors", new CloseOnError());
    }

    /** An idle-state handler: writer idle after the interval, reader idle after the timeout. */
    static IdleStateHandler idleHandler(long heartbeatMillis, long timeoutMillis) {
        return new IdleStateHandler(timeoutMillis, heartbeatMillis, 0, TimeUnit.MILLISECONDS);
    }

    /** A fresh random nonce for a challenge. */
    static byte[] nonce() {
        byte[] n = new byte[32];
        RANDOM.nextBytes(n);
        return n;
    }

    /** The proof that the side named {@code role} knows {@code secret}: HMAC-SHA256 of role and nonce. */
    static byte[] proof(String secret, byte[] nonce, String role) {
        if (secret == null) {
            return new byte[0];
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(role.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code given} is the right proof, compared in constant time. */
    static boolean verify(String secret, byte[] nonce, String role, byte[] given) {
        return given != null && MessageDigest.isEqual(proof(secret, nonce, role), given);
    }

    /** Sends a heartbeat when nothing was written for an interval; drops the peer after the timeout. */
    static final class Heartbeats extends ChannelDuplexHandler {
        private volatile long timeoutMillis;

        Heartbeats(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        void timeout(long millis) {
            this.timeoutMillis = millis;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent e && e.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(new Message.Heartbeat());
            } else if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
                LOG.warn("no message from " + ctx.channel().remoteAddress() + " for "
                        + timeoutMillis + " ms; disconnecting");
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof Message.Heartbeat)) {
                ctx.fireChannelRead(msg);
            }
        }
    }

    /** The last inbound handler: logs any error of the connection and closes it. */
    static final class CloseOnError extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable root = cause.getCause() != null && cause.getMessage() != null
                    && cause.getMessage().startsWith(cause.getCause().getClass().getName()) ? cause.getCause() : cause;
            LOG.warn("closing the connection with " + ctx.channel().remoteAddress() + ": "
                    + root);
            ctx.close();
        }
    }
}
