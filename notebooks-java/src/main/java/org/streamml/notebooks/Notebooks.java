package org.streamml.notebooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The notebooks shipped with StreamML, read from the class path ({@code org/streamml/notebooks/NAME.jsh}). */
public final class Notebooks {
    /** The notebook names, in the order a newcomer should read them. */
    public static final List<String> NAMES = List.of("quickstart");

    private Notebooks() {
    }

    /**
     * The source of notebook {@code name}.
     *
     * @throws IllegalArgumentException if there is no such notebook
     */
    public static String source(String name) {
        try (InputStream in = Notebooks.class.getResourceAsStream(name + ".jsh")) {
            if (in == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException("no notebook named '" + name + "'; notebooks: "
                        + String.join(", ", NAMES));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notebook " + name, e);
        }
    }
}
