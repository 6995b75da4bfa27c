package org.streamml.streaming.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.streamml.streaming.Source;
import org.streamml.streaming.Time;

/**
 * Replays a text file line by line, a fixed number of lines per batch: batch i holds lines
 * {@code (i-1)·n+1 … i·n}. The file is streamed, never read whole into memory. Paced replay uses the
 * system clock; with a {@link org.streamml.streaming.FastForwardClock} batches run back to back.
 * Replayable: the offset is the number of lines already given (0-based line number of the next one),
 * and {@link #seek} reopens the file and skips to a line.
 */
public final class FileReplaySource implements Source<String> {
    private final Path file;
    private final int linesPerBatch;
    private BufferedReader reader;
    private String lookahead;
    private long offset;

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
        if (reader == null) {
            open(0);
        }
    }

    @Override
    public synchronized List<String> poll(Time batchTime) throws IOException {
        start();
        List<String> out = new ArrayList<>(Math.min(linesPerBatch, 1 << 16));
        while (out.size() < linesPerBatch && lookahead != null) {
            out.add(lookahead);
            offset++;
            lookahead = readLine();
        }
        return out;
    }

    @Override
    public synchronized boolean isExhausted() {
        try {
            start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lookahead == null;
    }

    @Override
    public boolean isReplayable() {
        return true;
    }

    @Override
    public synchronized long offset() {
        return offset;
    }

    /**
     * Restarts at line {@code target} (0-based): the next poll starts with it.
     *
     * @throws IllegalArgumentException if the file has fewer lines
     */
    @Override
    public synchronized void seek(long target) {
        if (target < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + target);
        }
        try {
            open(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(long target) throws IOException {
        closeReader();
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot open " + file + " for replay: " + e.getMessage(), e);
        }
        offset = 0;
        lookahead = readLine();
        while (offset < target && lookahead != null) {
            offset++;
            lookahead = readLine();
        }
        if (offset < target) {
            throw new IllegalArgumentException("offset " + target + " is past the end of " + file + " ("
                    + offset + " lines)");
        }
    }

    private String readLine() throws IOException {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IOException(file + ": cannot read line " + (offset + 1) + ": " + e.getMessage(), e);
        }
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeReader();
    }
}
