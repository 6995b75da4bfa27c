package org.streamml.streaming.io;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child process of {@link AtomicFileSignalTest}: starts replacing the file named by its argument,
 * writes 1 MiB to the temporary file, prints {@link #HALF_WRITTEN} and blocks until it is killed.
 */
public final class AtomicFileWriterMain {
    /** The line printed once the temporary file holds data. */
    public static final String HALF_WRITTEN = "HALF_WRITTEN";

    private AtomicFileWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFile f = AtomicFile.create(Path.of(args[0]));
        f.stream().write(new byte[1 << 20]);
        System.out.println(HALF_WRITTEN);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
