package org.streamml.streaming.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written whole or not at all: the content goes to a temporary file {@code .NAME.RANDOM.tmp} in the
 * target's directory; {@link #commit()} flushes it, forces it to the disk, renames it over the target in
 * one step and forces the directory entry. Closing without committing deletes the temporary file, so a
 * failed or interrupted writer keeps the previous file intact; a crash before the rename can leave a
 * {@code .NAME.*.tmp} file beside the target, which nothing reads.
 *
 * <pre>{@code
 * try (AtomicFile f = AtomicFile.create(path)) {
 *     f.writer().write("timestamp,value\n");
 *     ...
 *     f.commit();
 * }
 * AtomicFile.write(path, bytes);                     // the one-shot forms
 * AtomicFile.writeText(path, w -> w.write("..."));
 * }</pre>
 *
 * <p>The new file gets the default permissions of a new file (not the owner-only ones of
 * {@link Files#createTempFile}); a replaced file keeps its permissions. A file system that cannot rename
 * atomically is reported as an error rather than risking a half-replaced file.
 */
public final class AtomicFile implements Closeable {

    /** What writes a file's bytes. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes the whole content to {@code out} (do not close it). */
        void writeTo(OutputStream out) throws IOException;
    }

    /** What writes a file's UTF-8 text. */
    @FunctionalInterface
    public interface TextWriter {
        /** Writes the whole text to {@code out} (do not close it). */
        void writeTo(Writer out) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private Writer writer;
    private boolean done;

    private AtomicFile(Path target, Path temp) throws IOException {
        this.target = target;
        this.temp = temp;
        this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.stream = Channels.newOutputStream(channel);
    }

    /** Starts replacing {@code target}; creates its directory if needed. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        try {
            return new AtomicFile(absolute, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with what {@code content} writes. */
    public static void write(Path target, ContentWriter content) throws IOException {
        try (AtomicFile f = create(target)) {
            content.writeTo(f.stream());
            f.commit();
        }
    }

    /** Replaces {@code target} with the UTF-8 text {@code content} writes. */
    public static void writeText(Path target, TextWriter content) throws IOException {
        try (AtomicFile f = create(target)) {
            content.writeTo(f.writer());
            f.commit();
        }
    }

    /** The target this file will replace. */
    public Path target() {
        return target;
    }

    /** The temporary file's byte stream (unbuffered); do not mix with {@link #writer()}. */
    public OutputStream stream() {
        return stream;
    }

    /** A buffered UTF-8 writer on the temporary file, the same one on every call. */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** Flushes, forces and renames the temporary file over the target. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("the file " + target + " was already committed or closed");
        }
        if (writer != null) {
            writer.flush();
        }
        stream.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically: the file system does not support an"
                    + " atomic rename in " + target.getParent(), e);
        }
        done = true;
        forceDirectory(target.getParent());
    }

    /** Deletes the temporary file unless the file was committed. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            Path existing = dir.resolve(name);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix && Files.exists(existing)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(existing));
                } catch (IOException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
            }
            return temp;
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory as a channel; there the rename is durable once it returns.
        }
    }
}
