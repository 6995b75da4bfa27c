package org.streamml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabLabels;
import org.streamml.datasets.io.NabPoint;
import org.streamml.datasets.io.RecordReader;
import org.streamml.ml.LabeledPoint;

class BundledDataTest {

    private record Counts(long rows, long ones, int maxDimension, int minDimension) {
    }

    private static Counts count(String name) {
        long rows = 0;
        long ones = 0;
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (LabeledPoint p : BundledData.labeled(name)) {
            rows++;
            ones += p.label() == 1.0 ? 1 : 0;
            max = Math.max(max, p.features().size());
            min = Math.min(min, p.features().size());
        }
        return new Counts(rows, ones, max, min);
    }

    @Test
    void shouldLoadEverySparkSampleWithItsPublishedShape() {
        assertEquals(new Counts(100, 57, 692, 692), count("spark-mllib/sample_libsvm_data.txt"));
        assertEquals(new Counts(322, 162, 16, 16), count("spark-mllib/sample_svm_data.txt"));
        assertEquals(6, count("spark-mllib/kmeans_data.txt").rows());
        assertEquals(3, count("spark-mllib/kmeans_data.txt").minDimension());
        assertEquals(new Counts(6, 1, 3, 3), count("spark-mllib/sample_kmeans_data.txt"));
        assertEquals(67, count("spark-mllib/ridge-data/lpsa.data").rows());
        assertEquals(8, count("spark-mllib/ridge-data/lpsa.data").minDimension());
        assertEquals(501, count("spark-mllib/sample_linear_regression_data.txt").rows());
        assertEquals(10, count("spark-mllib/sample_linear_regression_data.txt").minDimension());
        assertEquals(new Counts(2, 1, 3, 3), count("spark-mllib/streaming_kmeans_data_test.txt"));
    }

    @Test
    void shouldLoadEveryNabSeriesWithItsRowAndWindowCounts() {
        String[] files = {"ambient_temperature_system_failure.csv", "cpu_utilization_asg_misconfiguration.csv",
            "ec2_request_latency_system_failure.csv", "machine_temperature_system_failure.csv", "nyc_taxi.csv",
            "rogue_agent_key_hold.csv", "rogue_agent_key_updown.csv"};
        long[] rows = {7267, 18050, 4032, 22695, 10320, 1882, 5315};
        int[] windows = {2, 1, 3, 4, 5, 2, 2};
        for (int i = 0; i < files.length; i++) {
            NabFile f = BundledData.nab(files[i]);
            long n = 0;
            long labelled = 0;
            try (RecordReader<NabPoint> r = f.open()) {
                while (r.hasNext()) {
                    NabPoint p = r.next();
                    assertEquals(n, p.index());
                    labelled += p.label();
                    n++;
                }
            }
            assertEquals(rows[i], n, files[i]);
            assertEquals(windows[i], f.windows().size(), files[i]);
            assertTrue(labelled > 0 && labelled < n / 5, files[i] + ": " + labelled);
        }
    }

    @Test
    void shouldKeepDuplicateTimestampsOfEc2File() {
        long duplicates = 0;
        long previous = Long.MIN_VALUE;
        for (NabPoint p : BundledData.nab("ec2_request_latency_system_failure.csv")) {
            duplicates += p.timestamp() == previous ? 1 : 0;
            previous = p.timestamp();
        }
        assertEquals(11, duplicates);
    }

    @Test
    void shouldHaveShippedLabelsInsideTheirWindows() {
        NabLabels labels = BundledData.nabLabels();
        assertEquals(58, labels.files().size());
        for (String file : labels.files()) {
            if (!file.startsWith("realKnownCause/")) {
                continue;
            }
            for (long t : labels.labels(file)) {
                assertTrue(labels.windows(file).stream().anyMatch(w -> w.contains(t)), file + " " + t);
            }
        }
    }

    @Test
    void shouldListEveryShippedFileWithItsLicenseAndRejectUnknownNames() {
        List<BundledData.Entry> all = BundledData.list();
        assertEquals(16, all.size());
        assertTrue(all.stream().allMatch(e -> e.license().contains("MIT") || e.license().contains("Apache-2.0")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundledData.input("x.csv"));
        assertTrue(e.getMessage().startsWith("no shipped data file 'x.csv'; shipped: nab/"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BundledData.labeled("nab/realKnownCause/nyc_taxi.csv"));
    }
}
