package org.streamml.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamml.streaming.io.Quote;

/**
 * The checks and messages of the files a command reads and writes, so that every failure names the file:
 * an output that is one of the inputs ({@code train --input x.csv --output x.csv} would replace the training
 * data), an output that is a directory or a device ({@code --output /dev/full} would be replaced by a regular
 * file, as outputs are written atomically by renaming), an input that is a directory, bytes that are not
 * UTF-8 (the JDK's bare {@code Input length = 1}) and write errors such as {@code No space left on device}.
 */
final class CliFiles {
    private static final Pattern AFTER_LINE = Pattern.compile("after line \\d+|line \\d+");

    private CliFiles() {
    }

    /**
     * A failure whose message already says everything (file and cause); {@link ErrorHandler} prints it
     * without the messages of its causes.
     */
    static final class FileError extends IOException {
        private static final long serialVersionUID = 1L;

        FileError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks that the input {@code file} of option {@code option} is a file that exists.
     *
     * @throws IllegalArgumentException "input file not found: FILE", or that it is a directory
     */
    static void requireInputFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + Quote.of(file.toString()) + " is a directory, not a"
                    + " file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
    }

    /**
     * Checks that the output {@code file} of option {@code option} can be written as a regular file: it does not
     * exist yet or is a regular file (a directory, a device such as {@code /dev/full} or a pipe would be
     * replaced by the atomic rename).
     *
     * @param file the output, or {@code null} when none was given (nothing to check)
     */
    static void requireOutputFile(String option, Path file) {
        if (file == null || !Files.exists(file) || Files.isRegularFile(file)) {
            return;
        }
        throw new IllegalArgumentException(option + " " + Quote.of(file.toString()) + (Files.isDirectory(file)
                ? " is a directory; name a file to write"
                : " is not a regular file (a device or a pipe), which writing the output would replace; name a"
                + " regular file"));
    }

    /**
     * Checks that the output {@code output} (option {@code outputOption}) is not the input {@code input}
     * (option {@code inputOption}). Two names are the same file when {@link Files#isSameFile} says so: after
     * resolving {@code ..}, relative paths and symbolic links, and for hard links too. An output that does
     * not exist yet cannot be an input.
     *
     * @param output the output file, or {@code null} when none was given
     * @param input the input file, or {@code null} when none was given
     * @throws IllegalArgumentException naming both options and the file when they are the same file
     */
    static void requireDistinct(String outputOption, Path output, String inputOption, Path input)
            throws IOException {
        if (output == null || input == null || !Files.exists(output) || !Files.exists(input)) {
            return;
        }
        if (Files.isSameFile(output, input)) {
            throw new IllegalArgumentException(outputOption + " " + Quote.of(output.toString()) + " is the same file"
                    + " as " + inputOption + " " + Quote.of(input.toString()) + "; writing it would overwrite the"
                    + " input: choose another output file");
        }
    }

    /**
     * {@code e}, a failure while reading {@code file}, with a message that names the file when the cause is
     * one the JDK reports without it: bytes that are not UTF-8 become "invalid UTF-8 in FILE"; anything else
     * comes back as it was.
     */
    static Exception explainRead(Path file, Exception e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CharacterCodingException) {
                return new FileError("invalid UTF-8 in " + file + where(e) + ": the file must be UTF-8 text"
                        + " (is it in another encoding, or not text?)", e);
            }
        }
        return e;
    }

    /** " after line N" from the first message in {@code e}'s chain that says it, else "". */
    private static String where(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                Matcher m = AFTER_LINE.matcher(c.getMessage());
                if (m.find()) {
                    return " (" + m.group() + ")";
                }
            }
        }
        return "";
    }

    /** Something that writes a file. */
    interface Write {
        void run() throws IOException;
    }

    /**
     * Runs {@code write}, which writes {@code file}, so that an I/O error names the file: "cannot write
     * FILE: No space left on device". Only checked {@link IOException}s are the writer's: the loaders report
     * read errors as {@link java.io.UncheckedIOException}s, which pass unchanged.
     */
    static void writing(Path file, Write write) throws IOException {
        try {
            write.run();
        } catch (FileError e) {
            throw e;
        } catch (IOException io) {
            String reason = io instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName();
            String message = reason.contains(file.toString()) || reason.contains(file.toAbsolutePath().toString())
                    ? reason : "cannot write " + file + ": " + reason;
            throw new FileError(message, io);
        }
    }
}
