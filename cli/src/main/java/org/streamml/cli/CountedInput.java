package org.streamml.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.streamml.datasets.io.TextInput;

/**
 * An input of a command as the loaders read it ({@link TextInput}), with what a progress bar needs: its size
 * and how far the latest pass over it has read. {@code --input -} names standard input, which has no size and
 * which the loaders can read twice only as far as {@link #REPLAYABLE_CHARS} reach (enough for the records that
 * seed a learner before the training pass).
 *
 * @param text the text, named as errors show it (the file's name, as the loaders' messages have it, or
 *        "standard input")
 * @param size the size in bytes, or -1 when unknown (standard input)
 * @param bytesRead bytes read by the latest pass so far (for standard input, 0)
 */
record CountedInput(TextInput text, long size, AtomicLong bytesRead) {

    /** The {@code --input} that names standard input. */
    static final String STANDARD_INPUT = "-";

    /** The characters of standard input kept so that a later pass can read them again (4 Mi). */
    static final int REPLAYABLE_CHARS = 1 << 22;

    /** Whether {@code arg} names standard input ({@code -}). */
    static boolean isStandardInput(String arg) {
        return STANDARD_INPUT.equals(arg);
    }

    /** Standard input ({@code System.in}), called "standard input" in errors. */
    static CountedInput standardInput() {
        return new CountedInput(TextInput.ofStream("standard input", System.in, REPLAYABLE_CHARS), -1,
                new AtomicLong());
    }

    /** The file {@code file}, named by its file name in errors; each pass counts its bytes from 0. */
    static CountedInput of(Path file) {
        Path name = file.getFileName();
        return of(file, name == null ? file.toString() : name.toString());
    }

    /** The file {@code file}, called {@code name} in errors; each pass counts its bytes from 0. */
    static CountedInput of(Path file, String name) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        AtomicLong read = new AtomicLong();
        TextInput text = TextInput.ofBytes(name, () -> {
            read.set(0);
            return new Counting(Files.newInputStream(file), read);
        });
        return new CountedInput(text, size, read);
    }

    /** The name errors give the input. */
    String name() {
        return text.name();
    }

    /** Counts the bytes read into {@code read}. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong read;

        Counting(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            read.addAndGet(k);
            return k;
        }
    }
}
