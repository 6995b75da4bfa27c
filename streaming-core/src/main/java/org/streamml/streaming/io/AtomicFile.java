package org.streamml.streaming.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file written whole or not at all: the content goes to a temporary file {@code .NAME.RANDOM.tmp} in the
 * target's directory; {@link #commit()} flushes it, forces it to the disk, renames it over the target in
 * one step and forces the directory entry. Closing without committing deletes the temporary file, so a
 * failed or interrupted writer keeps the previous file intact.
 *
 * <p>Nothing is left behind:
 * <ul>
 *   <li>an exception while writing: {@link #close()} (try-with-resources) deletes the temporary file;</li>
 *   <li>SIGTERM, SIGINT (Ctrl-C) or {@link System#exit}: one JVM shutdown hook, installed with the first
 *       AtomicFile, deletes the temporary files of every AtomicFile still open (a registry of open
 *       temporary files);</li>
 *   <li>a kill that runs no hook (SIGKILL, power loss): the {@code .NAME.*.tmp} file left beside the
 *       target is removed by the next write to the same target, if it is <em>stale</em>: not open in this
 *       process, not locked by any process (every writer holds an exclusive {@link FileChannel#tryLock()
 *       lock} on its temporary file while it writes) and last modified at least {@link #STALE_AGE} ago
 *       (which covers the instant between another process creating its file and locking it, and file
 *       systems without locks). A writer of another process that is still writing is therefore never
 *       disturbed.</li>
 * </ul>
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

    /**
     * How old a leftover {@code .NAME.*.tmp} file (by its last modification) must at least be before a
     * write to the same target removes it (it must also be neither open in this process nor locked).
     */
    public static final Duration STALE_AGE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    /** The temporary files of the AtomicFiles of this process not yet committed or closed. */
    private static final Set<Path> OPEN_TEMPS = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(AtomicFile::deleteOpenTemps, "streamml-atomic-file-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
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
        try {
            // Tells writers in other processes that this file is in use (see stale-file removal).
            channel.tryLock();
        } catch (IOException | OverlappingFileLockException noLocks) {
            // A file system without locks: the age rule alone protects this file.
        }
        this.stream = Channels.newOutputStream(channel);
    }

    /**
     * Starts replacing {@code target}; creates its directory if needed and removes the stale temporary
     * files earlier writers of {@code target} left behind (see the class comment).
     */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        String name = absolute.getFileName().toString();
        removeStaleTemps(dir, name, Instant.now());
        Path temp = createTemp(dir, name);
        try {
            return new AtomicFile(absolute, temp);
        } catch (IOException | RuntimeException e) {
            OPEN_TEMPS.remove(temp);
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Deletes the {@code .NAME.*.tmp} files beside {@code dir/name} that are stale at {@code now}: not open
     * in this process, last modified at least {@link #STALE_AGE} before {@code now} and not locked by any
     * process. Failures are logged, never thrown: the write goes on.
     *
     * @return how many files were deleted
     */
    static int removeStaleTemps(Path dir, String name, Instant now) {
        String prefix = "." + name + ".";
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                e -> {
                    String n = e.getFileName().toString();
                    return n.startsWith(prefix) && n.endsWith(".tmp") && n.length() > prefix.length() + 4
                            && n.substring(prefix.length(), n.length() - 4).matches("[0-9a-z]+");
                })) {
            for (Path candidate : entries) {
                if (isStale(candidate, now)) {
                    try {
                        if (Files.deleteIfExists(candidate)) {
                            removed++;
                            LOG.info("removed the stale temporary file " + candidate
                                    + " an interrupted write of " + dir.resolve(name) + " left behind");
                        }
                    } catch (IOException e) {
                        LOG.warn("cannot remove the stale temporary file " + candidate + ": " + e);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list " + dir + " for stale temporary files of " + name + ": " + e);
        }
        return removed;
    }

    private static boolean isStale(Path candidate, Instant now) {
        if (OPEN_TEMPS.contains(candidate)) {
            // Never open a channel on a file this process writes: closing it would drop the writer's lock.
            return false;
        }
        try {
            Instant modified = Files.getLastModifiedTime(candidate).toInstant();
            if (modified.isAfter(now.minus(STALE_AGE))) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(candidate, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    return false;          // another process is writing it
                }
                lock.release();
                return true;
            }
        } catch (OverlappingFileLockException inThisProcess) {
            return false;
        } catch (IOException e) {
            return false;                  // gone already, or unreadable: leave it
        }
    }

    /** The shutdown hook: deletes the temporary file of every AtomicFile still open. */
    private static void deleteOpenTemps() {
        for (Path temp : OPEN_TEMPS) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                System.err.println("streamml: cannot delete the temporary file " + temp + " at exit: " + e);
            }
        }
    }

    /** The temporary files of the AtomicFiles of this process still open (for tests). */
    static Set<Path> openTemps() {
        return Set.copyOf(OPEN_TEMPS);
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
        OPEN_TEMPS.remove(temp);
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
            try {
                Files.deleteIfExists(temp);
            } finally {
                OPEN_TEMPS.remove(temp);
            }
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            // Registered before it exists, so neither the shutdown hook nor a stale-file sweep misses it.
            OPEN_TEMPS.add(temp);
            try {
                Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                OPEN_TEMPS.remove(temp);
                continue;
            } catch (IOException | RuntimeException e) {
                OPEN_TEMPS.remove(temp);
                throw e;
            }
            Path existing = dir.resolve(name);
            // Only a file being replaced passes on its permissions; asked of the file itself, not of its file
            // store (finding the store of a path reads the whole mount table, on every write).
            if (Files.exists(existing)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(existing));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the new file gets the default ones
                } catch (IOException e) {
                    OPEN_TEMPS.remove(temp);
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
