package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.sink.FramePacing;

class DashboardSinkTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<byte[]> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldServeThePageTheChartListAndTheLatestFrames() throws Exception {
        LiveLines chart = LiveLines.metrics("rmse", List.of("rmse"), 100);
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 300, 200, FramePacing.unpaced())) {
            web.add(chart);
            chart.append(1, 0.5);
            chart.publish();
            assertTrue(web.awaitFrames(1, 5000));
            URI base = web.uri();

            HttpResponse<byte[]> page = get(base, "/");
            String html = new String(page.body(), StandardCharsets.UTF_8);
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            assertTrue(html.contains("new EventSource('events')"));
            assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\""),
                    "the page loads nothing from elsewhere");

            String json = new String(get(base, "/charts.json").body(), StandardCharsets.UTF_8);
            assertTrue(json.startsWith("[{\"name\":\"rmse\",\"title\":\"Prequential metrics\",\"version\":"), json);

            HttpResponse<byte[]> png = get(base, "/chart/rmse.png?v=1");
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
            byte[] magic = new byte[4];
            System.arraycopy(png.body(), 0, magic, 0, 4);
            assertArrayEquals(PNG_MAGIC, magic);

            assertEquals(404, get(base, "/chart/nope.png").statusCode());
            assertEquals(404, get(base, "/../etc/passwd").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(base).POST(HttpRequest.BodyPublishers
                    .ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void shouldAnnounceEveryChartToANewEventClientAndThenEachNewFrame() throws Exception {
        LiveLines chart = LiveLines.metrics("loss", List.of("loss"), 100);
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced())) {
            web.add(chart);
            assertTrue(web.awaitFrames(1, 5000));
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(web.uri().resolve("/events"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream; charset=utf-8", events.headers().firstValue("content-type").orElse(""));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(),
                    StandardCharsets.UTF_8))) {
                assertEquals("event: frame", lines.readLine());
                assertEquals("data: {\"name\":\"loss\",\"title\":\"Prequential metrics\",\"version\":0}",
                        lines.readLine());
                assertTrue(web.awaitClients(1, 5000));
                chart.append(1, 2.0);
                chart.publish();
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && !line.startsWith("data:"));
                assertEquals("data: {\"name\":\"loss\",\"title\":\"Prequential metrics\",\"version\":1}", line);
            }
        }
    }

    @Test
    void shouldRejectABadPortAndSayWhichAddressIsTaken() {
        assertThrows(IllegalArgumentException.class,
                () -> DashboardSink.start("127.0.0.1", 70000, 100, 100, FramePacing.unpaced()));
        try (DashboardSink first = DashboardSink.start("127.0.0.1", 0, 100, 100, FramePacing.unpaced())) {
            int port = first.address().getPort();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DashboardSink.start("127.0.0.1", port, 100, 100, FramePacing.unpaced()));
            assertTrue(e.getMessage().startsWith("cannot start the dashboard on 127.0.0.1:" + port), e.getMessage());
        }
    }

    @Test
    void shouldEscapeTitlesInEvents() {
        assertEquals("\"a\\\"b\\u003c/script\\u003e\\n\"", ChartFrame.quote("a\"b</script>\n"));
    }
}
