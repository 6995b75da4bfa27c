package org.streamml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.datasets.replay.ReplaySource;
import org.streamml.ml.LabeledPoint;
import org.streamml.streaming.Source;

/**
 * The input file of {@code train} ({@link TrainingInput}), read with the datasets loaders and never held whole: {@link #replay} streams
 * it through the engine one batch at a time (the source reads the next batch's lines when the engine asks for
 * them, so memory holds a few batches, whatever the file's size), and {@link #first} reads just the first
 * records, which seed the learner (the dimension; k-means' first k centers).
 */
final class FileTrainingInput implements TrainingInput {

    private final String description;
    private final CountedInput input;
    private final RecordFile<LabeledPoint> records;
    private volatile RecordReader<LabeledPoint> replayPass;

    private FileTrainingInput(String description, CountedInput input, RecordFile<LabeledPoint> records) {
        this.description = description;
        this.input = input;
        this.records = records;
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * The records of {@code file}; nothing is read yet.
     *
     * @param labelled whether CSV rows start with a label (LibSVM rows always do; k-means ignores it)
     * @param skipBadRecords count and skip malformed lines instead of failing on the first
     * @throws IllegalArgumentException if the file does not exist
     */
    static FileTrainingInput of(Path file, Format format, boolean labelled, boolean skipBadRecords) {
        return of(file.toString(), format, labelled, skipBadRecords, new CsvOptions());
    }

    /**
     * The records of {@code input}, a file or {@code -} for standard input, with the CSV options {@code csv}
     * ({@link CsvOptions#options}: header, delimiter, label column); nothing is read yet but, for a label column
     * given by name, the first line.
     */
    static FileTrainingInput of(String input, Format format, boolean labelled, boolean skipBadRecords,
                                CsvOptions csv) {
        CountedInput in;
        String description;
        if (CountedInput.isStandardInput(input)) {
            in = CountedInput.standardInput();
            description = in.name();
        } else {
            Path file = Path.of(input);
            CliFiles.requireInputFile("--input", file);
            in = CountedInput.of(file);
            description = file.toString();
        }
        BadRecordPolicy policy = skipBadRecords ? BadRecordPolicy.SKIP : BadRecordPolicy.FAIL;
        if (format == Format.CSV) {
            return new FileTrainingInput(description, in, new CsvFile(in.text(), csv.options(in.text(), labelled,
                    policy)));
        }
        if (csv.hasLayoutOptions()) {
            throw new IllegalArgumentException("--label-column and --delimiter are CSV options; a LibSVM line has"
                    + " its label first");
        }
        return new FileTrainingInput(description, in, new LibSvmFile(in.text(),
                LibSvmFile.Options.defaults().withPolicy(policy)));
    }

    @Override
    public long sizeBytes() {
        return input.size();
    }

    @Override
    public long bytesRead() {
        return input.bytesRead().get();
    }

    /**
     * The first {@code n} records in file order (fewer if the file has fewer), read in a pass of their own that
     * stops after them.
     *
     * @throws org.streamml.datasets.io.DataFormatException naming file, line and column of a bad record among
     *         them (unless skipping)
     */
    @Override
    public List<LabeledPoint> first(int n) {
        List<LabeledPoint> head = new ArrayList<>(Math.min(n, 1 << 16));
        try (RecordReader<LabeledPoint> reader = records.open()) {
            while (head.size() < n && reader.hasNext()) {
                head.add(reader.next());
            }
        }
        return head;
    }

    /**
     * An engine source replaying the file with {@code batchSize} records per batch: batch i holds records
     * {@code (i-1)·N+1 … i·N} in file order (the engine splits each into contiguous partitions). A bad record
     * fails the batch that reaches it with the loader's error, unless skipping.
     */
    @Override
    public Source<LabeledPoint> replay(int batchSize) {
        Iterable<LabeledPoint> passes = new Iterable<>() {
            @Override
            public Iterator<LabeledPoint> iterator() {
                RecordReader<LabeledPoint> pass = records.open();
                replayPass = pass;
                return pass;
            }
        };
        return new ReplaySource<>(passes, batchSize);
    }

    @Override
    public long skipped() {
        RecordReader<LabeledPoint> pass = replayPass;
        return pass == null ? 0 : pass.skipped().count();
    }
}
