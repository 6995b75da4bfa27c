package org.streamml.streaming;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The writer behind {@link DStream#saveAsTextFiles}: one directory per batch, one part file per
 * partition (written in parallel by partition tasks, on a cluster by the workers holding the partitions),
 * committed by the driver renaming a hidden temporary directory.
 */
final class TextFilesOutput<T> implements Serializable {
    private final String prefix;
    private final String suffix;

    TextFilesOutput(String prefix, String suffix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.suffix = Objects.requireNonNull(suffix, "suffix");
    }

    /** The directory of the batch at {@code time}: {@code prefix-<ms>[.suffix]}, Spark's naming. */
    Path directoryFor(Time time) {
        String name = (prefix.isEmpty() ? "" : prefix + "-") + time.millis() + (suffix.isEmpty() ? "" : "." + suffix);
        return Path.of(name).toAbsolutePath();
    }

    void write(Batch<T> batch, Time time) throws IOException {
        Path target = directoryFor(time);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            // Each part is written by a task where its partition is (on a cluster, by a worker: the directory
            // must be on storage the workers share with the driver), then the driver commits the directory.
            String dir = tmp.toString();
            List<Pair<Integer, List<T>>> parts = new ArrayList<>(batch.numPartitions());
            for (int i = 0; i < batch.numPartitions(); i++) {
                parts.add(Pair.of(i, batch.partition(i)));
            }
            batch.executor().runOnPartitions(parts, part -> {
                writePart(Path.of(dir, String.format("part-%05d", part.key())), part.value());
                return null;
            });
            Files.createFile(tmp.resolve("_SUCCESS"));
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (IOException e) {
            deleteTree(tmp);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static <T> void writePart(Path file, List<T> records) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T x : records) {
                w.write(String.valueOf(x));
                w.write('\n');
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path c : children) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(dir);
    }
}
