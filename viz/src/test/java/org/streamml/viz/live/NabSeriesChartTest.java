package org.streamml.viz.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.streamml.viz.chart.ChartText;

class NabSeriesChartTest {

    private static NabSeriesChart chart(int capacity) {
        return new NabSeriesChart("taxi", new ChartText("taxi", "days", "value"), 0.5, capacity,
                List.of(new double[] {1.0, 2.0}, new double[] {5.0, 6.5}));
    }

    @Test
    void shouldDrawEveryAppendedRecordAndShadeEveryWindowOnBothPlots() {
        NabSeriesChart chart = chart(10);
        for (int i = 0; i < 4; i++) {
            chart.append(i, 10.0 * i, i == 2 ? 0.9 : 0.1, i == 2);
        }

        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.render().getPlot();

        assertEquals(4, chart.size());
        assertEquals("taxi", chart.title());
        List<XYPlot> subplots = plot.getSubplots();
        assertEquals(2, subplots.size(), "values above, scores below");
        assertEquals(4, subplots.get(0).getDataset().getItemCount(0));
        assertEquals(30.0, subplots.get(0).getDataset().getYValue(0, 3));
        assertEquals(0.9, subplots.get(1).getDataset().getYValue(0, 2));
        for (XYPlot p : subplots) {
            List<Double> starts = new ArrayList<>();
            for (Object m : p.getDomainMarkers(Layer.BACKGROUND)) {
                starts.add(((IntervalMarker) m).getStartValue());
            }
            assertEquals(List.of(1.0, 5.0), starts);
        }
    }

    @Test
    void shouldRejectARecordBeyondItsCapacity() {
        NabSeriesChart chart = chart(1);
        chart.append(0, 1, 0, false);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> chart.append(1, 1, 0, false));
        assertEquals("chart taxi holds at most 1 records", e.getMessage());
    }

    @Test
    void shouldRejectAWindowThatIsNotAPair() {
        assertThrows(IllegalArgumentException.class, () -> new NabSeriesChart("x", new ChartText("x", "t", "v"),
                0.5, 1, List.of(new double[] {1.0})));
    }
}
