package org.streamml.datasets.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Seeded damage to a file's bytes: what a disk, a network, an editor or a hostile user does to input. */
public final class Mutations {
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    private static final String[] TOKENS = {",", " ", "\n", "\r\n", ":", "-", "e", "NaN", "1e999", "\"", "{", "[",
            "]", "}", "<", ">", "0x1", "\t", "#", "9".repeat(40), "1:1"};

    private Mutations() {
    }

    /** One mutant of {@code original}, chosen and placed by {@code r}. */
    public static byte[] mutate(byte[] original, Random r) {
        int n = original.length;
        int at = n == 0 ? 0 : r.nextInt(n);
        switch (r.nextInt(8)) {
            case 0: {
                byte[] b = original.clone();
                if (n > 0) {
                    b[at] = (byte) r.nextInt(256);
                }
                return b;
            }
            case 1:
                return Arrays.copyOf(original, at);
            case 2: {
                int len = Math.min(n - at, 1 + r.nextInt(200));
                return splice(original, at, 0, Arrays.copyOfRange(original, at, at + len));
            }
            case 3: {
                int len = Math.min(n - at, 1 + r.nextInt(200));
                return splice(original, at, len, new byte[0]);
            }
            case 4:
                return splice(original, at, 0, (r.nextBoolean() ? "x" : "7").repeat(100_000 + r.nextInt(100_000))
                        .getBytes(StandardCharsets.US_ASCII));
            case 5:
                return splice(original, at, 0, BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
            case 6:
                return splice(original, at, 0, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            default: {
                byte[] b = original.clone();
                for (int k = 0; k < 1 + r.nextInt(8); k++) {
                    if (n > 0) {
                        b[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                return b;
            }
        }
    }

    private static byte[] splice(byte[] a, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + insert.length);
        out.write(a, 0, at);
        out.write(insert, 0, insert.length);
        out.write(a, at + remove, a.length - at - remove);
        return out.toByteArray();
    }
}
