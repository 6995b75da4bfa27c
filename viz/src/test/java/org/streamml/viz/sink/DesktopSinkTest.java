package org.streamml.viz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens the live Swing window for a short stream under a real (virtual) display. The test JVM is
 * headless, so the window runs in a child JVM; without a DISPLAY the test starts its own Xvfb.
 */
@Tag("slow")
class DesktopSinkTest {
    private static final Path PICTURE = Path.of("target", "swing-window.png");

    @Test
    void shouldShowALiveWindowForAShortStream() throws Exception {
        Files.deleteIfExists(PICTURE);
        String display = System.getenv("DISPLAY");
        Process xvfb = null;
        try {
            if (display == null || display.isBlank()) {
                xvfb = startXvfb();
                display = ":" + readDisplayNumber(xvfb);
            }
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=false", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    SwingWindowMain.class.getName(), PICTURE.toAbsolutePath().toString());
            pb.environment().put("DISPLAY", display);
            pb.redirectErrorStream(true);
            Path log = Files.createTempFile("swing-window", ".log");
            pb.redirectOutput(log.toFile());
            Process child = pb.start();
            boolean ended = child.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            assertTrue(ended, "the window's JVM ended within 60 s:\n" + output);
            assertEquals(0, child.exitValue(), "the window's JVM succeeded:\n" + output);
            assertTrue(output.contains("window-ok"), output);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
        BufferedImage picture = ImageIO.read(PICTURE.toFile());
        assertTrue(picture.getWidth() >= 900, "two charts side by side: " + picture.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < picture.getWidth(); x += 3) {
            for (int y = 0; y < picture.getHeight(); y += 3) {
                colours.add(picture.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 30, "the window shows charts, not a blank frame: " + colours.size() + " colours");
    }

    private static Process startXvfb() throws Exception {
        Path xvfb = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "Xvfb");
            if (Files.isExecutable(p)) {
                xvfb = p;
                break;
            }
        }
        if (xvfb == null) {
            return fail("DISPLAY is not set and Xvfb was not found on the PATH: install the Debian packages 'xvfb' and "
                    + "'xauth' (listed in .ci/packages, which .ci/run installs) to run the Swing window test");
        }
        ProcessBuilder pb = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                "-nolisten", "tcp");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** Xvfb writes its display number to the -displayfd descriptor once it is ready to take clients. */
    private static int readDisplayNumber(Process xvfb) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.trim().matches("\\d+")) {
            return fail("Xvfb did not report a display number (it printed " + line + ")");
        }
        return Integer.parseInt(line.trim());
    }
}
