package org.streamml.ml.anomaly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.streamml.ml.evaluation.nab.NabLabels;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabTimestamps;
import org.streamml.ml.evaluation.nab.NabWindow;

/** The NAB realKnownCause files copied into the test resources, and a way to score a detector on them. */
final class NabTestData {
    /** One data file: its relative name, timestamps and values. */
    record Series(String name, long[] timestamps, double[] values) {
    }

    private NabTestData() {
    }

    static Path root() {
        try {
            return Path.of(NabTestData.class.getResource("/nab").toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, List<NabWindow>> windows() {
        return NabLabels.readWindows(root().resolve("labels/combined_windows.json"));
    }

    static List<Series> realKnownCause() {
        Path dir = root().resolve("data/realKnownCause");
        List<Series> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                out.add(read(p, "realKnownCause/" + p.getFileName()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    static Series read(Path p, String name) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        int n = lines.size() - 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i + 1);
            int comma = line.indexOf(',');
            t[i] = NabTimestamps.parseMillis(line.substring(0, comma));
            v[i] = Double.parseDouble(line.substring(comma + 1));
        }
        return new Series(name, t, v);
    }

    static NabSeries detect(Series s, StreamingAnomalyDetector.Options options) {
        AnomalyDetector d = new StreamingAnomalyDetector(options);
        double[] scores = new double[s.values().length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = d.score(s.timestamps()[i], s.values()[i]);
        }
        return new NabSeries(s.name(), s.timestamps(), scores);
    }
}
