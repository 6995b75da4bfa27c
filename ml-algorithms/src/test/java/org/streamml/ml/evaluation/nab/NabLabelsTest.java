package org.streamml.ml.evaluation.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NabLabelsTest {
    @Test
    void shouldReadWindowsPerFileInOrder() {
        String json = "{\n \"a/x.csv\": [],\n \"b/y.csv\": [[\"2014-01-01 00:00:00.000000\", "
                + "\"2014-01-01 01:00:00.000000\"], [\"2014-01-02 00:00:00\", \"2014-01-02 00:30:00\"]]\n}";
        Map<String, List<NabWindow>> w = NabLabels.parseWindows("w.json", json);
        assertEquals(List.of("a/x.csv", "b/y.csv"), List.copyOf(w.keySet()));
        assertEquals(0, w.get("a/x.csv").size());
        assertEquals(2, w.get("b/y.csv").size());
        assertEquals(3_600_000L, w.get("b/y.csv").get(0).endMillis() - w.get("b/y.csv").get(0).startMillis());
    }

    @Test
    void shouldReadTheShippedNabWindowsFile() throws Exception {
        var path = java.nio.file.Path.of(NabLabelsTest.class.getResource("/nab/labels/combined_windows.json").toURI());
        Map<String, List<NabWindow>> w = NabLabels.readWindows(path);
        assertEquals(58, w.size());
        assertEquals(5, w.get("realKnownCause/nyc_taxi.csv").size());
    }

    @Test
    void shouldNameTheLineAndColumnOfBrokenJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NabLabels.parseWindows("w.json", "{\n  \"a\": [[\"2014-01-01 00:00:00\" \"x\"]]\n}"));
        assertTrue(e.getMessage().startsWith("w.json: line 2, column 32"), e.getMessage());
    }

    @Test
    void shouldNameTheEntryOfABadWindow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NabLabels.parseWindows("w.json", "{\"a/x.csv\": [[\"2014-01-02 00:00:00\", \"2014-01-01\"]]}"));
        assertTrue(e.getMessage().contains("window 1 of 'a/x.csv'"), e.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> NabLabels.parseWindows(
                "w.json", "{\"a/x.csv\": [[\"2014-01-02 00:00:00\", \"2014-01-01 00:00:00\"]]}"));
        assertTrue(order.getMessage().contains("ends before it starts"), order.getMessage());
    }
}
