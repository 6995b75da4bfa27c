package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveTimeSeries;
import org.streamml.viz.sink.FramePacing;

@Tag("slow")
class DashboardBrowserTest {
    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    private static final long WAIT_MS = 30_000;
    private static final List<String> CHARTS = List.of("sensors", "metrics");

    @TempDir
    Path profile;

    @Test
    void shouldShowChartsInChromiumThatChangeAsBatchesComplete() throws Exception {
        Path chromium = HeadlessChromium.find();
        LiveTimeSeries sensors = new LiveTimeSeries("sensors", new ChartText("Sensors", "record", "reading"),
                List.of("temperature", "pressure"), 0.8, 1000);
        LiveLines metrics = LiveLines.metrics("metrics", List.of("rmse", "mae"), 1000);

        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 640, 320, FramePacing.defaults())) {
            web.add(sensors);
            web.add(metrics);
            feedBatch(1, sensors, metrics);
            assertTrue(web.address().getAddress().isLoopbackAddress(), "bound to loopback");
            try (HeadlessChromium browser = HeadlessChromium.launch(chromium, profile, web.uri());
                 CdpSession page = browser.page()) {
                assertTrue(web.awaitClients(1, WAIT_MS), "the page opened the event stream");
                awaitShown(page, 1);
                for (int batch = 2; batch <= 4; batch++) {
                    feedBatch(batch, sensors, metrics);
                    awaitShown(page, batch);
                }

                for (String chart : CHARTS) {
                    String[] loaded = page.evaluate("window.streamml.charts['" + chart + "'].loads + ';' + "
                            + "window.streamml.charts['" + chart + "'].signatures.join(',')", WAIT_MS).split(";");
                    assertTrue(Integer.parseInt(loaded[0]) >= 3, chart + " was updated at least twice: " + loaded[0]);
                    Set<String> distinct = new HashSet<>(List.of(loaded[1].split(",")));
                    assertTrue(distinct.size() >= 3, chart + "'s image changed with the batches: " + loaded[1]);
                }
                assertEquals("Sensors|Prequential metrics", page.evaluate(
                        "Array.from(document.querySelectorAll('#index a')).map(a => a.textContent).join('|')",
                        WAIT_MS), "the page lists the charts");
                assertEquals("live", page.evaluate("document.getElementById('status').textContent", WAIT_MS));
                assertEquals("0", page.evaluate("String(performance.getEntriesByType('resource')"
                        + ".filter(r => !r.name.startsWith(location.origin)).length)", WAIT_MS),
                        "no resource comes from outside the dashboard");
                byte[] png = page.screenshot();
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, png);
                BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
                assertTrue(shot.getWidth() >= 1000 && colours(shot) > 50, "the screenshot shows the charts");
            }
        }
    }

    /** Appends one batch of data to both charts and publishes them, as a stream's output operation would. */
    private static void feedBatch(int batch, LiveTimeSeries sensors, LiveLines metrics) {
        for (int i = 0; i < 50; i++) {
            int x = (batch - 1) * 50 + i;
            double score = i == 25 && batch % 2 == 0 ? 0.95 : 0.1 + 0.05 * Math.sin(x);
            sensors.append(x, new double[] {20 + Math.sin(x / 8.0), 3 + 0.5 * Math.cos(x / 5.0)}, score, score > 0.8);
        }
        metrics.append(batch, 2.0 / batch, 1.0 / batch);
        sensors.publish();
        metrics.publish();
    }

    /** Waits (in the page, without sleeping here) until every chart shows a frame of at least {@code version}. */
    private static void awaitShown(CdpSession page, int version) throws Exception {
        String condition = CHARTS.stream()
                .map(c -> "(s.charts['" + c + "'] && s.charts['" + c + "'].shown >= " + version + ")")
                .reduce((a, b) -> a + " && " + b).orElseThrow();
        String result = page.evaluate("new Promise(resolve => { const s = window.streamml, t0 = Date.now();"
                + " (function poll() { if (" + condition + ") resolve('ok');"
                + " else if (Date.now() - t0 > " + WAIT_MS + ")"
                + " resolve('timeout: ' + JSON.stringify(Object.keys(s.charts)"
                + ".map(k => k + '=' + s.charts[k].shown)));"
                + " else setTimeout(poll, 20); })(); })", WAIT_MS + 5000);
        assertEquals("ok", result, "every chart shows frame " + version);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
