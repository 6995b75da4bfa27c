package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutants of the golden model files (every type in JSON, binary and PMML) through {@link ModelIO},
 * with and without checksum verification: each loads or fails with a {@link ModelFormatException} naming
 * the file in a short message; any other exception is a defect.
 */
class ModelFileFuzzTest {
    private static final int MUTANTS_PER_FILE = 60;
    private static final String[] TYPES = {"linear-regression", "logistic-regression", "kmeans"};

    @Test
    void everyMutantLoadsOrFailsWithACleanFormatError() throws Exception {
        Random r = new Random(31337);
        int loaded = 0;
        int rejected = 0;
        int mutants = 0;
        List<String> defects = new ArrayList<>();
        for (String type : TYPES) {
            for (ModelFormat format : ModelFormat.values()) {
                Path golden = SparkPmmlTest.resource("golden/v2/" + type + "." + format.extension());
                byte[] original = Files.readAllBytes(golden);
                for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                    byte[] mutant = mutate(original, r);
                    String name = "mutant-" + i + "." + format.extension();
                    mutants++;
                    for (boolean verify : new boolean[] {true, false}) {
                        try {
                            ModelIO.decode(mutant, name, verify);
                            loaded++;
                        } catch (ModelFormatException e) {
                            String m = e.getMessage();
                            if (m == null || !m.contains(name) || m.length() > 2000) {
                                defects.add(name + ": unclear message: " + (m == null ? null
                                        : m.substring(0, Math.min(300, m.length()))));
                            } else {
                                rejected++;
                            }
                        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                            defects.add(name + " (" + type + ", verify " + verify + "): " + e);
                        }
                    }
                }
            }
        }
        System.out.printf("model file fuzz: %d mutants, %d loads rejected cleanly, %d loaded, %d defects%n",
                mutants, rejected, loaded, defects.size());
        assertEquals(List.of(), defects);
        assertTrue(rejected > mutants / 2, "the mutations reach the parsers: " + rejected);
    }

    private static byte[] mutate(byte[] a, Random r) {
        int n = a.length;
        int at = r.nextInt(n);
        switch (r.nextInt(6)) {
            case 0: {
                byte[] b = a.clone();
                b[at] = (byte) r.nextInt(256);
                return b;
            }
            case 1:
                return Arrays.copyOf(a, at);
            case 2:
                return splice(a, at, Math.min(n - at, 1 + r.nextInt(40)), new byte[0]);
            case 3:
                return splice(a, at, 0, "9".repeat(1 + r.nextInt(400)).getBytes(StandardCharsets.US_ASCII));
            case 4:
                return splice(a, at, 0, "[".repeat(1 + r.nextInt(5000)).getBytes(StandardCharsets.US_ASCII));
            default: {
                byte[] b = a.clone();
                b[at] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
        }
    }

    private static byte[] splice(byte[] a, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(a, 0, at);
        out.write(insert, 0, insert.length);
        out.write(a, at + remove, a.length - at - remove);
        return out.toByteArray();
    }
}
