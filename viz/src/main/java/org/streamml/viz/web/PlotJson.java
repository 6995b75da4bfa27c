package org.streamml.viz.web;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * A live chart's points as the page's interactive charts take them, read from the chart that
 * {@link org.streamml.viz.live.LiveChart#render()} builds: one entry per XY plot (the plots of a combined
 * chart share its x axis) with its x values, its series (name, colour, y values, lines or points), its
 * vertical markers (anomalies, drift points), shaded x intervals (labelled windows) and horizontal lines
 * (thresholds). Points are {@link Downsample downsampled} to at most about {@link #BUCKETS} buckets per plot,
 * so a message stays small however long the history. A chart the page cannot draw (a heatmap) gives
 * {@code null}, and the page shows its image instead.
 */
final class PlotJson {
    /** Buckets per plot: about one per two pixels of a wide chart. */
    static final int BUCKETS = 600;
    /** The most markers of each kind sent per plot (the latest ones). */
    static final int MAX_MARKERS = 400;

    private PlotJson() {
    }

    /** Writes the {@code "xLabel"} and {@code "plots"} members of {@code chart} into {@code json}; false if it cannot. */
    static boolean write(JFreeChart chart, Json json) {
        Plot plot = chart.getPlot();
        if (!(plot instanceof XYPlot xy)) {
            return false;
        }
        List<XYPlot> plots = new ArrayList<>();
        if (xy instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        } else {
            plots.add(xy);
        }
        for (XYPlot p : plots) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                if (p.getDataset(d) instanceof XYZDataset) {
                    return false;
                }
            }
        }
        json.key("xLabel").value(xy.getDomainAxis() == null ? "" : xy.getDomainAxis().getLabel());
        json.key("plots").beginArray();
        for (XYPlot p : plots) {
            writePlot(p, json, plots.size() > 1 ? xy : p);
        }
        json.endArray();
        return true;
    }

    private record Line(String name, String color, boolean lines, double[] x, double[] y) {
    }

    private static void writePlot(XYPlot p, Json json, XYPlot markersOf) {
        List<Line> lines = new ArrayList<>();
        for (int d = 0; d < p.getDatasetCount(); d++) {
            XYDataset ds = p.getDataset(d);
            if (ds == null) {
                continue;
            }
            XYItemRenderer r = p.getRendererForDataset(ds);
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                int n = ds.getItemCount(s);
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = ds.getXValue(s, i);
                    y[i] = ds.getYValue(s, i);
                }
                boolean showLines = !(r instanceof XYLineAndShapeRenderer lsr)
                        || !Boolean.FALSE.equals(lsr.getSeriesLinesVisible(s)) && lsr.getDefaultLinesVisible()
                        || Boolean.TRUE.equals(lsr.getSeriesLinesVisible(s));
                Paint paint = r == null ? null : r.getSeriesPaint(s);
                lines.add(new Line(String.valueOf(ds.getSeriesKey(s)), color(paint), showLines && Downsample.increasing(x),
                        x, y));
            }
        }
        json.beginObject().key("yLabel").value(p.getRangeAxis() == null ? "" : p.getRangeAxis().getLabel());
        writeSeries(lines, json);
        List<Marker> domain = new ArrayList<>();
        addAll(domain, p.getDomainMarkers(Layer.FOREGROUND));
        addAll(domain, p.getDomainMarkers(Layer.BACKGROUND));
        if (markersOf != p) {
            addAll(domain, markersOf.getDomainMarkers(Layer.FOREGROUND));
            addAll(domain, markersOf.getDomainMarkers(Layer.BACKGROUND));
        }
        json.key("vlines").beginArray();
        int values = 0;
        for (Marker m : domain) {
            if (m instanceof ValueMarker v && values++ < MAX_MARKERS) {
                json.beginObject().key("x").value(v.getValue()).key("color").value(color(v.getPaint())).endObject();
            }
        }
        json.endArray().key("bands").beginArray();
        int bands = 0;
        for (Marker m : domain) {
            if (m instanceof IntervalMarker iv && bands++ < MAX_MARKERS) {
                json.beginObject().key("from").value(iv.getStartValue()).key("to").value(iv.getEndValue())
                        .key("color").value(color(iv.getPaint())).endObject();
            }
        }
        json.endArray().key("hlines").beginArray();
        List<Marker> range = new ArrayList<>();
        addAll(range, p.getRangeMarkers(Layer.FOREGROUND));
        for (Marker m : range) {
            if (m instanceof ValueMarker v) {
                json.beginObject().key("y").value(v.getValue()).key("color").value(color(v.getPaint())).endObject();
            }
        }
        json.endArray().endObject();
    }

    /**
     * Writes {@code "x"} and {@code "series"}: series sharing one x array are written on it; otherwise the
     * points of all series are merged in x order, each row holding a value for its own series only.
     */
    private static void writeSeries(List<Line> lines, Json json) {
        boolean shared = !lines.isEmpty();
        for (Line l : lines) {
            shared &= Arrays.equals(l.x(), lines.get(0).x());
        }
        double[] x;
        double[][] ys = new double[lines.size()][];
        if (shared) {
            x = lines.get(0).x();
            for (int s = 0; s < lines.size(); s++) {
                ys[s] = lines.get(s).y();
            }
        } else {
            int n = 0;
            for (Line l : lines) {
                n += l.x().length;
            }
            double[] allX = new double[n];
            int k = 0;
            for (int s = 0; s < lines.size(); s++) {
                for (int i = 0; i < lines.get(s).x().length; i++) {
                    allX[k] = lines.get(s).x()[i];
                    k++;
                }
            }
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(allX[a], allX[b]));
            x = new double[n];
            for (int s = 0; s < lines.size(); s++) {
                ys[s] = new double[n];
                Arrays.fill(ys[s], Double.NaN);
            }
            int[] seriesOf = new int[n];
            int[] itemOf = new int[n];
            k = 0;
            for (int s = 0; s < lines.size(); s++) {
                for (int i = 0; i < lines.get(s).x().length; i++) {
                    seriesOf[k] = s;
                    itemOf[k] = i;
                    k++;
                }
            }
            for (int r = 0; r < n; r++) {
                int from = idx[r];
                x[r] = allX[from];
                ys[seriesOf[from]][r] = lines.get(seriesOf[from]).y()[itemOf[from]];
            }
        }
        int[] rows = Downsample.rows(x, ys, Math.max(50, BUCKETS * 4 / (4 + Math.max(0, ys.length - 1))));
        json.key("x").exactValues(x, rows);
        json.key("series").beginArray();
        for (int s = 0; s < lines.size(); s++) {
            Line l = lines.get(s);
            json.beginObject().key("name").value(l.name()).key("color").value(l.color()).key("lines")
                    .value(l.lines()).key("y").values(ys[s], rows).endObject();
        }
        json.endArray();
    }

    private static void addAll(List<Marker> to, Collection<?> markers) {
        if (markers != null) {
            for (Object o : markers) {
                to.add((Marker) o);
            }
        }
    }

    /** {@code paint} as a CSS colour, or {@code null} for the page's own. */
    static String color(Paint paint) {
        if (paint instanceof Color c) {
            return c.getAlpha() == 255 ? String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue())
                    : String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", c.getRed(), c.getGreen(),
                    c.getBlue(), c.getAlpha() / 255.0);
        }
        return null;
    }
}
