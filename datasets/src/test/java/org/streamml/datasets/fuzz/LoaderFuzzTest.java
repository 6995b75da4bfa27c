package org.streamml.datasets.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.DataFormatException;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabLabels;
import org.streamml.datasets.io.TextInput;

/**
 * Mutants of the shipped CSV, LibSVM, NAB data and NAB label files (byte flips, truncation, duplicated and
 * deleted slices, 100,000-character tokens, invalid UTF-8, stray delimiters), seeded, through the loaders:
 * each must load or fail with a {@link DataFormatException} whose message names the file and stays short;
 * any other exception is a defect.
 */
class LoaderFuzzTest {
    private static final int MUTANTS_PER_FILE = 150;
    private static final String DATA = "/org/streamml/datasets/data/";

    @TempDir
    Path dir;

    @FunctionalInterface
    interface Loader {
        void load(Path file) throws Exception;
    }

    private static byte[] resource(String name, int maxLines) throws Exception {
        try (InputStream in = LoaderFuzzTest.class.getResourceAsStream(DATA + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, maxLines)))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void drain(Iterable<?> records) {
        for (Object p : records) {
            assertTrue(p != null);
        }
    }

    @Test
    void everyMutantLoadsOrFailsWithACleanFormatError() throws Exception {
        Map<String, byte[]> originals = new LinkedHashMap<>();
        Map<String, Loader> loaders = new LinkedHashMap<>();
        originals.put("lpsa.data", resource("spark-mllib/ridge-data/lpsa.data", 80));
        loaders.put("lpsa.data", f -> drain(new CsvFile(TextInput.of(f), CsvFile.Options.defaults()
                .withDelimiters(", "))));
        originals.put("sample_libsvm_data.txt", resource("spark-mllib/sample_libsvm_data.txt", 20));
        loaders.put("sample_libsvm_data.txt", f -> drain(new LibSvmFile(TextInput.of(f),
                LibSvmFile.Options.defaults())));
        originals.put("nyc_taxi.csv", resource("nab/realKnownCause/nyc_taxi.csv", 300));
        loaders.put("nyc_taxi.csv", f -> drain(new NabFile(TextInput.of(f), List.of(), BadRecordPolicy.FAIL)));
        originals.put("combined_windows.json", resource("nab/labels/combined_windows.json", 40));
        loaders.put("combined_windows.json", f -> NabLabels.readWindows(TextInput.of(f)));

        Random r = new Random(20261203);
        int loaded = 0;
        int rejected = 0;
        List<String> defects = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : originals.entrySet()) {
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                Path f = dir.resolve(i + "-" + e.getKey());
                Files.write(f, Mutations.mutate(e.getValue(), r));
                try {
                    loaders.get(e.getKey()).load(f);
                    loaded++;
                } catch (DataFormatException ex) {
                    String m = ex.getMessage();
                    if (m == null || !m.contains(f.getFileName().toString()) || m.length() > 2000) {
                        defects.add(f.getFileName() + ": unclear message (" + (m == null ? 0 : m.length()) + " chars): "
                                + (m == null ? null : m.substring(0, Math.min(200, m.length()))));
                    } else {
                        rejected++;
                    }
                } catch (Exception | StackOverflowError | OutOfMemoryError ex) {
                    defects.add(f.getFileName() + ": " + ex);
                }
                Files.delete(f);
            }
        }
        int total = originals.size() * MUTANTS_PER_FILE;
        System.out.printf("loader fuzz: %d mutants, %d rejected cleanly, %d loaded, %d defects%n", total, rejected,
                loaded, defects.size());
        assertEquals(List.of(), defects);
        assertEquals(total, rejected + loaded);
        assertTrue(rejected > total / 4, "the mutations reach the parsers: " + rejected);
    }
}
