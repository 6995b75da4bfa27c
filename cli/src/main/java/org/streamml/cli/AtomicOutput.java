package org.streamml.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a command's output file whole or not at all: the text goes to a temporary file next to the target,
 * which is then renamed over it (atomically where the file system can), so a failure never leaves a half
 * file and keeps an existing one.
 */
final class AtomicOutput {
    /** What writes the file's text. */
    @FunctionalInterface
    interface Body {
        /** Writes the whole text to {@code out}. */
        void writeTo(BufferedWriter out) throws IOException;
    }

    private AtomicOutput() {
    }

    /** Writes {@code body}'s UTF-8 text to {@code target}, whose folder must exist. */
    static void write(Path target, Body body) throws IOException {
        Path file = target.toAbsolutePath();
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
