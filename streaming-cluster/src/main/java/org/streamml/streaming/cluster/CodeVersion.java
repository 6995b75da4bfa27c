package org.streamml.streaming.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the engine's code that driver and workers compare in their handshake: the jar's
 * implementation version (or {@code dev}) and a hash of the engine's code itself (the jar's bytes, or
 * every class file when running from a build directory), so two builds of the same version differ too.
 */
public final class CodeVersion {
    private static final String CURRENT = compute();

    private CodeVersion() {
    }

    /** This process's engine code version, for example {@code 0.1.0-SNAPSHOT+3fa2c1d09b7e55aa}. */
    public static String current() {
        return CURRENT;
    }

    private static String compute() {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        return (v == null ? "dev" : v) + "+" + codeHash();
    }

    private static String codeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            CodeSource src = CodeVersion.class.getProtectionDomain().getCodeSource();
            Path location = src == null ? null : Path.of(src.getLocation().toURI());
            if (location == null) {
                return "unknown";
            }
            if (Files.isRegularFile(location)) {
                digest(md, location);
            } else {
                Path root = location.resolve("org/streamml/streaming");
                List<Path> files;
                try (Stream<Path> s = Files.walk(root)) {
                    files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path p : files) {
                    md.update(root.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest(md, p);
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void digest(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
    }
}
