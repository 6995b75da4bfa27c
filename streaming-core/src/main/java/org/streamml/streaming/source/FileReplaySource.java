package org.streamml.streaming.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.PartitionedSource;
import org.streamml.streaming.SourceOffsets;
import org.streamml.streaming.Time;

/**
 * Replays a text file (UTF-8) line by line, a fixed number of lines per batch: batch i holds lines
 * {@code (i-1)·n+1 … i·n}, ends of line being {@code \n}, {@code \r} or {@code \r\n}. The file is
 * streamed, never read whole into memory. Each batch is planned as byte ranges, one per partition: the
 * driver only scans for the ends of the batch's lines, and each partition's lines are read and decoded by
 * its own task (on a cluster, by the worker that processes them, which must see the file at the same
 * path). Paced replay uses the system clock; with a {@link org.streamml.streaming.FastForwardClock}
 * batches run back to back. Replayable, with one source partition whose position is the number of lines
 * already given (the 0-based line number of the next one); {@link #seek} rescans the file to a line.
 */
public final class FileReplaySource implements PartitionedSource<String> {
    private final Path file;
    private final int linesPerBatch;
    private LineScanner scanner;
    private long offset;
    private long[] ends = new long[64];

    /** A replay of {@code file} (UTF-8) with {@code linesPerBatch} (>= 1) lines per batch. */
    public FileReplaySource(Path file, int linesPerBatch) {
        this.file = Objects.requireNonNull(file, "file");
        if (linesPerBatch < 1) {
            throw new IllegalArgumentException("lines per batch must be >= 1: " + linesPerBatch);
        }
        this.linesPerBatch = linesPerBatch;
    }

    /** The file being replayed. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void start() throws IOException {
        if (scanner == null) {
            open(0);
        }
    }

    @Override
    public synchronized List<PartitionReader<String>> plan(Time batchTime, int numPartitions) throws IOException {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
        start();
        long begin = scanner.position();
        int m = 0;
        while (m < linesPerBatch) {
            long end = scanner.nextLineEnd();
            if (end < 0) {
                break;
            }
            if (m == ends.length) {
                ends = Arrays.copyOf(ends, 2 * m);
            }
            ends[m++] = end;
        }
        List<PartitionReader<String>> readers = new ArrayList<>(numPartitions);
        for (int p = 0; p < numPartitions; p++) {
            int a = (int) ((long) p * m / numPartitions);
            int b = (int) ((long) (p + 1) * m / numPartitions);
            long from = a == 0 ? begin : ends[a - 1];
            long to = b == 0 ? begin : ends[b - 1];
            readers.add(new Range(file.toString(), from, to, offset + a));
        }
        offset += m;
        return readers;
    }

    @Override
    public synchronized boolean isExhausted() {
        try {
            start();
            return scanner.atEnd();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized SourceOffsets offsets() {
        return SourceOffsets.of(offset);
    }

    /**
     * Restarts at the line (0-based) that is the offsets' position: the next poll starts with it.
     *
     * @throws IllegalArgumentException if the file has fewer lines
     */
    @Override
    public synchronized void seek(SourceOffsets offsets) {
        long target = offsets.singlePosition();
        try {
            open(target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void open(long target) throws IOException {
        close();
        try {
            scanner = new LineScanner(Files.newInputStream(file));
        } catch (IOException e) {
            throw new IOException("cannot open " + file + " for replay: " + e.getMessage(), e);
        }
        offset = 0;
        while (offset < target && scanner.nextLineEnd() >= 0) {
            offset++;
        }
        if (offset < target) {
            throw new IllegalArgumentException("offset " + target + " is past the end of " + file + " ("
                    + offset + " lines)");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (scanner != null) {
            scanner.in.close();
            scanner = null;
        }
    }

    /**
     * The lines of bytes {@code [from, to)} of the file at {@code path}, whose first line is line
     * {@code firstLine} (0-based) of the file.
     */
    record Range(String path, long from, long to, long firstLine) implements PartitionReader<String> {
        @Override
        public List<String> read() throws IOException {
            if (to - from > Integer.MAX_VALUE - 8) {
                throw new IOException(path + ": a partition of " + (to - from) + " bytes is too large; use more"
                        + " partitions or fewer lines per batch");
            }
            byte[] bytes = new byte[(int) (to - from)];
            try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, from + buf.position()) < 0) {
                        throw new IOException(path + " is shorter than when it was planned (ends before byte "
                                + to + "): was it changed during the replay?");
                    }
                }
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                byte c = bytes[i];
                if (c == '\n' || c == '\r') {
                    lines.add(decode(utf8, bytes, start, i, firstLine + lines.size()));
                    if (c == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            if (start < bytes.length) {
                lines.add(decode(utf8, bytes, start, bytes.length, firstLine + lines.size()));
            }
            return lines;
        }

        private String decode(CharsetDecoder utf8, byte[] bytes, int start, int end, long line) throws IOException {
            try {
                return utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(path + ": cannot read line " + (line + 1) + ": it is not valid UTF-8", e);
            }
        }
    }

    /** Finds the ends of lines in a byte stream, counting bytes. */
    private static final class LineScanner {
        final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;
        private long position;

        LineScanner(InputStream in) {
            this.in = in;
        }

        long position() {
            return position;
        }

        boolean atEnd() throws IOException {
            return !fill();
        }

        /** The byte position just after the next line's end (or the file's end), or -1 if no line is left. */
        long nextLineEnd() throws IOException {
            if (!fill()) {
                return -1;
            }
            while (fill()) {
                byte c = buf[pos++];
                position++;
                if (c == '\n') {
                    return position;
                }
                if (c == '\r') {
                    if (fill() && buf[pos] == '\n') {
                        pos++;
                        position++;
                    }
                    return position;
                }
            }
            return position;
        }

        private boolean fill() throws IOException {
            while (pos == len) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return false;
                }
                pos = 0;
                len = n;
            }
            return true;
        }
    }
}
