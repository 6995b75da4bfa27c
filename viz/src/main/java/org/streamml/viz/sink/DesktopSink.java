package org.streamml.viz.sink;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.streamml.viz.live.LiveChart;

/**
 * A Swing window showing every chart in a grid, updated live. Charts are rendered into new JFreeChart
 * objects on the sink's frame thread and handed to their panels on the event dispatch thread; while the
 * event thread is busy, newer frames replace older ones instead of queueing. Closing the window hides it;
 * the stream goes on.
 */
public final class DesktopSink extends RenderingSink {
    private final Map<LiveChart, ChartPanel> panels = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();
    private final int chartWidth;
    private final int chartHeight;
    private JFrame frame;
    private JPanel grid;

    /**
     * Opens a window titled {@code title} whose charts are {@code chartWidth} x {@code chartHeight} pixels,
     * redrawn as often as {@code pacing} allows.
     *
     * @throws IllegalStateException if there is no display (headless Java, or DISPLAY unset on Linux)
     */
    public DesktopSink(String title, int chartWidth, int chartHeight, FramePacing pacing) {
        super("streamml-viz-desktop", pacing);
        if (GraphicsEnvironment.isHeadless()) {
            super.close();
            throw new IllegalStateException("the desktop chart window needs a display, but Java runs headless "
                    + "(no DISPLAY, or -Djava.awt.headless=true); use the web dashboard or chart files instead");
        }
        this.chartWidth = chartWidth;
        this.chartHeight = chartHeight;
        onEventThread(() -> {
            frame = new JFrame(title);
            frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
            grid = new JPanel(new GridLayout(0, 2, 4, 4));
            frame.setContentPane(grid);
            frame.setSize(2 * chartWidth + 20, chartHeight + 40);
            frame.setVisible(true);
        });
    }

    @Override
    protected void chartAdded(LiveChart chart) {
        onEventThread(() -> {
            ChartPanel panel = new ChartPanel(null);
            panel.setPreferredSize(new Dimension(chartWidth, chartHeight));
            panels.put(chart, panel);
            grid.add(panel);
            frame.pack();
        });
    }

    @Override
    protected void draw(LiveChart chart, long version) {
        JFreeChart jfc = chart.render();
        onEventThread(() -> {
            ChartPanel panel = panels.get(chart);
            if (panel != null) {
                panel.setChart(jfc);
                updates.incrementAndGet();
            }
        });
    }

    /** How many chart updates reached the window on the event thread. */
    public long updates() {
        return updates.get();
    }

    /** Whether the window is showing. */
    public boolean isShowing() {
        boolean[] showing = new boolean[1];
        onEventThread(() -> showing[0] = frame.isShowing());
        return showing[0];
    }

    /** A picture of the window's content as it is now, painted on the event thread. */
    public BufferedImage snapshot() {
        BufferedImage[] image = new BufferedImage[1];
        onEventThread(() -> {
            BufferedImage img = new BufferedImage(Math.max(1, grid.getWidth()), Math.max(1, grid.getHeight()),
                    BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            try {
                grid.paint(g);
            } finally {
                g.dispose();
            }
            image[0] = img;
        });
        return image[0];
    }

    @Override
    protected void release() {
        if (frame != null) {
            onEventThread(() -> frame.dispose());
        }
    }

    private static void onEventThread(Runnable action) {
        if (SwingUtilities.isEventDispatchThread()) {
            action.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Swing failed: " + cause, cause);
        }
    }
}
