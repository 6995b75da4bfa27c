package org.streamml.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * Standard output that cannot fail silently. {@link PrintStream} and {@link PrintWriter} swallow write errors
 * (a full disk behind {@code > file}, {@code > /dev/full}, a closed pipe) and only set a flag, so a command
 * would print nothing and still exit 0. Every command's output is therefore checked: {@link Main#run} calls
 * {@link #failure} after the command and turns a lost write into exit status 1 and a message; commands that
 * write much ({@code predict}, {@code dataset}) write through {@link #writer}, which throws at the first
 * lost write so they stop early.
 *
 * <p>{@link Main#main} {@linkplain #install installs} a {@code System.out} over file descriptor 1 that
 * remembers why a write failed ({@code No space left on device}), so the message can say it.
 */
final class StandardStreams {

    /** The first write error of a {@link Remembering} stream, or {@code null}. */
    private static volatile IOException lastFailure;

    private StandardStreams() {
    }

    /** Replaces {@code System.out} by one over file descriptor 1 that remembers the cause of a failed write. */
    static void install() {
        OutputStream fd = new Remembering(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new BufferedOutputStream(fd, 1 << 13), true, Charset.defaultCharset()));
    }

    /**
     * An output stream over {@code out} that remembers its first {@link IOException} for {@link #failure}'s
     * message, then rethrows it (for {@link #install}, and for tests that simulate a full disk).
     */
    static OutputStream remembering(OutputStream out) {
        return new Remembering(out);
    }

    /**
     * A buffered writer of {@code charset} over the current {@code System.out} that throws an {@link IOException} saying
     * "cannot write to standard output" as soon as a write is lost (checked when its buffer is handed on and
     * when it is flushed). The caller flushes it; closing it does not close {@code System.out}.
     */
    static Writer writer(Charset charset) {
        PrintStream target = System.out;
        OutputStream checked = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                target.write(b);
                check();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target.write(b, off, len);
                check();
            }

            @Override
            public void flush() throws IOException {
                check(); // checkError flushes
            }

            @Override
            public void close() throws IOException {
                flush();
            }

            private void check() throws IOException {
                if (target.checkError()) {
                    throw new IOException(message());
                }
            }
        };
        return new BufferedWriter(new OutputStreamWriter(checked, charset), 1 << 16);
    }

    /**
     * Flushes {@code cl}'s output writer and {@code System.out} and says whether anything written to them
     * was lost.
     *
     * @return the message for a lost write ("cannot write to standard output: No space left on device"), or
     *         {@code null} when all output arrived
     */
    static String failure(CommandLine cl) {
        boolean lost = cl.getOut().checkError(); // flushes into System.out
        lost |= System.out.checkError();
        return lost ? message() : null;
    }

    private static String message() {
        IOException cause = lastFailure;
        return "cannot write to standard output: " + (cause != null && cause.getMessage() != null
                ? cause.getMessage() : "the output stream reported an error")
                + " (a full disk, a closed pipe or /dev/full?)";
    }

    /** Remembers the first write error, then rethrows it. */
    private static final class Remembering extends FilterOutputStream {
        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private static void remember(IOException e) {
            if (lastFailure == null) {
                lastFailure = e;
            }
        }
    }
}
