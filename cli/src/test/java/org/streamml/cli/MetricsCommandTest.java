package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.cli.metrics.MetricsSession;

/**
 * {@code --metrics-port}: real runs whose {@code /metrics} is fetched over HTTP, and whose JMX MBeans are read, in
 * the middle of the run ({@link MetricsOptions#afterBatch} holds the run after a chosen batch while the test
 * looks).
 */
class MetricsCommandTest {
    @TempDir
    Path tmp;

    /** What the hook saw, for the assertions after the run (the hook runs on the engine's thread). */
    private final Map<String, Object> seen = new HashMap<>();

    @AfterEach
    void removeHook() {
        MetricsOptions.afterBatch = null;
    }

    /** 50 rows of a seeded two-feature logistic problem: label 1 when x1 + x2 > 0. */
    private Path trainingFile() throws Exception {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("label,x1,x2\n");
        for (int i = 0; i < 50; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f%n", x1 + x2 > 0 ? 1 : 0, x1, x2));
        }
        Path p = tmp.resolve("train.csv");
        Files.writeString(p, csv);
        return p;
    }

    /** Holds the run after batch {@code n}: fetches {@code /metrics} and {@code /other}, lists the MBeans. */
    private void lookAfterBatch(int n) {
        long[] batches = {0};
        long[] records = {0};
        MetricsOptions.afterBatch = (session, info) -> {
            batches[0]++;
            records[0] += info.records();
            if (batches[0] != n) {
                return;
            }
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(session.uri()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> other = http.send(HttpRequest.newBuilder(session.uri().resolve("/other"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                Set<String> beans = new TreeSet<>();
                for (ObjectName name : server.queryNames(new ObjectName(MetricsSession.JMX_DOMAIN + ":*"), null)) {
                    beans.add(name.toString());
                }
                ObjectName completed = server.queryNames(
                        new ObjectName(MetricsSession.JMX_DOMAIN + ":name=streamml.batches.completed,*"), null)
                        .iterator().next();
                synchronized (seen) {
                    seen.put("uri", session.uri());
                    seen.put("status", metrics.statusCode());
                    seen.put("type", metrics.headers().firstValue("Content-Type").orElse(""));
                    seen.put("body", metrics.body());
                    seen.put("otherStatus", other.statusCode());
                    seen.put("records", records[0]);
                    seen.put("beans", beans);
                    seen.put("jmxCompleted", ((Number) server.getAttribute(completed, "Count")).longValue());
                }
            } catch (Exception e) {
                synchronized (seen) {
                    seen.put("failure", e);
                }
            }
        };
    }

    private Object seen(String key) {
        synchronized (seen) {
            if (seen.get("failure") instanceof Exception e) {
                throw new AssertionError("looking at the metrics failed: " + e, e);
            }
            return seen.get(key);
        }
    }

    /** The value of the sample {@code name} (no labels) in Prometheus text {@code body}. */
    private static double sample(String body, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(body);
        assertTrue(m.find(), "no sample " + name + " in:\n" + body);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldServeTheDocumentedMetricsDuringATrainingRun() throws Exception {
        Path in = trainingFile();
        lookAfterBatch(3);
        CliRun r = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--batch-size", "10",
                "--metrics-port", "0");
        assertEquals(0, r.status(), r.err());

        URI uri = (URI) seen("uri");
        assertNotNull(uri, "the hook never ran: " + r.err());
        assertEquals("127.0.0.1", uri.getHost());
        assertTrue(r.err().contains("train: metrics at " + uri + "\n"), r.err());
        assertEquals(200, seen("status"));
        assertTrue(((String) seen("type")).startsWith("text/plain; version=0.0.4"), (String) seen("type"));
        assertEquals(404, seen("otherStatus"));

        String body = (String) seen("body");
        // after batch 3 of 10 records: 30 records, 3 batches, model version 3
        assertEquals(30.0, sample(body, "streamml_batch_input_records_sum"));
        assertEquals(30L, seen("records"));
        assertEquals(3.0, sample(body, "streamml_batch_input_records_count"));
        assertEquals(10.0, sample(body, "streamml_batch_input_records_max"));
        assertEquals(3.0, sample(body, "streamml_batches_completed_total"));
        assertEquals(3.0, sample(body, "streamml_model_version"));
        assertEquals(3.0, sample(body, "streamml_batch_processing_seconds_count"));
        assertTrue(sample(body, "streamml_batch_processing_seconds_sum") > 0, body);
        assertEquals(3.0, sample(body, "streamml_batch_scheduling_delay_seconds_count"));
        assertTrue(sample(body, "streamml_batch_scheduling_delay_seconds_sum") >= 0, body);
        assertEquals(3.0, sample(body, "streamml_batch_total_delay_seconds_count"));
        assertTrue(sample(body, "streamml_batch_total_delay_seconds_sum")
                >= sample(body, "streamml_batch_scheduling_delay_seconds_sum"), body);
        // batches 2 and 3 were scored by the model before them: 20 records, an accuracy in [0, 1]
        double accuracy = sample(body, "streamml_model_prequential_accuracy");
        assertTrue(accuracy >= 0 && accuracy <= 1, body);

        // the run is over: the port is closed
        assertThrows(ConnectException.class, () -> new Socket(uri.getHost(), uri.getPort()).close());
    }

    /** The sum of the samples {@code name{...}} in {@code body}, and how many there are. */
    private static double[] samples(String body, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{worker=\"worker \\d+ [^\"]*\"\\} (\\S+)$")
                .matcher(body);
        double[] sumAndCount = new double[2];
        while (m.find()) {
            sumAndCount[0] += Double.parseDouble(m.group(1));
            sumAndCount[1]++;
        }
        return sumAndCount;
    }

    @Test
    void shouldCountEachWorkersTasksOnACluster() throws Exception {
        Path in = trainingFile();
        lookAfterBatch(3);
        CliRun r = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--batch-size", "10",
                "--partitions", "2", "--master", "local-cluster[2]", "--metrics-port", "0", "-q");
        assertEquals(0, r.status(), r.err());
        String body = (String) seen("body");
        assertNotNull(body, "the hook never ran: " + r.err());
        double[] tasks = samples(body, "streamml_worker_tasks_total");
        double[] seconds = samples(body, "streamml_worker_task_seconds_total");
        assertTrue(tasks[1] >= 1 && tasks[1] <= 2, "one series per worker that ran tasks:\n" + body);
        // every batch runs at least one task per partition (the learner's gradient pass and the prequential score)
        assertTrue(tasks[0] >= 3 * 2, body);
        assertEquals(tasks[1], seconds[1], body);
        assertTrue(seconds[0] >= 0, body);
    }

    @Test
    void shouldRegisterTheMetricsAsJmxMBeansForTheRunOnly() throws Exception {
        Path in = trainingFile();
        lookAfterBatch(2);
        CliRun r = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--batch-size", "10",
                "--metrics-port", "0", "-q");
        assertEquals(0, r.status(), r.err());
        @SuppressWarnings("unchecked")
        Set<String> beans = (Set<String>) seen("beans");
        for (String name : List.of("streamml.batch.input.records", "streamml.batch.processing",
                "streamml.batch.scheduling.delay", "streamml.batch.total.delay", "streamml.batches.completed",
                "streamml.model.version", "streamml.model.prequential.accuracy")) {
            assertTrue(beans.stream().anyMatch(b -> b.contains("name=" + name + ",") || b.endsWith("name=" + name)),
                    name + " not among " + beans);
        }
        assertEquals(2L, seen("jmxCompleted"));
        Set<ObjectName> after = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName(MetricsSession.JMX_DOMAIN + ":*"), null);
        assertTrue(after.isEmpty(), "MBeans left after the run: " + after);
    }

    @Test
    void shouldServeADemosMetricsWithTheRecordsItFed() throws Exception {
        lookAfterBatch(2);
        CliRun r = CliRun.of("demo", "sensors", "--batches", "4", "--charts", tmp.resolve("charts").toString(),
                "--metrics-port", "0");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().isEmpty());
        String body = (String) seen("body");
        assertNotNull(body, "the hook never ran: " + r.err());
        long fed = (Long) seen("records");
        assertTrue(fed > 0);
        assertEquals((double) fed, sample(body, "streamml_batch_input_records_sum"));
        assertEquals(2.0, sample(body, "streamml_batches_completed_total"));
        assertTrue(r.err().contains("demo: metrics at http://127.0.0.1:"), r.err());
    }

    @Test
    void shouldServeTheMetricsOfADetectRun() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 30; i++) {
            csv.append(String.format(Locale.ROOT, "2024-01-01 00:%02d:00,%d%n", i, i % 7));
        }
        Path in = tmp.resolve("series.csv");
        Files.writeString(in, csv);
        lookAfterBatch(2);
        CliRun r = CliRun.of("detect", "--input", in.toString(), "--output", tmp.resolve("scores.csv").toString(),
                "--batch-size", "10", "--metrics-port", "0");
        assertEquals(0, r.status(), r.err());
        String body = (String) seen("body");
        assertNotNull(body, "the hook never ran: " + r.err());
        assertEquals(20.0, sample(body, "streamml_batch_input_records_sum"));
        assertEquals(2.0, sample(body, "streamml_batches_completed_total"));
    }

    @Test
    void shouldRejectAPortOutOfRangeAndAPortInUse() throws Exception {
        Path in = trainingFile();
        CliRun r = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--metrics-port", "70000");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--metrics-port must be in [0, 65535] (0: any free port): 70000"), r.err());

        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CliRun busy = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--metrics-port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(1, busy.status(), busy.err());
            assertTrue(busy.err().contains("cannot serve the metrics on 127.0.0.1:" + taken.getLocalPort()),
                    busy.err());
        }
    }
}
