package org.streamml.viz.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard serves, one entry per chart and nothing more: the latest data message of each chart
 * drawn in full (the streaming and models pages), and for each scored series only its name, title and
 * current score (the series page lists them and asks for the data of the one selected). Thread-safe.
 */
final class DashboardState {
    /** The pages of the dashboard, by the kind of chart they show. */
    static final List<String> PAGES = List.of("streaming", "models", "series");

    /** The latest data message of a chart, as the server-sent event announcing it. */
    record Entry(String name, String title, String page, long version, String event) {
    }

    /** A scored series of the series page. */
    record SeriesEntry(String name, String title, long version, double score, long alarms) {
    }

    private final Map<String, Entry> charts = new LinkedHashMap<>();
    private final Map<String, SeriesEntry> series = new LinkedHashMap<>();
    private boolean seriesChanged;

    synchronized void put(Entry entry) {
        charts.put(entry.name(), entry);
    }

    synchronized void putSeries(SeriesEntry entry) {
        series.put(entry.name(), entry);
        seriesChanged = true;
    }

    /** Whether a series changed since the last call. */
    synchronized boolean takeSeriesChanged() {
        boolean changed = seriesChanged;
        seriesChanged = false;
        return changed;
    }

    synchronized Entry get(String name) {
        return charts.get(name);
    }

    synchronized SeriesEntry series(String name) {
        return series.get(name);
    }

    /** The charts of {@code page}, in the order they first appeared. */
    synchronized List<Entry> page(String page) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : charts.values()) {
            if (e.page().equals(page)) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(charts.values());
    }

    synchronized int seriesCount() {
        return series.size();
    }

    /**
     * At most {@code limit} series whose name or title contains {@code query} (ignoring case; empty: all),
     * highest current score first (series without a score last), then by name.
     */
    synchronized List<SeriesEntry> findSeries(String query, int limit) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<SeriesEntry> out = new ArrayList<>();
        for (SeriesEntry e : series.values()) {
            if (q.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(q)
                    || e.title().toLowerCase(Locale.ROOT).contains(q)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingDouble((SeriesEntry e) -> Double.isNaN(e.score()) ? Double.NEGATIVE_INFINITY
                : e.score()).reversed().thenComparing(SeriesEntry::name));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** The series page's index message: how many series there are, and the top {@code limit} by score. */
    String topEvent(int limit) {
        Json json = new Json(256 + 128 * limit);
        json.beginObject().key("count").value(seriesCount()).key("top");
        seriesArray(json, findSeries("", limit));
        return "event: top\ndata: " + json.endObject() + "\n\n";
    }

    /** Writes {@code entries} as a JSON array. */
    static void seriesArray(Json json, List<SeriesEntry> entries) {
        json.beginArray();
        for (SeriesEntry e : entries) {
            json.beginObject().key("name").value(e.name()).key("title").value(e.title()).key("version")
                    .value(e.version()).key("score").value(e.score()).key("alarms").value(e.alarms()).endObject();
        }
        json.endArray();
    }
}
