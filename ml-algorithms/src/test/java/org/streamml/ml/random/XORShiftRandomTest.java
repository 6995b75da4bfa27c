package org.streamml.ml.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XORShiftRandomTest {

    @Test
    void shouldHashWithStandardMurmur3Vectors() {
        assertEquals(0, Murmur3.hash32(new byte[0], 0));
        assertEquals(0x514E28B7, Murmur3.hash32(new byte[0], 1));
        assertEquals(0x81F16F39, Murmur3.hash32(new byte[0], 0xffffffff));
        assertEquals(0x2362F9DE, Murmur3.hash32(new byte[4], 0));
        assertEquals(0x24884CBA, Murmur3.hash32("Hello, world!".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
        assertEquals(0x2FA826CD, Murmur3.hash32("The quick brown fox jumps over the lazy dog"
                .getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
    }

    @Test
    void shouldBuildTheStateFromTwoMurmurHashesOfTheBigEndianSeed() {
        long seed = 0x0102030405060708L;
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8};
        int low = Murmur3.hash32(bytes, 0x3c074a61);
        int high = Murmur3.hash32(bytes, low);
        assertEquals(((long) high << 32) | (low & 0xffffffffL), XORShiftRandom.hashSeed(seed));
    }

    @Test
    void shouldStepTheXorShiftFromTheHashedSeed() {
        long s = XORShiftRandom.hashSeed(42);
        s ^= s << 21;
        s ^= s >>> 35;
        s ^= s << 4;
        assertEquals((int) (s & 0xffffffffL), new XORShiftRandom(42).nextInt());
    }

    @Test
    void shouldRepeatForTheSameSeedAndLookUniform() {
        XORShiftRandom a = new XORShiftRandom(7);
        XORShiftRandom b = new XORShiftRandom(7);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = a.nextDouble();
            assertEquals(x, b.nextDouble(), 0.0);
            assertTrue(x >= 0 && x < 1);
            sum += x;
        }
        assertEquals(0.5, sum / 10_000, 0.02);
        assertNotEquals(new XORShiftRandom(1).nextLong(), new XORShiftRandom(2).nextLong());
    }

    @Test
    void shouldKeepAboutTheSampledFractionOfRows() {
        for (double f : new double[] {0.1, 0.4, 0.7}) {
            BernoulliSampler s = new BernoulliSampler(f, 99);
            int kept = 0;
            for (int i = 0; i < 20_000; i++) {
                kept += s.keep() ? 1 : 0;
            }
            assertEquals(f, kept / 20_000.0, 0.02, "fraction " + f);
        }
        assertEquals(new java.util.Random(43).nextLong(), BernoulliSampler.partitionSeeds(43, 2)[0]);
    }
}
