package org.streamml.streaming.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.streamml.streaming.Source;
import org.streamml.streaming.Time;

/**
 * The lines of text files that newly appear in a directory (Spark's {@code textFileStream}): each batch
 * takes the files that appeared since the last one, oldest modification time first, and gives all
 * their lines. Files already there at start are ignored, as are names starting with {@code .} (write a
 * file under such a name, then rename it, so it is never read half written) and subdirectories. Each
 * file is read once; later changes to it are ignored.
 *
 * <p>At most {@code maxFilesPerBatch} files are taken per batch, the rest wait for the next one, so a
 * burst of files cannot overload a batch. Never exhausted. Not replayable (Spark recovers this source
 * from the file lists in its checkpoints; this engine has none yet); a plain {@link Source};
 * {@link #linesTaken()} counts lines.
 */
public final class DirectorySource implements Source<String> {
    private final Path directory;
    private final int maxFilesPerBatch;
    private final Set<Path> seen = new HashSet<>();
    private long offset;

    /** A source over new files in {@code directory}, at most {@code maxFilesPerBatch} (>= 1) per batch. */
    public DirectorySource(Path directory, int maxFilesPerBatch) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (maxFilesPerBatch < 1) {
            throw new IllegalArgumentException("files per batch must be >= 1: " + maxFilesPerBatch);
        }
        this.maxFilesPerBatch = maxFilesPerBatch;
    }

    @Override
    public synchronized void start() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("not a directory: " + directory);
        }
        for (Candidate c : list()) {
            seen.add(c.path());
        }
    }

    @Override
    public synchronized List<String> poll(Time batchTime) throws IOException {
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate c : list()) {
            if (!seen.contains(c.path())) {
                fresh.add(c);
            }
        }
        fresh.sort(Comparator.comparingLong(Candidate::modified).thenComparing(Candidate::path));
        List<String> out = new ArrayList<>();
        for (Candidate c : fresh.subList(0, Math.min(maxFilesPerBatch, fresh.size()))) {
            try {
                out.addAll(Files.readAllLines(c.path(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException("cannot read " + c.path() + ": " + e.getMessage(), e);
            }
            seen.add(c.path());
        }
        // Forget files that are gone, so the set of seen names does not grow without bound.
        Set<Path> present = new HashSet<>();
        for (Candidate c : list()) {
            present.add(c.path());
        }
        seen.retainAll(present);
        offset += out.size();
        return out;
    }

    private record Candidate(Path path, long modified) {
    }

    private List<Candidate> list() throws IOException {
        List<Candidate> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                if (a.isRegularFile()) {
                    out.add(new Candidate(p, a.lastModifiedTime().toMillis()));
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public boolean isExhausted() {
        return false;
    }

    /** The number of lines given so far (a count, not a position to seek to: the source is not replayable). */
    public synchronized long linesTaken() {
        return offset;
    }
}
