package org.streamml.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A named text input that can be opened any number of times: a file, a class-path resource or a string.
 * Readers open it once per pass, so a stream over it can be replayed from the start.
 *
 * @param name the name errors show (a file name)
 * @param opener opens a fresh reader positioned at the start
 */
public record TextInput(String name, Opener opener) {

    /** Opens a fresh UTF-8 reader of the input. */
    @FunctionalInterface
    public interface Opener {
        /** A new reader at the start of the input. */
        Reader open() throws IOException;
    }

    /** Checks both parts are present. */
    public TextInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** The UTF-8 file at {@code path}; errors name it by its file name. */
    public static TextInput of(Path path) {
        Objects.requireNonNull(path, "path");
        Path file = path.getFileName();
        return of(path, file == null ? path.toString() : file.toString());
    }

    /** The UTF-8 file at {@code path}, called {@code name} in error messages (e.g. the path as the user gave it). */
    public static TextInput of(Path path, String name) {
        Objects.requireNonNull(path, "path");
        return new TextInput(name, () -> new Utf8Reader(Files.newInputStream(path)));
    }

    /** Opens a fresh byte stream positioned at the start of an input. */
    @FunctionalInterface
    public interface ByteOpener {
        /** A new stream at the start of the input. */
        InputStream open() throws IOException;
    }

    /**
     * The UTF-8 bytes {@code opener} opens, called {@code name} in errors, decoded as strictly as a file's (an
     * invalid byte fails the line that holds it): for a file read through a wrapper, such as one counting the
     * bytes read for a progress bar.
     */
    public static TextInput ofBytes(String name, ByteOpener opener) {
        Objects.requireNonNull(opener, "opener");
        return new TextInput(name, () -> new Utf8Reader(opener.open()));
    }

    /** The UTF-8 class-path resource {@code resource} (absolute, without a leading slash) of {@code loader}. */
    public static TextInput ofResource(ClassLoader loader, String resource) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(resource, "resource");
        int slash = resource.lastIndexOf('/');
        return new TextInput(resource.substring(slash + 1), () -> {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no class-path resource " + resource);
            }
            return new Utf8Reader(in);
        });
    }

    /**
     * The UTF-8 text of {@code in}, a stream that can be read only once (standard input), called {@code name} in
     * errors. Every pass but the first replays what earlier passes read, then goes on with the stream, as long as
     * the passes before it read at most {@code replayableChars} characters, which are kept for that; a pass opened
     * after more were read fails with an {@link IOException} saying so. A command that reads its input's first
     * records, then the whole input (a learner seeded, then trained) can thus read a pipe. Closing a pass does
     * not close {@code in}.
     */
    public static TextInput ofStream(String name, InputStream in, int replayableChars) {
        Objects.requireNonNull(in, "in");
        if (replayableChars < 0) {
            throw new IllegalArgumentException("replayableChars must be >= 0: " + replayableChars);
        }
        ReplayedStream replay = new ReplayedStream(name, new Utf8Reader(in), replayableChars);
        return new TextInput(name, replay::open);
    }

    /** The passes of {@link #ofStream}: the characters read so far (up to the limit) and the stream. */
    private static final class ReplayedStream {
        private final String name;
        private final Reader source;
        private final int limit;
        private final StringBuilder kept = new StringBuilder();
        private boolean overflowed;
        private boolean ended;

        ReplayedStream(String name, Reader source, int limit) {
            this.name = name;
            this.source = source;
            this.limit = limit;
        }

        synchronized Reader open() throws IOException {
            if (overflowed) {
                throw new IOException(name + " can be read only once and more than its first " + limit
                        + " characters were read already; save it to a file and name that instead");
            }
            return new Reader() {
                private int replayed;

                @Override
                public int read(char[] cbuf, int off, int len) throws IOException {
                    synchronized (ReplayedStream.this) {
                        if (len == 0) {
                            return 0;
                        }
                        if (replayed < kept.length()) {
                            int n = Math.min(len, kept.length() - replayed);
                            kept.getChars(replayed, replayed + n, cbuf, off);
                            replayed += n;
                            return n;
                        }
                        if (ended) {
                            return -1;
                        }
                        int n = source.read(cbuf, off, len);
                        ended = n < 0;
                        if (n > 0 && !overflowed) {
                            if (kept.length() + n <= limit) {
                                kept.append(cbuf, off, n);
                                replayed += n;
                            } else {
                                overflowed = true;
                                kept.setLength(0);
                                kept.trimToSize();
                            }
                        }
                        return n;
                    }
                }

                @Override
                public void close() {
                    // the stream stays open for later passes; it ends with the process
                }
            };
        }
    }

    /** The text {@code content}, named {@code name} in errors (for tests and small inline data). */
    public static TextInput ofString(String name, String content) {
        Objects.requireNonNull(content, "content");
        return new TextInput(name, () -> new java.io.StringReader(content));
    }

    /** Opens a fresh reader, turning an I/O failure into an unchecked error that names the input. */
    public Reader openReader() {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }
}
