package org.streamml.streaming.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.streamml.streaming.io.AtomicFile;

/**
 * The checkpoint files of one directory: {@code checkpoint-TIME.ckpt}, one per checkpointed batch time,
 * of which the newest {@code keep} are kept.
 *
 * <p>The file format (version {@value #FORMAT_VERSION}), big-endian:
 * <pre>
 * magic      8 bytes  "SMLCKPT\n"
 * version    int      {@value #FORMAT_VERSION}
 * batchTime  long     the last batch covered, ms
 * zeroTime   long     the context's zero time, ms
 * lines      int n, then n strings: the program's fingerprint
 * sections   int m, then m times (string id, int length, length bytes): encoded state ({@link Values})
 * crc32c     int      of every byte before it
 * </pre>
 * Strings are an int length and UTF-8 bytes. Files are written whole or not at all (temporary file, fsync,
 * rename, directory sync, through {@link AtomicFile}); a newer checkpoint replaces nothing until it is
 * complete, and the older ones beyond {@code keep} are deleted only after it is. Reading verifies the
 * magic, version and checksum; {@link #latest} falls back to the previous checkpoint when the newest is
 * damaged, and says so.
 */
public final class CheckpointStore {
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "SMLCKPT\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{1,19})\\.ckpt");
    private static final int MAX_STRING = 1 << 20;

    private final Path dir;
    private final int keep;
    /** The checkpoint files, oldest first, once the first write listed the directory. */
    private List<Path> written;

    /** The checkpoints in {@code dir}, keeping the newest {@code keep} (>= 1). */
    public CheckpointStore(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("checkpoints to keep must be >= 1: " + keep);
        }
        this.dir = dir;
        this.keep = keep;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** How many of the newest checkpoints are kept. */
    public int keep() {
        return keep;
    }

    /** The file of the checkpoint at {@code batchTimeMillis}. */
    public Path fileOf(long batchTimeMillis) {
        return dir.resolve(String.format("checkpoint-%013d.ckpt", batchTimeMillis));
    }

    /**
     * Writes {@code c} atomically, then deletes the checkpoints older than the newest {@code keep}. The file is
     * streamed to the disk as it is encoded (header, then each section's bytes as they are, the checksum
     * computed on the way), so a checkpoint of a large state is never copied whole in memory; the directory is
     * listed on the first write only, after which this store knows the files it wrote.
     */
    public synchronized Path write(Checkpoint c) throws IOException {
        Files.createDirectories(dir);
        Path file = fileOf(c.batchTimeMillis());
        AtomicFile.write(file, out -> encodeTo(c, out));
        if (written == null) {
            written = new ArrayList<>(files());
        } else {
            written.remove(file);
            written.add(file);
            written.sort((a, b) -> Long.compare(timeOf(a), timeOf(b)));
        }
        while (written.size() > keep) {
            Files.deleteIfExists(written.remove(0));
        }
        return file;
    }

    /** The checkpoint files, oldest first. */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort((a, b) -> Long.compare(timeOf(a), timeOf(b)));
        return out;
    }

    private static long timeOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(p.toString());
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The newest checkpoint that reads back whole; a damaged newer one is reported to {@code warnings} (one
     * line naming the file and the damage) and skipped.
     *
     * @throws CheckpointException if there are checkpoint files and none of them is usable
     */
    public Optional<Checkpoint> latest(Consumer<String> warnings) throws IOException {
        List<Path> files = files();
        List<String> damaged = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path f = files.get(i);
            try {
                Checkpoint c = read(f);
                for (String d : damaged) {
                    warnings.accept(d + "; using the previous checkpoint " + f);
                }
                return Optional.of(c);
            } catch (CheckpointException e) {
                damaged.add(e.getMessage());
            }
        }
        if (!damaged.isEmpty()) {
            throw new CheckpointException(damaged.get(0) + (damaged.size() > 1 ? " (and " + (damaged.size() - 1)
                    + " older checkpoint(s) are damaged too)" : "") + "; to start fresh, remove or empty " + dir);
        }
        return Optional.empty();
    }

    /** Reads and verifies one checkpoint file. */
    public static Checkpoint read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + " does not exist");
        }
        return decode(file, bytes);
    }

    /**
     * Writes the file format to {@code target}: the header and the section ids through a small buffer, each
     * section's bytes straight through, and the CRC-32C of everything before it.
     */
    private static void encodeTo(Checkpoint c, java.io.OutputStream target) throws IOException {
        CRC32C crc = new CRC32C();
        BytesOut head = new BytesOut(8192);
        head.write(MAGIC);
        head.writeInt(FORMAT_VERSION);
        head.writeLong(c.batchTimeMillis());
        head.writeLong(c.zeroTimeMillis());
        head.writeInt(c.fingerprint().size());
        for (String line : c.fingerprint()) {
            writeString(head, line);
        }
        head.writeInt(c.sections().size());
        for (Map.Entry<String, byte[]> e : c.sections().entrySet()) {
            writeString(head, e.getKey());
            head.writeInt(e.getValue().length);
            if (e.getValue().length < 4096) {
                head.write(e.getValue());
            } else {
                flush(head, crc, target);
                crc.update(e.getValue());
                target.write(e.getValue());
            }
        }
        flush(head, crc, target);
        head.writeInt((int) crc.getValue());
        target.write(head.buffer(), 0, head.size());
    }

    private static void flush(BytesOut head, CRC32C crc, java.io.OutputStream target) throws IOException {
        crc.update(head.buffer(), 0, head.size());
        target.write(head.buffer(), 0, head.size());
        head.reset();
    }

    static Checkpoint decode(Path file, byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException("checkpoint " + file + " is not a StreamML checkpoint (found "
                    + (bytes.length < MAGIC.length ? bytes.length + " bytes" : "other leading bytes")
                    + ", expected the magic SMLCKPT)");
        }
        int version = ((bytes[8] & 0xff) << 24) | ((bytes[9] & 0xff) << 16) | ((bytes[10] & 0xff) << 8)
                | (bytes[11] & 0xff);
        if (version != FORMAT_VERSION) {
            throw new CheckpointException("checkpoint " + file + " has format version " + version
                    + ", this StreamML reads version " + FORMAT_VERSION
                    + (version > FORMAT_VERSION ? " (written by a newer StreamML)" : ""));
        }
        if (bytes.length < MAGIC.length + 8) {
            throw new CheckpointException("checkpoint " + file + " is truncated (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
                | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
        if (stored != (int) crc.getValue()) {
            throw new CheckpointException("checkpoint " + file + " is damaged: its checksum does not match its"
                    + " content (" + bytes.length + " bytes; truncated or modified)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 12, bytes.length - 16));
            long batchTime = in.readLong();
            long zeroTime = in.readLong();
            int lines = count(in, "fingerprint lines");
            List<String> fingerprint = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                fingerprint.add(readString(in));
            }
            int n = count(in, "sections");
            Map<String, byte[]> sections = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String id = readString(in);
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("section " + id + " declares " + length + " bytes, " + in.available()
                            + " are left");
                }
                byte[] b = new byte[length];
                in.readFully(b);
                sections.put(id, b);
            }
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes after the last section");
            }
            return new Checkpoint(batchTime, zeroTime, fingerprint, sections);
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint " + file + " is truncated inside its content");
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + " is damaged: " + e.getMessage());
        }
    }

    private static int count(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count of " + what + ": " + n);
        }
        return n;
    }

    private static void writeString(BytesOut out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
