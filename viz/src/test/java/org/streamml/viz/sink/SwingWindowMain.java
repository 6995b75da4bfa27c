package org.streamml.viz.sink;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.imageio.ImageIO;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ManualClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.viz.live.LiveBatchMetrics;
import org.streamml.viz.live.LiveLines;

/**
 * Run by {@link DesktopSinkTest} in a child JVM with a display: opens the live window, streams a few
 * batches into it, saves a picture of the window, and prints {@code window-ok frames=N updates=M}; any
 * failure exits with status 1 and a message on standard error.
 */
public final class SwingWindowMain {
    private static final int BATCHES = 6;

    private SwingWindowMain() {
    }

    /** Runs the window check; {@code args[0]} is where to save the picture of the window. */
    public static void main(String[] args) throws Exception {
        Path picture = Path.of(args[0]);
        try {
            run(picture);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Path picture) throws Exception {
        Queue<List<Double>> queue = new ConcurrentLinkedQueue<>();
        for (int b = 1; b <= BATCHES; b++) {
            List<Double> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(Math.sin(b + i / 10.0) / b);
            }
            queue.add(batch);
        }
        ManualClock clock = new ManualClock();
        DesktopSink window = new DesktopSink("StreamML test", 480, 300, FramePacing.defaults());
        try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofMillis(100)).withClock(clock).withThreads(1))) {
            LiveLines error = LiveLines.metrics("error", List.of("mean |error|"), 100);
            LiveBatchMetrics batches = new LiveBatchMetrics("batches", 100);
            window.add(error);
            window.add(batches);
            ssc.addStreamingListener(batches);
            DStream<Double> errors = ssc.queueStream(queue);
            error.attachPerBatch(errors, b -> new double[] {b.collect().stream().mapToDouble(Math::abs).average()
                    .orElse(0)});
            ssc.start();
            for (int b = 1; b <= BATCHES; b++) {
                clock.advance(100);
                check(ssc.awaitBatch(Time.ofMillis(100L * b), 10_000), "batch " + b + " completed");
                check(window.awaitFrames(window.frames() + 1, 10_000), "the window drew a frame after batch " + b);
            }
        }
        check(window.isShowing(), "the window is showing");
        long updates = window.updates();
        check(updates >= 4, "at least two updates per chart reached the event thread: " + updates);
        BufferedImage image = window.snapshot();
        Files.createDirectories(picture.toAbsolutePath().getParent());
        ImageIO.write(image, "png", picture.toFile());
        long frames = window.frames();
        window.close();
        System.out.println("window-ok frames=" + frames + " updates=" + updates + " size=" + image.getWidth() + "x"
                + image.getHeight());
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("expected: " + what);
        }
    }
}
