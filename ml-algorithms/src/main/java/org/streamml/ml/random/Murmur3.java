package org.streamml.ml.random;

/**
 * The standard 32-bit MurmurHash3 (x86 variant) of a byte array: little-endian 4-byte blocks, the usual
 * tail and finalisation. Equal to Scala's {@code MurmurHash3.bytesHash}.
 */
public final class Murmur3 {
    private Murmur3() {
    }

    /** The hash of {@code data} under {@code seed}. Not modified. */
    public static int hash32(byte[] data, int seed) {
        int h = seed;
        int i = 0;
        int len = data.length;
        while (len >= 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
                    | (data[i + 3] & 0xff) << 24;
            h = mix(h, k);
            i += 4;
            len -= 4;
        }
        int k = 0;
        if (len == 3) {
            k ^= (data[i + 2] & 0xff) << 16;
        }
        if (len >= 2) {
            k ^= (data[i + 1] & 0xff) << 8;
        }
        if (len >= 1) {
            k ^= data[i] & 0xff;
            h = mixLast(h, k);
        }
        return avalanche(h ^ data.length);
    }

    private static int mix(int hash, int data) {
        int h = mixLast(hash, data);
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int mixLast(int hash, int data) {
        int k = data * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        return hash ^ k;
    }

    private static int avalanche(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
