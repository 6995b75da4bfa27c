package org.streamml.cli;

import java.util.ArrayList;
import java.util.List;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.LabeledPoint;
import org.streamml.streaming.Source;
import org.streamml.streaming.Time;
import org.streamml.streaming.kafka.KafkaDeserializer;
import org.streamml.streaming.kafka.KafkaRecord;
import org.streamml.streaming.kafka.KafkaSource;
import org.streamml.streaming.source.BadRecordPolicy;

/**
 * A Kafka topic as the input of {@code train}: one CSV or LibSVM line per record value, parsed by the
 * datasets loaders where the partition is read. By default the run reads up to the end offsets the topic
 * has when it starts and then ends like a file run; with {@code --follow} it keeps consuming until
 * stopped. Batches take {@code --batch-size} records over the topic's partitions (at most
 * {@code ceil(batch size / partitions)} of each).
 */
final class KafkaTrainingInput implements TrainingInput {
    private final KafkaAddress address;
    private final Format format;
    private final boolean labelled;
    private final boolean skip;
    private final boolean follow;
    private int libsvmDimension;
    private KafkaSource<LabeledPoint> source;

    KafkaTrainingInput(KafkaAddress address, Format format, boolean labelled, boolean skip, boolean follow) {
        this.address = address;
        this.format = format;
        this.labelled = labelled;
        this.skip = skip;
        this.follow = follow;
    }

    @Override
    public String describe() {
        return address.toString();
    }

    @Override
    public boolean follows() {
        return follow;
    }

    /** The parser of one record's line: the datasets loader over the line alone. */
    private KafkaDeserializer<LabeledPoint> parser() {
        // Captures only strings and numbers: the parser travels to the workers that read the partitions.
        String name = address.toString();
        boolean csv = format == Format.CSV;
        boolean withLabel = labelled;
        int dimension = libsvmDimension;
        return KafkaDeserializer.lines(line -> parse(name, csv, withLabel, dimension, line));
    }

    static LabeledPoint parse(String name, boolean csv, boolean labelled, int dimension, String line) {
        TextInput text = TextInput.ofString(name, line);
        RecordReader<LabeledPoint> reader;
        if (csv) {
            CsvFile.Options o = CsvFile.Options.defaults().withHeader(CsvFile.Header.ABSENT)
                    .withPolicy(org.streamml.datasets.io.BadRecordPolicy.FAIL);
            reader = new CsvFile(text, labelled ? o : o.withFeaturesOnly()).open();
        } else {
            LibSvmFile.Options o = LibSvmFile.Options.defaults().withPolicy(org.streamml.datasets.io.BadRecordPolicy.FAIL);
            reader = new LibSvmFile(text, dimension > 0 ? o.withDimension(dimension) : o).open();
        }
        try (reader) {
            if (!reader.hasNext()) {
                throw new IllegalArgumentException("the record holds no " + (csv ? "CSV" : "LibSVM") + " line");
            }
            return reader.next();
        }
    }

    private KafkaSource<LabeledPoint> build(long perPartition, boolean bounded) {
        KafkaSource.Builder<LabeledPoint> b = KafkaSource.builder(address.bootstrap(), parser())
                .topics(address.topic()).maxRecordsPerPartition(perPartition)
                .badRecords(skip ? BadRecordPolicy.SKIP_AND_COUNT : BadRecordPolicy.FAIL);
        if (bounded) {
            // A topic read to its end trains in batches of the requested size, as a file does: backpressure
            // would tie the batches, and so the model, to how fast this machine happened to be.
            b.untilEndAtStart().backpressure(false);
        }
        return b.build();
    }

    @Override
    public List<LabeledPoint> first(int n) {
        List<LabeledPoint> out = new ArrayList<>();
        KafkaSource<LabeledPoint> probe = build(n, true);
        try {
            probe.start();
            for (var reader : probe.plan(Time.ofMillis(0), 1)) {
                for (KafkaRecord<LabeledPoint> r : reader.read()) {
                    if (out.size() < n) {
                        out.add(r.value());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            probe.close();
        }
        if (format == Format.LIBSVM && !out.isEmpty()) {
            libsvmDimension = out.get(0).features().size();
        }
        return out;
    }

    @Override
    public Source<LabeledPoint> replay(int batchSize) {
        int partitions;
        try (KafkaSource<LabeledPoint> probe = build(1, true)) {
            partitions = probe.partitionCount();
        }
        source = build(Math.max(1, (batchSize + partitions - 1) / partitions), !follow);
        return source.values();
    }

    @Override
    public long skipped() {
        return source == null ? 0 : source.skippedRecords();
    }
}
