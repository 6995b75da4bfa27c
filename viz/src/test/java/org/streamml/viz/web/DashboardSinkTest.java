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
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveNeural;
import org.streamml.viz.live.NabSeriesChart;
import org.streamml.viz.sink.FramePacing;

class DashboardSinkTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<byte[]> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String text(URI base, String path) throws Exception {
        return new String(get(base, path).body(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldServeThePageItsScriptsTheChartListAndTheLatestData() throws Exception {
        LiveLines chart = LiveLines.metrics("rmse", List.of("rmse"), 100);
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 300, 200, FramePacing.unpaced())) {
            web.add(chart);
            chart.append(1, 0.5);
            chart.append(2, 0.25);
            chart.publish();
            assertTrue(web.awaitFrames(1, 5000));
            URI base = web.uri();
            for (String path : List.of("/", "/streaming", "/models", "/series")) {
                HttpResponse<byte[]> page = get(base, path);
                assertEquals(200, page.statusCode(), path);
                assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), path);
            }
            String html = text(base, "/");
            assertTrue(html.contains("src=\"/assets/uPlot.iife.min.js\""), "the page loads uPlot from the server");
            assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"//"),
                    "the page loads nothing from outside");
            HttpResponse<byte[]> script = get(base, "/assets/uPlot.iife.min.js");
            assertEquals(200, script.statusCode());
            assertTrue(new String(script.body(), StandardCharsets.UTF_8).contains("uPlot"));
            assertEquals("text/css; charset=utf-8", get(base, "/assets/uPlot.min.css").headers()
                    .firstValue("content-type").orElse(""));
            assertEquals(404, get(base, "/assets/nope.js").statusCode());

            String json = text(base, "/charts.json");
            assertTrue(json.startsWith("[{\"name\":\"rmse\",\"title\":\"Prequential metrics\",\"page\":\"models\","
                    + "\"version\":"), json);
            String data = text(base, "/chart/rmse.json");
            assertTrue(data.contains("\"x\":[1,2]") && data.contains("\"name\":\"rmse\",\"color\":")
                    && data.contains("\"y\":[0.5,0.25]"), data);

            HttpResponse<byte[]> png = get(base, "/chart/rmse.png?v=1");
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
            byte[] magic = new byte[4];
            System.arraycopy(png.body(), 0, magic, 0, 4);
            assertArrayEquals(PNG_MAGIC, magic);
            assertEquals(404, get(base, "/chart/nope.png").statusCode());
            assertEquals(404, get(base, "/chart/nope.json").statusCode());
            assertEquals(404, get(base, "/../etc/passwd").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(base).POST(HttpRequest.BodyPublishers
                    .ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void shouldSendANewEventClientItsPageAndThenEachNewFrameAndSayWhenTheRunFinished() throws Exception {
        LiveLines chart = LiveLines.metrics("loss", List.of("loss"), 100);
        DashboardSink web = DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced());
        web.keepServing(true);
        web.add(chart);
        assertTrue(web.awaitFrames(1, 5000));
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(web.uri().resolve("/events?page=models"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", events.headers().firstValue("content-type").orElse(""));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            assertEquals("event: chart", lines.readLine());
            assertTrue(lines.readLine().startsWith("data: {\"name\":\"loss\",\"title\":\"Prequential metrics\","
                    + "\"page\":\"models\",\"version\":0,"));
            assertTrue(web.awaitClients(1, 5000));
            chart.append(1, 2.0);
            chart.publish();
            assertTrue(nextData(lines).startsWith("data: {\"name\":\"loss\",\"title\":\"Prequential metrics\","
                    + "\"page\":\"models\",\"version\":1,"));
            web.close();
            assertEquals("event: finished", nextEvent(lines));
            assertTrue(web.finished());
            assertEquals(List.of(web.uri()), DashboardSink.kept());
            // the finished run is still served: a new page gets the last data and the finished event
            String last = text(web.uri(), "/chart/loss.json");
            assertTrue(last.contains("\"version\":1,") && last.contains("\"y\":[2]"), last);
        } finally {
            web.stopServing();
        }
        assertEquals(List.of(), DashboardSink.kept());
        DashboardSink.awaitStopped();
    }

    private static String nextData(BufferedReader lines) throws Exception {
        String line;
        do {
            line = lines.readLine();
        } while (line != null && !line.startsWith("data:"));
        return line;
    }

    private static String nextEvent(BufferedReader lines) throws Exception {
        String line;
        do {
            line = lines.readLine();
        } while (line != null && !line.startsWith("event:"));
        return line;
    }

    @Test
    void shouldListScoredSeriesBySearchAndByScoreAndSendOnlyTheSelectedOnesData() throws Exception {
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced())) {
            for (int s = 0; s < 300; s++) {
                NabSeriesChart c = new NabSeriesChart("series-" + s, new ChartText("machine " + s, "days", "value"),
                        0.5, 10, List.of());
                for (int i = 0; i < 10; i++) {
                    c.append(i, s + i, i == 9 ? (s % 97) / 100.0 : 0.0, false);
                }
                web.add(c);
            }
            assertTrue(web.awaitFrames(1, 10_000));
            URI base = web.uri();
            String top = text(base, "/series.json?limit=3");
            assertTrue(top.startsWith("{\"count\":300,\"series\":[{\"name\":\"series-193\",\"title\":\"machine 193\","),
                    top);
            assertTrue(top.contains("\"score\":0.96") && top.contains("\"series-96\"") && top.contains("series-290"), top);
            String found = text(base, "/series.json?q=MACHINE%2012&limit=50");
            assertTrue(found.contains("\"name\":\"series-12\"") && found.contains("\"name\":\"series-129\"")
                    && !found.contains("\"name\":\"series-13\""), found);
            assertEquals("[]", text(base, "/charts.json"), "series are not charts of the other pages");

            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(base.resolve(
                    "/events?page=series&series=series-7")).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(),
                    StandardCharsets.UTF_8))) {
                assertEquals("event: top", lines.readLine());
                String list = lines.readLine();
                assertTrue(list.startsWith("data: {\"count\":300,\"top\":[{\"name\":\"series-193\""), list);
                assertEquals("", lines.readLine());
                assertEquals("event: chart", lines.readLine());
                String data = lines.readLine();
                assertTrue(data.startsWith("data: {\"name\":\"series-7\",\"title\":\"machine 7\",\"page\":\"series\","),
                        data);
                assertTrue(data.contains("\"threshold\":0.5") && data.contains("\"hlines\":[{\"y\":0.5"), data);
            }
        }
    }

    @Test
    void shouldShowAChartTheBrowserCannotDrawAsAnImage() throws Exception {
        LiveNeural neural = new LiveNeural("brain", new ChartText("Neurons", "t", "neuron"), 4, 20);
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced())) {
            web.add(neural);
            neural.append(0, new double[] {1, 2, 3, 4});
            neural.publish();
            assertTrue(web.awaitFrames(1, 5000));
            String data = text(web.uri(), "/chart/brain.json");
            assertTrue(data.contains("\"image\":\"chart/brain.png?v="), data);
            assertEquals(200, get(web.uri(), "/chart/brain.png?v=1").statusCode());
        }
    }

    @Test
    void shouldServeOnlyRequestsWithTheTokenAndSetItAsACookie() throws Exception {
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced(),
                "s3cret-token")) {
            URI uri = web.uri();
            assertTrue(uri.toString().endsWith("/?token=s3cret-token"), uri.toString());
            URI base = URI.create(uri.toString().substring(0, uri.toString().indexOf('?')));
            HttpResponse<byte[]> refused = get(base, "/charts.json");
            assertEquals(401, refused.statusCode());
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("?token="));
            assertEquals(401, get(base, "/?token=wrong-token").statusCode());
            HttpResponse<byte[]> page = get(base, "/?token=s3cret-token");
            assertEquals(200, page.statusCode());
            String cookie = page.headers().firstValue("set-cookie").orElse("");
            assertTrue(cookie.startsWith("streamml-token=s3cret-token") && cookie.contains("HTTPOnly")
                    && cookie.contains("SameSite=Strict"), cookie);
            HttpResponse<byte[]> withCookie = http.send(HttpRequest.newBuilder(base.resolve("/charts.json"))
                    .header("Cookie", "streamml-token=s3cret-token").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, withCookie.statusCode());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced(), "short"));
        assertTrue(e.getMessage().contains("8 to 128"), e.getMessage());
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
        assertEquals("\"a\\\"b\\u003c/script\\u003e\\n\"", Json.quote("a\"b</script>\n"));
    }
}
