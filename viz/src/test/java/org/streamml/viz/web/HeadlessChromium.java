package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A headless Chromium process driven over the DevTools protocol, for tests; fails clearly if Chromium is missing. */
final class HeadlessChromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_SOCKET = Pattern.compile(
            "\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");
    private final Process process;
    private final URI devtools;

    private HeadlessChromium(Process process, URI devtools) {
        this.process = process;
        this.devtools = devtools;
    }

    /** The Chromium executable: $STREAMML_CHROMIUM, or chromium / chromium-browser on the PATH. */
    static Path find() {
        String env = System.getenv("STREAMML_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return fail("Chromium was not found on the PATH (looked for chromium and chromium-browser, or set "
                + "STREAMML_CHROMIUM): install the Debian package 'chromium' (it is listed in .ci/packages, which "
                + ".ci/run installs) to run the dashboard browser test");
    }

    /** Starts Chromium headless with a fresh profile in {@code profile}, opening {@code url}. */
    static HeadlessChromium launch(Path executable, Path profile, URI url) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=1400,900", url.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("chromium ended without opening DevTools"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        URI ws;
        try {
            ws = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            synchronized (lines) {
                return fail("chromium did not start its DevTools server: " + e + "\nstderr:\n"
                        + String.join("\n", lines));
            }
        }
        return new HeadlessChromium(process, ws);
    }

    /** Opens a DevTools session on the page Chromium was started with. */
    CdpSession page() throws Exception {
        URI list = URI.create("http://" + devtools.getHost() + ":" + devtools.getPort() + "/json/list");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String body = http.send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PAGE_SOCKET.matcher(body);
        if (!m.find()) {
            return fail("no page target in " + body);
        }
        return CdpSession.connect(http, URI.create(m.group(1)));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
