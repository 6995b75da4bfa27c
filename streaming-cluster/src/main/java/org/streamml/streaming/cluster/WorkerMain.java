package org.streamml.streaming.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of worker processes ({@code local-cluster[N]} starts these; the {@code streamml worker}
 * command does the same): {@code --master HOST:PORT [--cores N] [--secret-file F] [--max-frame-bytes B]}.
 * The secret comes from the file, or else from the {@code STREAMML_CLUSTER_SECRET} environment variable.
 * Exits 0 when the driver goes away after registration, 1 if the handshake failed, 2 on a usage error.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Runs a worker until its driver goes away, then exits. */
    public static void main(String[] args) throws InterruptedException {
        String master = null;
        int cores = Runtime.getRuntime().availableProcessors();
        String secret = System.getenv(LocalCluster.SECRET_ENV);
        int maxFrame = ClusterOptions.defaults().maxFrameBytes();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--master" -> master = required(args[i], value);
                    case "--cores" -> cores = Integer.parseInt(required(args[i], value));
                    case "--secret-file" -> secret = readSecret(Path.of(required(args[i], value)));
                    case "--max-frame-bytes" -> maxFrame = Integer.parseInt(required(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
                i++;
            }
            if (master == null) {
                throw new IllegalArgumentException("--master HOST:PORT is required");
            }
            HostPort hp = HostPort.parse(master);
            try (Worker w = Worker.connect(hp.host(), hp.port(), cores, secret, maxFrame)) {
                System.exit(w.awaitTermination());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("streamml worker: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The secret in {@code file}: its content without surrounding whitespace, which must not be empty. */
    public static String readSecret(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("the secret file is empty: " + file);
            }
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the secret file " + file + ": " + e.getMessage(), e);
        }
    }
}
