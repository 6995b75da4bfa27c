package org.streamml.ml.drift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The recorded streams and MOA's detections of them under {@code src/test/resources/drift} (see its README). */
final class DriftTraces {
    static final List<String> ERROR_STREAMS = List.of("errors-abrupt", "errors-gradual", "errors-stationary");
    static final List<String> VALUE_STREAMS = List.of("values-abrupt", "values-gradual", "values-stationary");

    private DriftTraces() {
    }

    /** The values of stream {@code name}, one per line of {@code drift/NAME.csv}. */
    static double[] stream(String name) {
        List<String> lines = lines(name + ".csv");
        double[] values = new double[lines.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(lines.get(i));
        }
        return values;
    }

    /** MOA's signal at every index of {@code stream} for {@code detector}, from the runs it recorded. */
    static DriftSignal[] recorded(String detector, String stream, int length) {
        DriftSignal[] signals = new DriftSignal[length];
        Arrays.fill(signals, DriftSignal.NONE);
        for (String line : lines("moa-detections.csv").subList(1, lines("moa-detections.csv").size())) {
            String[] f = line.split(",");
            if (f[0].equals(detector) && f[1].equals(stream)) {
                Arrays.fill(signals, Integer.parseInt(f[2]), Integer.parseInt(f[3]) + 1, DriftSignal.valueOf(f[4]));
            }
        }
        return signals;
    }

    /** The signals of {@code detector} fed {@code values} in order. */
    static DriftSignal[] replay(DriftDetector detector, double[] values) {
        DriftSignal[] signals = new DriftSignal[values.length];
        for (int i = 0; i < values.length; i++) {
            signals[i] = detector.add(values[i]);
        }
        return signals;
    }

    /** The indices where {@code signals} is {@code which}. */
    static List<Integer> indices(DriftSignal[] signals, DriftSignal which) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < signals.length; i++) {
            if (signals[i] == which) {
                at.add(i);
            }
        }
        return at;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = DriftTraces.class.getResourceAsStream("/drift/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource drift/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
