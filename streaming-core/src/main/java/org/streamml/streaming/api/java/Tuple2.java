package org.streamml.streaming.api.java;

import java.io.Serializable;
import org.streamml.streaming.Pair;

/**
 * Scala's {@code Tuple2} as Spark's Java API uses it: {@code new Tuple2<>(a, b)}, {@code t._1()},
 * {@code t._2()}. Prints as Scala does, {@code (a,b)}.
 *
 * @param _1 the first element
 * @param _2 the second element
 * @param <A> the first element's type
 * @param <B> the second element's type
 */
@SuppressWarnings("checkstyle:MethodName")
public record Tuple2<A, B>(A _1, B _2) implements Serializable {

    /** The engine's pair of the same elements. */
    public Pair<A, B> toPair() {
        return Pair.of(_1, _2);
    }

    /** The tuple of {@code pair}'s key and value. */
    public static <A, B> Tuple2<A, B> of(Pair<A, B> pair) {
        return new Tuple2<>(pair.key(), pair.value());
    }

    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + ")";
    }
}
