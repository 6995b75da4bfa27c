package org.streamml.datasets;

import java.util.Iterator;

/**
 * A record with its 0-based position in the stream.
 *
 * @param index the position
 * @param value the record
 * @param <T> record type
 */
record Indexed<T>(long index, T value) {

    /** The records of {@code source}, each with its index. */
    static <T> Iterable<Indexed<T>> of(Iterable<T> source) {
        return () -> {
            Iterator<T> it = source.iterator();
            return new Iterator<>() {
                private long index;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Indexed<T> next() {
                    return new Indexed<>(index++, it.next());
                }
            };
        };
    }
}
