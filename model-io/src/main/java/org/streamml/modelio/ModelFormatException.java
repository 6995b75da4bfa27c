package org.streamml.modelio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be read: missing, truncated, damaged, of an unknown format version, of
 * another model type than the caller asked for, or holding invalid parameters. The message names the
 * file, where in it (field, line and column, or byte offset), what was found and what was expected, in
 * the form {@code FILE: WHERE: found X, expected Y}.
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;

    /** An exception with a complete {@code message} about {@code file}. */
    public ModelFormatException(String file, String message) {
        super(bounded(message));
        this.file = file;
    }

    /** An exception with a complete {@code message} about {@code file}, caused by {@code cause}. */
    public ModelFormatException(String file, String message, Throwable cause) {
        super(bounded(message), cause);
        this.file = file;
    }

    /**
     * An exception whose message reads {@code FILE: WHERE: found FOUND, expected EXPECTED}.
     *
     * @param file the file, as the user named it
     * @param where the position: a field path, a line and column, a byte offset or an element
     * @param found what the file holds there
     * @param expected what a valid file holds there
     */
    public static ModelFormatException of(Path file, String where, String found, String expected) {
        return of(String.valueOf(file), where, found, expected);
    }

    /** {@link #of(Path, String, String, String)} for a source named by text. */
    public static ModelFormatException of(String file, String where, String found, String expected) {
        return new ModelFormatException(file, file + ": " + where + ": found " + cut(found) + ", expected "
                + cut(expected));
    }

    /** The most characters of a found or expected value a message shows (a file's own text can be huge). */
    static final int PART_LIMIT = 200;

    /** The most characters of a whole message. */
    static final int MESSAGE_LIMIT = 1000;

    private static String cut(String part) {
        return part == null || part.length() <= PART_LIMIT ? part
                : part.substring(0, PART_LIMIT) + "\u2026 (" + part.length() + " chars)";
    }

    private static String bounded(String message) {
        return message == null || message.length() <= MESSAGE_LIMIT ? message
                : message.substring(0, MESSAGE_LIMIT) + "\u2026 (message of " + message.length() + " chars cut)";
    }

    /** The file the problem is in, as the caller named it. */
    public String file() {
        return file;
    }
}
