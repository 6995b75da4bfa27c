package org.streamml.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A named text input that can be opened any number of times: a file, a class-path resource or a string.
 * Readers open it once per pass, so a stream over it can be replayed from the start.
 *
 * @param name the name errors show (a file name)
 * @param opener opens a fresh reader positioned at the start
 */
public record TextInput(String name, Opener opener) {

    /** Opens a fresh UTF-8 reader of the input. */
    @FunctionalInterface
    public interface Opener {
        /** A new reader at the start of the input. */
        Reader open() throws IOException;
    }

    /** Checks both parts are present. */
    public TextInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** The UTF-8 file at {@code path}; errors name it by its file name. */
    public static TextInput of(Path path) {
        Objects.requireNonNull(path, "path");
        Path file = path.getFileName();
        return of(path, file == null ? path.toString() : file.toString());
    }

    /** The UTF-8 file at {@code path}, called {@code name} in error messages (e.g. the path as the user gave it). */
    public static TextInput of(Path path, String name) {
        Objects.requireNonNull(path, "path");
        return new TextInput(name, () -> new Utf8Reader(Files.newInputStream(path)));
    }

    /** The UTF-8 class-path resource {@code resource} (absolute, without a leading slash) of {@code loader}. */
    public static TextInput ofResource(ClassLoader loader, String resource) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(resource, "resource");
        int slash = resource.lastIndexOf('/');
        return new TextInput(resource.substring(slash + 1), () -> {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no class-path resource " + resource);
            }
            return new Utf8Reader(in);
        });
    }

    /** The text {@code content}, named {@code name} in errors (for tests and small inline data). */
    public static TextInput ofString(String name, String content) {
        Objects.requireNonNull(content, "content");
        return new TextInput(name, () -> new java.io.StringReader(content));
    }

    /** Opens a fresh reader, turning an I/O failure into an unchecked error that names the input. */
    public Reader openReader() {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }
}
