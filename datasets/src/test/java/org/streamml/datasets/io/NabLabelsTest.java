package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.streamml.datasets.BundledData;
import org.streamml.ml.evaluation.nab.NabWindow;

class NabLabelsTest {
    private static Map<String, List<NabWindow>> parseWindows(String name, String json) {
        return NabLabels.readWindows(TextInput.ofString(name, json));
    }

    @Test
    void shouldReadWindowsPerFileInOrder() {
        String json = "{\n \"a/x.csv\": [],\n \"b/y.csv\": [[\"2014-01-01 00:00:00.000000\", "
                + "\"2014-01-01 01:00:00.000000\"], [\"2014-01-02 00:00:00\", \"2014-01-02 00:30:00\"]]\n}";
        Map<String, List<NabWindow>> w = parseWindows("w.json", json);
        assertEquals(List.of("a/x.csv", "b/y.csv"), List.copyOf(w.keySet()));
        assertEquals(0, w.get("a/x.csv").size());
        assertEquals(2, w.get("b/y.csv").size());
        assertEquals(3_600_000L, w.get("b/y.csv").get(0).endMillis() - w.get("b/y.csv").get(0).startMillis());
    }

    @Test
    void shouldReadTheShippedNabWindowsFile() {
        Map<String, List<NabWindow>> w = NabLabels.readWindows(BundledData.input("nab/labels/combined_windows.json"));
        assertEquals(58, w.size());
        assertEquals(5, w.get("realKnownCause/nyc_taxi.csv").size());
        assertEquals(w, BundledData.nabLabels().windows());
    }

    @Test
    void shouldNameTheLineAndColumnOfBrokenJson() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> parseWindows("w.json", "{\n  \"a\": [[\"2014-01-01 00:00:00\" \"x\"]]\n}"));
        assertTrue(e.getMessage().startsWith("w.json line 2: not valid JSON: line 2, column 32"), e.getMessage());
    }

    @Test
    void shouldNameTheEntryOfABadWindow() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> parseWindows("w.json", "{\"a/x.csv\": [[\"2014-01-02 00:00:00\", \"2014-01-01\"]]}"));
        assertTrue(e.getMessage().contains("entry \"a/x.csv\": window 1: "), e.getMessage());
        DataFormatException order = assertThrows(DataFormatException.class, () -> parseWindows(
                "w.json", "{\"a/x.csv\": [[\"2014-01-02 00:00:00\", \"2014-01-01 00:00:00\"]]}"));
        assertTrue(order.getMessage().contains("ends before it starts"), order.getMessage());
    }
}
