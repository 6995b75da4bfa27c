package org.streamml.datasets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabLabels;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.LabeledPoint;

/**
 * The real data files shipped on the class path with this module (about 2.4 MB): the NAB
 * {@code realKnownCause} series with their labels (MIT, Numenta) and Spark MLlib's sample files
 * (Apache-2.0). Attribution and license files lie next to them under {@code org/streamml/datasets/data/}.
 *
 * <pre>{@code
 * NabFile taxi = BundledData.nab("nyc_taxi.csv");            // labelled by the NAB windows
 * RecordFile<LabeledPoint> svm = BundledData.labeled("spark-mllib/sample_libsvm_data.txt");
 * }</pre>
 */
public final class BundledData {
    private static final String ROOT = "org/streamml/datasets/data/";
    private static final String NAB_LICENSE = "MIT, Numenta (NAB)";
    private static final String SPARK_LICENSE = "Apache-2.0, Apache Spark";

    /** How a shipped file is read. */
    public enum Format {
        /** NAB {@code timestamp,value} series ({@link NabFile}). */
        NAB,
        /** NAB labels or windows JSON ({@link NabLabels}). */
        NAB_LABELS,
        /** LibSVM ({@link LibSvmFile}). */
        LIBSVM,
        /** Dense numbers read by {@link CsvFile} with the entry's options. */
        CSV
    }

    /**
     * A shipped file.
     *
     * @param name the name to open it by, e.g. {@code nab/realKnownCause/nyc_taxi.csv}
     * @param format how it is read
     * @param csv the CSV options for {@link Format#CSV} files, otherwise {@code null}
     * @param description what it holds
     * @param license its license and origin
     */
    public record Entry(String name, Format format, CsvFile.Options csv, String description, String license) {
    }

    private static final List<Entry> ENTRIES = List.of(
            nab("ambient_temperature_system_failure.csv", "hourly office temperature, AC failure (2 windows)"),
            nab("cpu_utilization_asg_misconfiguration.csv", "AWS CPU, 5 min, auto-scaling misconfiguration (1)"),
            nab("ec2_request_latency_system_failure.csv", "AWS request latency, 5 min, duplicate timestamps (3)"),
            nab("machine_temperature_system_failure.csv", "industrial machine temperature, 5 min (4 windows)"),
            nab("nyc_taxi.csv", "NYC taxi passengers per 30 min, holidays and a blizzard (5 windows)"),
            nab("rogue_agent_key_hold.csv", "key-hold timing, 5 min, rogue agent (2 windows)"),
            nab("rogue_agent_key_updown.csv", "key up/down timing, 5 min, rogue agent (2 windows)"),
            new Entry("nab/labels/combined_labels.json", Format.NAB_LABELS, null,
                    "NAB labelled anomaly timestamps for all 58 NAB files", NAB_LICENSE),
            new Entry("nab/labels/combined_windows.json", Format.NAB_LABELS, null,
                    "NAB anomaly windows for all 58 NAB files", NAB_LICENSE),
            spark("kmeans_data.txt", Format.CSV, CsvFile.Options.defaults().withFeaturesOnly().withDelimiters(" "),
                    "6 points, 3 features, two groups (k-means)"),
            spark("sample_kmeans_data.txt", Format.LIBSVM, null, "the kmeans_data points as LibSVM, labels 0..5"),
            spark("streaming_kmeans_data_test.txt", Format.CSV,
                    CsvFile.Options.defaults().withDelimiters("()[], "), "2 points '(label), [x1, x2, x3]'"),
            spark("ridge-data/lpsa.data", Format.CSV, CsvFile.Options.defaults().withDelimiters(", "),
                    "67 prostate-cancer rows, label lpsa then 8 features (regression)"),
            spark("sample_libsvm_data.txt", Format.LIBSVM, null, "100 sparse rows, 692 features, labels 0/1"),
            spark("sample_linear_regression_data.txt", Format.LIBSVM, null, "501 rows, 10 features, real labels"),
            spark("sample_svm_data.txt", Format.CSV, CsvFile.Options.defaults().withDelimiters(" "),
                    "322 rows, label 0/1 then 16 features"));

    private BundledData() {
    }

    private static Entry nab(String file, String description) {
        return new Entry("nab/realKnownCause/" + file, Format.NAB, null, description, NAB_LICENSE);
    }

    private static Entry spark(String file, Format format, CsvFile.Options csv, String description) {
        return new Entry("spark-mllib/" + file, format, csv, description, SPARK_LICENSE);
    }

    /** Every shipped file. */
    public static List<Entry> list() {
        return ENTRIES;
    }

    /** The shipped file called {@code name}, if any. */
    public static Optional<Entry> find(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The text of the shipped file {@code name}, openable any number of times.
     *
     * @throws IllegalArgumentException if no such file is shipped
     */
    public static TextInput input(String name) {
        return TextInput.ofResource(BundledData.class.getClassLoader(), ROOT + entry(name).name());
    }

    /** The NAB labels and windows of every NAB file. */
    public static NabLabels nabLabels() {
        return NabLabels.read(input("nab/labels/combined_labels.json"), input("nab/labels/combined_windows.json"));
    }

    /**
     * The NAB series {@code file} (e.g. {@code nyc_taxi.csv}) of {@code realKnownCause}, each row labelled by
     * the NAB windows.
     */
    public static NabFile nab(String file) {
        String name = "nab/realKnownCause/" + file;
        entry(name);
        return new NabFile(input(name), nabLabels().windows("realKnownCause/" + file), BadRecordPolicy.FAIL);
    }

    /**
     * The shipped labelled file {@code name} (a Spark sample) as labelled points, read with its format.
     *
     * @throws IllegalArgumentException if it is not a labelled-point file
     */
    public static RecordFile<LabeledPoint> labeled(String name) {
        Entry e = entry(name);
        return switch (e.format()) {
            case LIBSVM -> new LibSvmFile(input(name), LibSvmFile.Options.defaults());
            case CSV -> new CsvFile(input(name), e.csv());
            default -> throw new IllegalArgumentException(name + " is a " + e.format() + " file, not labelled points;"
                    + " use nab(...) or nabLabels()");
        };
    }

    private static Entry entry(String name) {
        Objects.requireNonNull(name, "name");
        return find(name).orElseThrow(() -> new IllegalArgumentException("no shipped data file '" + name
                + "'; shipped: " + ENTRIES.stream().map(Entry::name).collect(Collectors.joining(", "))));
    }
}
