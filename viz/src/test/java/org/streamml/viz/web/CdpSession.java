package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal Chrome DevTools Protocol client over the JDK's WebSocket: calls a method and waits for its reply. */
final class CdpSession implements AutoCloseable {
    private static final Pattern STRING_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
    private static final Pattern REQUEST_URL = Pattern.compile("\"request\"\\s*:\\s*\\{\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final WebSocket socket;
    private final BlockingQueue<String> messages;
    private int nextId = 1;

    private CdpSession(WebSocket socket, BlockingQueue<String> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    /** The URL of every request the page sent since {@code Network.enable} (DevTools Network events). */
    private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

    static CdpSession connect(HttpClient http, URI uri) throws Exception {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        CdpSession[] session = new CdpSession[1];
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String msg = partial.toString();
                            partial.setLength(0);
                            if (msg.startsWith("{\"method\":")) {
                                session[0].event(msg);
                            } else {
                                inbox.add(msg);
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        session[0] = new CdpSession(ws, inbox);
        return session[0];
    }

    private void event(String msg) {
        if (msg.startsWith("{\"method\":\"Network.requestWillBeSent\"")) {
            Matcher m = REQUEST_URL.matcher(msg);
            if (m.find()) {
                requests.add(m.group(1));
            }
        } else if (msg.startsWith("{\"method\":\"Page.loadEventFired\"")) {
            synchronized (loads) {
                loads.incrementAndGet();
                loads.notifyAll();
            }
        }
    }

    /** The URLs the page requested since {@link #enableEvents()}, in order. */
    java.util.List<String> requests() {
        return java.util.List.copyOf(requests);
    }

    /** Turns on the Network and Page events this session records. */
    void enableEvents() throws Exception {
        call("Network.enable", "{}", 10_000);
        call("Page.enable", "{}", 10_000);
    }

    /** Opens {@code url} in the page and waits (at most {@code timeoutMillis}) for its load event. */
    void navigate(String url, long timeoutMillis) throws Exception {
        int before = loads.get();
        call("Page.navigate", "{\"url\":" + Json.quote(url) + "}", timeoutMillis);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (loads) {
            while (loads.get() == before) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    fail("the page did not load " + url + " within " + timeoutMillis + " ms");
                }
                loads.wait(left);
            }
        }
    }

    /** Presses the left mouse button at (x1, y), drags to (x2, y) and releases it, as a user selecting a range. */
    void drag(double x1, double x2, double y) throws Exception {
        mouse("mousePressed", x1, y, 1);
        mouse("mouseMoved", (x1 + x2) / 2, y, 1);
        mouse("mouseMoved", x2, y, 1);
        mouse("mouseReleased", x2, y, 0);
    }

    private void mouse(String type, double x, double y, int buttons) throws Exception {
        call("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + x + ",\"y\":" + y
                + ",\"button\":\"left\",\"buttons\":" + buttons + ",\"clickCount\":1}", 10_000);
    }

    /** Sends {@code method} with {@code paramsJson} and returns the raw JSON reply. */
    String call(String method, String paramsJson, long timeoutMillis) throws Exception {
        int id = nextId++;
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true)
                .get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String prefix = "{\"id\":" + id + ",";
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            String msg = left > 0 ? messages.poll(left, TimeUnit.MILLISECONDS) : null;
            if (msg == null) {
                return fail("no reply to " + method + " within " + timeoutMillis + " ms");
            }
            if (msg.startsWith(prefix)) {
                if (msg.contains("\"exceptionDetails\"") || msg.startsWith(prefix + "\"error\"")) {
                    return fail(method + " failed: " + msg);
                }
                return msg;
            }
        }
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its string value. */
    String evaluate(String expression, long timeoutMillis) throws Exception {
        String reply = call("Runtime.evaluate", "{\"expression\":" + Json.quote(expression)
                + ",\"awaitPromise\":true,\"returnByValue\":true}", timeoutMillis);
        Matcher m = STRING_VALUE.matcher(reply);
        if (!m.find()) {
            return fail("the expression did not return a string: " + reply);
        }
        return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** A PNG screenshot of the page. */
    byte[] screenshot() throws Exception {
        String reply = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true}", 30_000);
        Matcher m = DATA.matcher(reply);
        if (!m.find()) {
            return fail("no screenshot data in the reply");
        }
        return java.util.Base64.getDecoder().decode(m.group(1));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
