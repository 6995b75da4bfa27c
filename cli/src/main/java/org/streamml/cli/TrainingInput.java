package org.streamml.cli;

import java.util.List;
import java.util.Locale;
import org.streamml.ml.LabeledPoint;
import org.streamml.streaming.Source;

/**
 * What {@code train} learns from: a file ({@link FileTrainingInput}) or a Kafka topic
 * ({@link KafkaTrainingInput}, {@code --input kafka://HOST:PORT/TOPIC}), in CSV or LibSVM lines.
 */
interface TrainingInput {

    /** The layouts {@code --format} accepts. */
    enum Format {
        /** CSV, optional header, label first unless the algorithm takes no label. */
        CSV,
        /** LibSVM, 1-based indices. */
        LIBSVM;

        static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "libsvm" -> LIBSVM;
                default -> throw new IllegalArgumentException("unknown --format '" + name
                        + "' (expected csv or libsvm)");
            };
        }
    }

    /**
     * The input named by {@code --input}: a {@code kafka://} address, a file, or {@code -} for standard input.
     *
     * @param follow with Kafka, keep reading after the end offsets the topic had at the start
     */
    static TrainingInput open(String input, Format format, boolean labelled, boolean skipBadRecords,
                              CsvOptions csv, boolean follow) {
        if (KafkaAddress.isKafka(input)) {
            if (csv.hasLayoutOptions()) {
                throw new IllegalArgumentException("--label-column and --delimiter apply to a file or standard"
                        + " input; a kafka:// record is one line with its label first");
            }
            return new KafkaTrainingInput(KafkaAddress.parse("--input", input), format, labelled, skipBadRecords,
                    follow);
        }
        if (follow) {
            throw new IllegalArgumentException("--follow needs a kafka:// input; a file is read to its end");
        }
        return FileTrainingInput.of(input, format, labelled, skipBadRecords, csv);
    }

    /** The input as the user named it, for messages. */
    String describe();

    /** The first {@code n} records (fewer if there are fewer), which seed the learner. */
    List<LabeledPoint> first(int n);

    /** The engine source of the run: {@code batchSize} records per batch. */
    Source<LabeledPoint> replay(int batchSize);

    /** Whether the run follows the input until stopped instead of ending at its end. */
    default boolean follows() {
        return false;
    }

    /** The input's size in bytes, for the progress bar's percent; -1 when unknown (a topic, standard input). */
    default long sizeBytes() {
        return -1;
    }

    /** The bytes the training pass has read so far (0 when not counted). */
    default long bytesRead() {
        return 0;
    }

    /** The malformed records skipped so far (0 unless skipping was asked for). */
    long skipped();
}
