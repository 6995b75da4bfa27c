package org.streamml.modelio;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a model file comes from: the library that wrote it (name and version) and when. The model's
 * own version (batches applied) and the time of its last batch are stored beside it and read back into
 * the model.
 *
 * @param library the writing library and its version, e.g. {@code StreamML 0.1.0} or
 *        {@code Apache Spark MLlib 3.5.6}; {@code unknown} when the file does not say
 * @param createdAt the creation time as the file states it (ISO-8601; StreamML writes UTC instants such
 *        as {@code 2026-11-25T12:00:00Z}); {@code unknown} when the file does not say
 */
public record Provenance(String library, String createdAt) {
    /** The text used where a file does not say. */
    public static final String UNKNOWN = "unknown";

    /** Validates the fields. */
    public Provenance {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This library, now (to the millisecond). */
    public static Provenance now() {
        return new Provenance(libraryName(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** {@code StreamML <version>}, the version taken from the build. */
    public static String libraryName() {
        return "StreamML " + LibraryVersion.VERSION;
    }
}
