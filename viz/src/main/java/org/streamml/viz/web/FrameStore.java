package org.streamml.viz.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest frame of each chart, in the order the charts first appeared; one frame per chart, no history. */
final class FrameStore {
    private final Map<String, ChartFrame> frames = new LinkedHashMap<>();

    synchronized void put(ChartFrame frame) {
        frames.put(frame.name(), frame);
    }

    synchronized ChartFrame get(String name) {
        return frames.get(name);
    }

    synchronized List<ChartFrame> all() {
        return new ArrayList<>(frames.values());
    }
}
