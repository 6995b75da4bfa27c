package org.streamml.streaming;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
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
import org.streamml.streaming.checkpoint.BytesOut;
import org.streamml.streaming.checkpoint.Values;

/**
 * The write-ahead log of a source that cannot replay, so that after a crash the batches after the last
 * checkpoint are regenerated record for record and batch for batch, and nothing received is lost.
 *
 * <p>Two ways of logging, by the kind of source:
 * <ul>
 *   <li>a plain {@link Source} that forgets what it gave: each batch's records are appended as one
 *       {@code BATCH} block, forced to the disk before the batch runs;</li>
 *   <li>a {@link ReceiverSource} (a socket): its receiver thread appends every block it receives as a
 *       {@code RECEIVED} block before the records enter its buffer, and each batch appends a small
 *       {@code TAKEN} block (the index after the records it took) before it runs. After a restart the
 *       records received but never taken go back to the source, first in line.</li>
 * </ul>
 * Records are numbered from 0 in the order received; a checkpoint stores the index after the records the
 * batches took ({@link #index()}).
 *
 * <p>Files: {@code wal/stream-ID/FIRST.log} in the checkpoint directory; a new segment starts at every
 * checkpoint, named by the index of the next record it will receive, so segment {@code i} holds records
 * below the name of segment {@code i + 1}. A segment is deleted once every checkpoint still kept has taken
 * all of its records: the log holds the records received since the oldest kept checkpoint (bounded by
 * {@code keep x every} batches of records plus the source's buffer). A block is {@code int length,
 * int crc32c, byte kind, long index, [Values-encoded list]}; a torn block at the end of a segment (a crash
 * during an append) is cut off, since nothing counted on it.
 */
final class SourceLog {
    private static final Pattern SEGMENT = Pattern.compile("(\\d{1,19})\\.log");
    private static final byte BATCH = 0;
    private static final byte RECEIVED = 1;
    private static final byte TAKEN = 2;

    private final Path dir;
    private final Values values;
    private final String stream;
    private FileChannel segment;
    /** The index after the records the batches took. */
    private long nextIndex;
    /** The index after the records received (equal to {@link #nextIndex} for batch logging). */
    private long receivedIndex;
    private final Deque<List<Object>> replay = new ArrayDeque<>();
    private List<Object> pendingReceived = List.of();

    SourceLog(Path checkpointDir, int streamId, String stream, Values values) {
        this.dir = checkpointDir.resolve("wal").resolve("stream-" + streamId);
        this.values = values;
        this.stream = stream;
    }

    /**
     * Opens the log after a (re)start: the batches that took records from {@code consumed} on (what the
     * restored checkpoint had not yet processed) are queued for replay; received records no batch took
     * are kept for {@link #takePendingReceived()}; new records continue after all of them.
     */
    synchronized void open(long consumed) throws IOException {
        Files.createDirectories(dir);
        nextIndex = consumed;
        receivedIndex = consumed;
        List<Object> received = new ArrayList<>();
        for (Path p : segments()) {
            readSegment(p, consumed, received);
        }
        int taken = (int) (nextIndex - consumed);
        pendingReceived = received.size() > taken ? new ArrayList<>(received.subList(taken, received.size()))
                : List.of();
        startSegment();
    }

    private void readSegment(Path p, long consumed, List<Object> received) throws IOException {
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
            if (length < 9 || length > buf.remaining()) {
                truncate(p, start);
                return;
            }
            CRC32C check = new CRC32C();
            check.update(bytes, buf.position(), length);
            if ((int) check.getValue() != crc) {
                throw new IOException("write-ahead log " + p + " of " + stream + " is damaged at byte " + start
                        + " (checksum mismatch)");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, buf.position(), length));
            byte kind = in.readByte();
            long index = in.readLong();
            buf.position(buf.position() + length);
            switch (kind) {
                case BATCH -> {
                    List<Object> records = records(in);
                    if (index >= consumed && index == nextIndex) {
                        replay.add(records);
                        nextIndex += records.size();
                        receivedIndex = nextIndex;
                    }
                }
                case RECEIVED -> {
                    List<Object> records = records(in);
                    long end = index + records.size();
                    if (index > receivedIndex) {
                        throw new IOException("write-ahead log " + p + " of " + stream + " misses records "
                                + receivedIndex + " to " + (index - 1) + " (a block at byte " + start
                                + " starts at record " + index + ")");
                    }
                    if (end > receivedIndex) {
                        received.addAll(records.subList((int) (receivedIndex - index), records.size()));
                        receivedIndex = end;
                    }
                }
                case TAKEN -> {
                    if (index > nextIndex) {
                        if (index > receivedIndex) {
                            throw new IOException("write-ahead log " + p + " of " + stream + ": a batch took"
                                    + " records up to " + index + " but only " + receivedIndex + " were logged");
                        }
                        replay.add(new ArrayList<>(received.subList((int) (nextIndex - consumed),
                                (int) (index - consumed))));
                        nextIndex = index;
                    }
                }
                default -> throw new IOException("write-ahead log " + p + " of " + stream + " has a block of"
                        + " unknown kind " + kind + " at byte " + start);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> records(DataInputStream in) throws IOException {
        return (List<Object>) values.read(in);
    }

    /** Cuts a torn block off the end of a segment (a crash during its append: nothing counted on it). */
    private static void truncate(Path p, long size) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.truncate(size);
            c.force(true);
        }
    }

    /** Whether logged batches wait to be replayed. */
    synchronized boolean replaying() {
        return !replay.isEmpty();
    }

    /** The next logged batch to replay. */
    @SuppressWarnings("unchecked")
    synchronized <T> List<T> nextReplayed() {
        return (List<T>) replay.poll();
    }

    /** The records received before the restart that no batch took; once. */
    @SuppressWarnings("unchecked")
    synchronized <T> List<T> takePendingReceived() {
        List<T> out = (List<T>) pendingReceived;
        pendingReceived = List.of();
        return out;
    }

    /** Appends a new batch's records (a source logged per batch) and forces them to the disk. */
    synchronized void append(List<?> records) throws IOException {
        write(BATCH, nextIndex, records);
        nextIndex += records.size();
        receivedIndex = nextIndex;
    }

    /** Appends a block a receiver received and forces it to the disk (called on the receiver's thread). */
    synchronized void appendReceived(List<?> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        write(RECEIVED, receivedIndex, records);
        receivedIndex += records.size();
    }

    /** Records that a batch took the next {@code count} received records, before the batch runs. */
    synchronized void taken(int count) throws IOException {
        if (nextIndex + count > receivedIndex) {
            throw new IllegalStateException(stream + " gave a batch " + count + " records but only "
                    + (receivedIndex - nextIndex) + " were logged as received and not yet taken");
        }
        if (count == 0) {
            return;
        }
        write(TAKEN, nextIndex + count, null);
        nextIndex += count;
    }

    private void write(byte kind, long index, List<?> records) throws IOException {
        if (segment == null) {
            throw new IOException("the write-ahead log of " + stream + " is closed");
        }
        BytesOut out = new BytesOut();
        out.writeByte(kind);
        out.writeLong(index);
        if (records != null) {
            values.write(new ArrayList<>(records), out);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.buffer(), 0, out.size());
        ByteBuffer block = ByteBuffer.allocate(8 + out.size());
        block.putInt(out.size()).putInt((int) crc.getValue()).put(out.buffer(), 0, out.size()).flip();
        while (block.hasRemaining()) {
            segment.write(block);
        }
        segment.force(false);
    }

    /** The index after the records the batches so far took: what a checkpoint of them has consumed. */
    synchronized long index() {
        return nextIndex;
    }

    /** At a checkpoint: starts a new segment, so that older ones can go once the checkpoints no longer need them. */
    synchronized void roll() throws IOException {
        startSegment();
    }

    /**
     * Deletes the segments whose records every kept checkpoint has taken: those before the one holding
     * record {@code keepFrom}, the index the oldest kept checkpoint consumed.
     */
    synchronized void trim(long keepFrom) throws IOException {
        List<Path> all = segments();
        for (int i = 0; i + 1 < all.size(); i++) {
            // segment i holds records below first(i + 1): all taken by every kept checkpoint when <= keepFrom
            if (first(all.get(i + 1)) <= keepFrom) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }

    private void startSegment() throws IOException {
        closeSegment();
        Path p = dir.resolve(String.format("%019d.log", receivedIndex));
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

    private void closeSegment() throws IOException {
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }

    synchronized void close() throws IOException {
        closeSegment();
    }
}
