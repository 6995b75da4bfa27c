package org.streamml.streaming;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.streamml.streaming.checkpoint.Values;

/**
 * The write-ahead log of a source that cannot replay (a socket receiver, a directory of new files): every
 * batch's records are appended as one block and forced to the disk before the batch runs, so that after a
 * crash the batches after the last checkpoint are regenerated from the log, record for record and batch
 * for batch, before new records are taken from the source.
 *
 * <p>Files: {@code wal/stream-ID/FIRST.log} in the checkpoint directory, a new segment after every
 * checkpoint; a segment whose records all precede the newest checkpoint is deleted, so the log holds at
 * most the records of the batches since the checkpoint before the last (bounded by the checkpoint interval
 * times the batch size). A block is {@code int length, int crc32c, long firstIndex, Values-encoded list}; a
 * torn block at the end of the newest segment (a crash during the append) is ignored, since its batch never
 * ran.
 */
final class SourceLog {
    private static final Pattern SEGMENT = Pattern.compile("(\\d{1,19})\\.log");

    private final Path dir;
    private final Values values;
    private final String stream;
    private FileChannel segment;
    private long nextIndex;
    private final Deque<List<Object>> replay = new ArrayDeque<>();

    SourceLog(Path checkpointDir, int streamId, String stream, Values values) {
        this.dir = checkpointDir.resolve("wal").resolve("stream-" + streamId);
        this.values = values;
        this.stream = stream;
    }

    /**
     * Opens the log after a (re)start: the blocks from record {@code consumed} on (what the checkpoint had
     * not yet processed) are queued for replay, the next records continue after them.
     */
    void open(long consumed) throws IOException {
        Files.createDirectories(dir);
        nextIndex = consumed;
        for (Path p : segments()) {
            readSegment(p, consumed);
        }
        startSegment();
    }

    private void readSegment(Path p, long consumed) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            int start = buf.position();
            if (buf.remaining() < 8) {
                truncate(p, start);
                return;
            }
            int length = buf.getInt();
            int crc = buf.getInt();
            if (length < 8 || length > buf.remaining()) {
                truncate(p, start);
                return;
            }
            CRC32C check = new CRC32C();
            check.update(bytes, buf.position(), length);
            if ((int) check.getValue() != crc) {
                throw new IOException("write-ahead log " + p + " of " + stream + " is damaged at byte "
                        + (buf.position() - 8) + " (checksum mismatch)");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, buf.position(), length));
            long first = in.readLong();
            @SuppressWarnings("unchecked")
            List<Object> records = (List<Object>) values.read(in);
            buf.position(buf.position() + length);
            if (first >= consumed && first == nextIndex) {
                replay.add(records);
                nextIndex += records.size();
            }
        }
    }

    /** Cuts a torn block off the end of a segment (a crash during its append: its batch never ran). */
    private static void truncate(Path p, long size) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.truncate(size);
            c.force(true);
        }
    }

    /** Whether logged batches wait to be replayed. */
    boolean replaying() {
        return !replay.isEmpty();
    }

    /** The next logged batch to replay. */
    @SuppressWarnings("unchecked")
    <T> List<T> nextReplayed() {
        return (List<T>) replay.poll();
    }

    /** Appends a new batch's records and forces them to the disk; returns the index after them. */
    long append(List<?> records) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        out.writeLong(nextIndex);
        values.write(new ArrayList<>(records), out);
        out.flush();
        byte[] body = buf.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer block = ByteBuffer.allocate(8 + body.length);
        block.putInt(body.length).putInt((int) crc.getValue()).put(body).flip();
        while (block.hasRemaining()) {
            segment.write(block);
        }
        segment.force(false);
        nextIndex += records.size();
        return nextIndex;
    }

    /** The index of the next record: what the batches so far consumed. */
    long index() {
        return nextIndex;
    }

    /** After a checkpoint covering the records before {@code consumed}: starts a new segment, drops old ones. */
    void checkpointed(long consumed) throws IOException {
        startSegment();
        List<Path> all = segments();
        for (int i = 0; i + 1 < all.size(); i++) {
            // segment i holds records [first(i), first(i+1)): all processed when first(i+1) <= consumed
            if (first(all.get(i + 1)) <= consumed) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }

    private void startSegment() throws IOException {
        close();
        Path p = dir.resolve(String.format("%019d.log", nextIndex));
        segment = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot force a directory; the segment itself is forced per block
        }
    }

    private List<Path> segments() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort((a, b) -> Long.compare(first(a), first(b)));
        return out;
    }

    private static long first(Path p) {
        Matcher m = SEGMENT.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    void close() throws IOException {
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }
}
