package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.DStream;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;
import org.streamml.viz.ChartSinks;
import org.streamml.viz.VizOptions;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveClusters;
import org.streamml.viz.live.LiveDriftChart;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveModelParameters;
import org.streamml.viz.live.LiveNeural;
import org.streamml.viz.live.LiveTimeSeries;
import org.streamml.viz.live.NabSeriesChart;
import org.streamml.viz.sink.FramePacing;

/**
 * Opens every page of the dashboard in a headless Chromium (over the DevTools protocol) while a stream
 * runs on a manual clock, and checks what a user sees: the batch table holds the engine's own numbers, the
 * charts receive points, dragging across a chart zooms it, the series page lists and searches the series,
 * and nothing is fetched from outside the dashboard (DevTools Network events). Screenshots of each page go
 * to {@code target/dashboard-*.png}. A second test opens the page of a finished run.
 */
@Tag("slow")
class DashboardBrowserTest {
    private static final long WAIT_MS = 30_000;
    private static final long START = 1_796_000_000_000L;   // a multiple of the batch interval: batch b at START + 100 b
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path profile;

    /** The stream, its charts and what the engine reported. */
    private static final class Run implements AutoCloseable {
        final ManualClock clock = new ManualClock(START);
        final Queue<List<double[]>> queue = new ConcurrentLinkedQueue<>();
        final List<BatchInfo> reported = new CopyOnWriteArrayList<>();
        final ChartSinks sinks;
        final StreamingContext ssc;
        final LiveClusters clusters;
        final LiveModelParameters weights;
        final LiveLines metrics;
        final LiveDriftChart drift;
        final List<NabSeriesChart> series = new ArrayList<>();
        int batches;

        Run(boolean keepServing) {
            Random random = new Random(11);
            for (int b = 0; b < 40; b++) {
                List<double[]> batch = new ArrayList<>();
                for (int i = 0; i < 30 + 5 * (b % 4); i++) {
                    int c = i % 3;
                    batch.add(new double[] {4 * c + random.nextGaussian(), 3 * (c % 2) + random.nextGaussian(),
                        random.nextGaussian()});
                }
                queue.add(batch);
            }
            sinks = ChartSinks.open(VizOptions.defaults().withDashboardPort(0).withPacing(FramePacing.unpaced())
                    .withKeepServing(keepServing));
            ssc = new StreamingContext(StreamingContext.Options.defaults().withBatchInterval(Duration.ofMillis(100))
                    .withClock(clock).withThreads(1));
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(BatchInfo info) {
                    reported.add(info);
                }
            });
            DStream<double[]> points = ssc.queueStream(queue);
            sinks.attachBatchMetrics(ssc);
            clusters = sinks.add(new LiveClusters("clusters", 3, 3, null, 300, 50));
            clusters.attachPoints(points, p -> p);
            weights = sinks.modelParameters("weights");
            metrics = sinks.add(LiveLines.metrics("metrics", List.of("rmse", "mae"), 500));
            drift = sinks.add(new LiveDriftChart("drift", new ChartText("Accuracy under drift", "batch", "accuracy"),
                    List.of("accuracy"), new double[] {3}, 500));
            sinks.add(new LiveNeural("neural", new ChartText("Neurons", "batch", "neuron"), 3, 100))
                    .attach(points, (batch, time) -> { });
            LiveTimeSeries sensors = sinks.add(new LiveTimeSeries("sensors", new ChartText("Sensors", "record",
                    "reading"), List.of("x0", "x1"), 2.5, 2000));
            long[] index = new long[1];
            sensors.attach(points, (batch, time) -> {
                for (double[] p : batch.collect()) {
                    double score = Math.abs(p[2]) / 3;
                    sensors.append(index[0]++, new double[] {p[0], p[1]}, score, score > 0.8);
                }
            });
            for (String name : List.of("machine_temperature", "cpu_utilization", "ambient_temperature")) {
                series.add(sinks.add(new NabSeriesChart(name, new ChartText(name, "record", "value"), 0.7, 10_000,
                        List.of(new double[] {5, 9}))));
            }
            ssc.start();
        }

        /** Runs {@code n} more batches, feeding the learners' charts after each, as a pipeline would. */
        void batches(int n) throws InterruptedException {
            for (int i = 0; i < n; i++) {
                int b = ++batches;
                clock.advance(100);
                assertTrue(ssc.awaitBatch(Time.ofMillis(START + 100L * b), 5000), "batch " + b);
                double[][] centers = {{b * 0.3, 0, 0}, {4, 3 - b * 0.1, 0}, {8, 0, b * 0.05}};
                clusters.accept(new KMeansModel(centers, new double[] {1, 1, 1}, b, 100L * b));
                weights.accept(new LinearRegressionModel(new double[] {1 - 1.0 / b, 0.5 / b}, 0.1 * b, b, 100L * b));
                metrics.append(b, 1.0 / b, 0.7 / b);
                metrics.publish();
                drift.append(b, b == 4 ? 0.6 : 0.9);
                if (b == 5) {
                    drift.detection(b);
                }
                drift.publish();
                for (int s = 0; s < series.size(); s++) {
                    NabSeriesChart c = series.get(s);
                    for (int r = 0; r < 5; r++) {
                        double x = (b - 1) * 5 + r;
                        double score = s == 1 && b % 3 == 0 && r == 2 ? 0.9 : 0.1 * s + 0.01 * r;
                        c.append(x, 50 + 10 * Math.sin(x / 4.0 + s), score, score > 0.7);
                    }
                    c.publish();
                }
            }
        }

        URI uri() {
            return sinks.dashboardUri().orElseThrow();
        }

        @Override
        public void close() {
            ssc.close();
        }
    }

    @Test
    void shouldShowEveryPageWithTheEnginesNumbersZoomAndNothingFromOutside() throws Exception {
        Path chromium = HeadlessChromium.find();
        Run run = new Run(false);
        try (ChartSinks sinks = run.sinks; run) {
            run.batches(6);
            URI base = run.uri();
            try (HeadlessChromium browser = HeadlessChromium.launch(chromium, profile, URI.create("about:blank"));
                 CdpSession page = browser.page()) {
                page.enableEvents();
                page.navigate(base.resolve("/streaming").toString(), WAIT_MS);
                awaitTrue(page, "s.charts.batches && s.charts.batches.last && s.charts.batches.last.batches === 6");
                assertTableMatches(page, run.reported);
                assertEquals("-", page.evaluate("document.querySelector('#batch-table tbody tr td.places')"
                        + ".textContent", WAIT_MS), "local threads report no per-worker task times");
                run.batches(2);
                awaitTrue(page, "s.charts.batches.last.batches === 8");
                assertTableMatches(page, run.reported);
                assertEquals("8", page.evaluate("document.getElementById('s-batches').textContent", WAIT_MS));
                assertEquals("8 20 8 20 8 20 8 20", page.evaluate("['m0','h0','m1','h1','m2','h2','m3','h3']"
                        + ".map(k => String(s().charts.batches.plots[k].points)).join(' ')"
                        .replace("s()", "window.streamml"), WAIT_MS), "the timelines have a point per batch, the"
                        + " histograms 20 bins");
                assertZoomChangesTheRange(page, "window.streamml.charts.batches.plots.m2");
                screenshot(page, "streaming");

                page.navigate(base.resolve("/models").toString(), WAIT_MS);
                awaitTrue(page, "['clusters','weights','metrics','drift','neural'].every(n => s.charts[n]"
                        + " && s.charts[n].messages > 0)");
                assertEquals("8", page.evaluate("String(window.streamml.charts.metrics.plots[0].points)", WAIT_MS),
                        "a metric point per batch");
                assertEquals("rmse|mae", page.evaluate("window.streamml.charts.metrics.plots[0].u.series.slice(1)"
                        + ".map(x => x.label).join('|')", WAIT_MS), "the legend names the series");
                assertTrue(Integer.parseInt(page.evaluate("String(window.streamml.charts.clusters.plots[0].points)",
                        WAIT_MS)) > 100, "the clusters chart has the points");
                assertEquals("1", page.evaluate("String(window.streamml.charts.drift.plots[0].markers.vlines"
                        + ".filter(v => v.x === 5).length)", WAIT_MS), "the detection is marked");
                awaitTrue(page, "s.charts.neural.img && s.charts.neural.img.complete"
                        + " && s.charts.neural.img.naturalWidth > 0");
                assertZoomChangesTheRange(page, "window.streamml.charts.weights.plots[0]");
                screenshot(page, "models");

                page.navigate(base.resolve("/series").toString(), WAIT_MS);
                awaitTrue(page, "s.top.length === 4 && s.selected && s.charts[s.selected]"
                        + " && s.charts[s.selected].plots[1] && s.charts[s.selected].plots[1].points > 0");
                assertEquals("ok", page.evaluate("(() => { const s = window.streamml;"
                        + " const sorted = s.top.every((e, i) => i === 0 || s.top[i - 1].score >= e.score);"
                        + " return sorted && s.selected === s.top[0].name ? 'ok' : JSON.stringify(s.top); })()",
                        WAIT_MS), "the list is sorted by current score and the top series is shown first");
                assertEquals("4 series; the top 4 by current anomaly score",
                        page.evaluate("document.getElementById('series-count').textContent", WAIT_MS));
                search(page, "cpu", 1);
                awaitTrue(page, "s.selected === 'cpu_utilization' && s.charts.cpu_utilization"
                        + " && s.charts.cpu_utilization.plots[1]");
                assertEquals("0.7", page.evaluate("String(window.streamml.charts.cpu_utilization.plots[1].markers"
                        + ".hlines[0].y)", WAIT_MS), "the threshold is drawn on the score plot");
                assertEquals("2", page.evaluate("String(window.streamml.charts.cpu_utilization.plots[0].markers"
                        + ".vlines.length)", WAIT_MS), "the two alarms are marked");
                search(page, "temp", 2);
                awaitTrue(page, "s.selected === 'ambient_temperature' && s.charts.ambient_temperature"
                        + " && s.charts.ambient_temperature.plots[0] && s.charts.ambient_temperature.plots[0].points"
                        + " === 40");
                screenshot(page, "series");

                List<String> outside = page.requests().stream()
                        .filter(u -> !u.startsWith(base.toString()) && !u.startsWith("about:")).toList();
                assertTrue(page.requests().size() >= 9, "requests were recorded: " + page.requests());
                assertTrue(page.requests().contains(base.resolve("/assets/uPlot.iife.min.js").toString()),
                        "uPlot came from the dashboard: " + page.requests());
                assertEquals(List.of(), outside, "nothing is fetched from outside the dashboard");
            }
        }
    }

    @Test
    void shouldShowTheLastDataOfAFinishedRunAndSaySo() throws Exception {
        Path chromium = HeadlessChromium.find();
        Run run = new Run(true);
        run.batches(5);
        run.close();
        run.sinks.close();
        try {
            URI base = run.uri();
            try (HeadlessChromium browser = HeadlessChromium.launch(chromium, profile, URI.create("about:blank"));
                 CdpSession page = browser.page()) {
                page.enableEvents();
                page.navigate(base.resolve("/streaming").toString(), WAIT_MS);
                awaitTrue(page, "s.finished && s.charts.batches && s.charts.batches.last");
                assertEquals("run finished", page.evaluate("document.getElementById('status').textContent",
                        WAIT_MS));
                assertTableMatches(page, run.reported);
                assertEquals("5", page.evaluate("document.getElementById('s-batches').textContent", WAIT_MS));
                screenshot(page, "finished");
                page.navigate(base.resolve("/models").toString(), WAIT_MS);
                awaitTrue(page, "s.finished && s.charts.neural && s.charts.neural.img && s.charts.neural.img.complete");
                assertEquals("0", page.evaluate("String(Array.from(document.images).filter(i => !(i.complete"
                        + " && i.naturalWidth > 0)).length)", WAIT_MS), "no broken image");
                assertEquals("5", page.evaluate("String(window.streamml.charts.metrics.plots[0].points)", WAIT_MS));
            }
        } finally {
            run.sinks.stopServing();
        }
        assertEquals(List.of(), DashboardSink.kept(), "the dashboard stops when told to");
    }

    /** Types {@code text} into the series search, waits for {@code n} results and clicks the first. */
    private static void search(CdpSession page, String text, int n) throws Exception {
        page.evaluate("(() => { const i = document.getElementById('series-search'); i.value = " + Json.quote(text)
                + "; i.dispatchEvent(new Event('input')); return 'ok'; })()", WAIT_MS);
        awaitTrue(page, "document.getElementById('series-list').children.length === " + n
                + " && Array.from(document.getElementById('series-list').children).every(li => li.dataset.name"
                + ".includes(" + Json.quote(text) + "))");
        page.evaluate("(() => { document.querySelector('#series-list li').click(); return 'ok'; })()", WAIT_MS);
    }

    /** The batch table shows, newest first, the batches the engine reported, with the engine's numbers. */
    private static void assertTableMatches(CdpSession page, List<BatchInfo> reported) throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int i = reported.size() - 1; i >= 0; i--) {
            BatchInfo b = reported.get(i);
            expected.append(ISO.format(Instant.ofEpochMilli(b.batchTime().millis()))).append(',').append(b.records())
                    .append(',').append(b.schedulingDelayMillis()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", Math.round(b.processingNanos() / 1e4) / 100.0))
                    .append(',').append(b.totalDelayMillis()).append(';');
        }
        String shown = page.evaluate("Array.from(document.querySelectorAll('#batch-table tbody tr')).map(tr =>"
                + " Array.from(tr.children).slice(0, 5).map(td => td.textContent).join(',') + ';').join('')", WAIT_MS);
        assertEquals(expected.toString(), shown, "the batch table holds the engine's metrics");
    }

    /** Drags across the middle of a plot and checks that its x range shrank to the part dragged over. */
    private static void assertZoomChangesTheRange(CdpSession page, String plot) throws Exception {
        String before = page.evaluate("(() => { const u = " + plot + ".u; u.over.scrollIntoView();"
                + " const r = u.over.getBoundingClientRect(); return [u.scales.x.min, u.scales.x.max, r.left, r.top,"
                + " r.width, r.height].join(' '); })()", WAIT_MS);
        String[] b = before.split(" ");
        double min = Double.parseDouble(b[0]);
        double max = Double.parseDouble(b[1]);
        double left = Double.parseDouble(b[2]);
        double top = Double.parseDouble(b[3]);
        double width = Double.parseDouble(b[4]);
        double height = Double.parseDouble(b[5]);
        page.drag(left + 0.25 * width, left + 0.75 * width, top + height / 2);
        String after = page.evaluate("[" + plot + ".u.scales.x.min, " + plot + ".u.scales.x.max, " + plot
                + ".zoomed].join(' ')", WAIT_MS);
        String[] a = after.split(" ");
        double zMin = Double.parseDouble(a[0]);
        double zMax = Double.parseDouble(a[1]);
        double span = max - min;
        assertTrue(zMin > min + 0.2 * span && zMax < max - 0.2 * span && "true".equals(a[2]),
                "dragging over the middle half zooms to it: " + before + " -> " + after);
        page.evaluate("(() => { " + plot + ".reset(); return 'ok'; })()", WAIT_MS);
        String reset = page.evaluate("[" + plot + ".u.scales.x.min, " + plot + ".u.scales.x.max].join(' ')", WAIT_MS);
        assertEquals(b[0] + " " + b[1], reset, "reset zoom shows the whole range again");
    }

    /** Waits (in the page, without sleeping here) until {@code condition} holds, {@code s} being the page's state. */
    private static void awaitTrue(CdpSession page, String condition) throws Exception {
        String result = page.evaluate("new Promise(resolve => { const t0 = Date.now();"
                + " (function poll() { const s = window.streamml; let ok = false;"
                + " try { ok = !!(s && (" + condition + ")); } catch (e) { ok = false; }"
                + " if (ok) resolve('ok');"
                + " else if (Date.now() - t0 > " + WAIT_MS + ") resolve('timeout: ' + JSON.stringify(s && {"
                + " page: s.page, events: s.events, finished: s.finished, selected: s.selected,"
                + " charts: Object.keys(s.charts) }));"
                + " else setTimeout(poll, 20); })(); })", WAIT_MS + 5000);
        assertEquals("ok", result, condition);
    }

    private static void screenshot(CdpSession page, String name) throws Exception {
        byte[] png = page.screenshot();
        Path file = Path.of("target", "dashboard-" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(shot.getWidth() >= 1000 && colours(shot) > 50, "the screenshot of " + name + " shows the page");
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
