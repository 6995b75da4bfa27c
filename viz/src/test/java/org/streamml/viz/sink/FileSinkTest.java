package org.streamml.viz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.viz.live.LiveLines;

class FileSinkTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteSnapshotsEveryNPublishesAndAtTheEnd() throws Exception {
        LiveLines chart = LiveLines.metrics("rmse", List.of("rmse"), 100);
        FileSink sink = new FileSink(dir, 3, 400, 250, EnumSet.allOf(FileSink.Format.class));
        sink.add(chart);
        Path png = sink.file(chart, FileSink.Format.PNG);
        Path svg = sink.file(chart, FileSink.Format.SVG);

        chart.append(1, 3.0);
        chart.publish();
        chart.append(2, 2.0);
        chart.publish();
        assertFalse(Files.exists(png), "nothing is due before 3 publishes");
        chart.append(3, 1.0);
        chart.publish();
        assertTrue(sink.awaitFrames(1, 5000));
        assertTrue(Files.exists(png));
        chart.append(4, 0.5);
        chart.publish();
        sink.close();

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(400, image.getWidth());
        assertEquals(250, image.getHeight());
        assertTrue(distinctColours(image) > 10, "not blank");
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), text.substring(0, 40));
        assertTrue(text.contains("Prequential metrics"), "the title is in the SVG");
        assertTrue(text.contains(">batch<"), "the axis label is in the SVG");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("rmse.png", "rmse.svg"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files are left behind");
        }
        assertEquals(1, sink.frames(), "one periodic frame; the final one is written by close");
    }

    @Test
    void shouldRejectABadInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FileSink(dir, 0, 100, 100, EnumSet.of(FileSink.Format.PNG)));
        assertEquals("snapshot interval must be >= 1 batch: 0", e.getMessage());
    }

    @Test
    void shouldNameTheDirectoryItCannotCreate() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Exception e = assertThrows(java.io.UncheckedIOException.class,
                () -> new FileSink(file.resolve("sub"), 1, 100, 100, EnumSet.of(FileSink.Format.PNG)));
        assertTrue(e.getMessage().contains(file.resolve("sub").toString()), e.getMessage());
    }

    static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
