package org.streamml.modelio;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The formats of model files. {@link ModelIO#load} recognizes a file's format from its first bytes, so
 * the extension is only a hint for writing.
 */
public enum ModelFormat {
    /** Readable JSON: metadata and the model's JSON form ({@link ModelJson}); full state. */
    JSON("json"),
    /** Compact little-endian binary with a CRC-32 checksum; full state, fastest to read and write. */
    BINARY("bin"),
    /**
     * PMML 4.4 for exchange with other tools: {@code RegressionModel} and {@code ClusteringModel}.
     * StreamML's version, batch time, threshold and cluster weights travel in {@code Extension}
     * elements, which other readers ignore.
     */
    PMML("pmml");

    private final String extension;

    ModelFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format named {@code name} ({@code json}, {@code binary} or {@code pmml}, any case).
     *
     * @throws IllegalArgumentException for another name
     */
    public static ModelFormat fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "json":
                return JSON;
            case "binary":
            case "bin":
                return BINARY;
            case "pmml":
            case "xml":
                return PMML;
            default:
                throw new IllegalArgumentException("model format must be json, binary or pmml: " + name);
        }
    }

    /**
     * The format a file named {@code path} is written in when the caller does not say: {@code .json}
     * gives JSON, {@code .pmml} and {@code .xml} give PMML, anything else binary.
     */
    public static ModelFormat forFileName(Path path) {
        Path name = path.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return JSON;
        }
        if (n.endsWith(".pmml") || n.endsWith(".xml")) {
            return PMML;
        }
        return BINARY;
    }
}
