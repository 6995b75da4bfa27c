package org.streamml.viz.sink;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.streamml.streaming.io.AtomicFile;
import org.streamml.viz.live.LiveChart;

/**
 * Writes each chart to {@code DIR/NAME.png} and/or {@code DIR/NAME.svg} every N publishes of that chart
 * and once more when closed, replacing the previous snapshot. Every file is written to a temporary file
 * in the same directory and then renamed over the old one, so a reader never sees half an image.
 */
public final class FileSink extends RenderingSink {
    /** The image formats a file sink writes. */
    public enum Format {
        /** A PNG bitmap. */
        PNG,
        /** An SVG vector drawing (JFreeSVG). */
        SVG
    }

    private final Path dir;
    private final int every;
    private final int width;
    private final int height;
    private final Set<Format> formats;

    /**
     * A sink writing into {@code dir} (created if missing) every {@code every} publishes (>= 1), images of
     * {@code width} x {@code height} pixels in {@code formats}.
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public FileSink(Path dir, int every, int width, int height, Set<Format> formats) {
        super("streamml-viz-files", FramePacing.unpaced());
        this.dir = Objects.requireNonNull(dir, "dir");
        if (every < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1 batch: " + every);
        }
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("image size must be at least 16x16 pixels: " + width + "x" + height);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one image format is needed");
        }
        this.every = every;
        this.width = width;
        this.height = height;
        this.formats = Set.copyOf(formats);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the charts directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The directory written to. */
    public Path dir() {
        return dir;
    }

    /** The file a chart's snapshot in {@code format} is written to. */
    public Path file(LiveChart chart, Format format) {
        return dir.resolve(chart.name() + "." + format.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected boolean due(long version, long drawnVersion) {
        return version >= Math.max(drawnVersion, 0) + every;
    }

    @Override
    protected void draw(LiveChart chart, long version) {
        JFreeChart jfc = chart.render();
        try {
            if (formats.contains(Format.PNG)) {
                AtomicFile.write(file(chart, Format.PNG), out -> ChartUtils.writeChartAsPNG(out, jfc, width, height));
            }
            if (formats.contains(Format.SVG)) {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                jfc.draw(g, new Rectangle(0, 0, width, height));
                byte[] svg = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(file(chart, Format.SVG), out -> out.write(svg));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot of chart '" + chart.name() + "' to " + dir + ": "
                    + e.getMessage(), e);
        }
    }
}
