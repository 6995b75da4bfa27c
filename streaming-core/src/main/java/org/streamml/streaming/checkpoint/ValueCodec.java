package org.streamml.streaming.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How a checkpoint writes values of one class that {@link Values} does not know by itself (it knows
 * boxed primitives, strings, primitive arrays, lists, sets, maps, {@code Optional}, enums, records and the
 * engine's {@code Pair}, {@code Time} and {@code java.time.Duration}). A library registers its codecs in a
 * {@code META-INF/services/org.streamml.streaming.checkpoint.ValueCodec} file (the ML module does so for its
 * vectors and models); a program registers its own with {@link Values#register}.
 *
 * <pre>{@code
 * public final class PointCodec implements ValueCodec<Point> {
 *     public Class<Point> type() { return Point.class; }
 *     public void write(Point p, DataOutput out, Values values) throws IOException { out.writeDouble(p.x()); }
 *     public Point read(DataInput in, Values values) throws IOException { return new Point(in.readDouble()); }
 * }
 * }</pre>
 *
 * <p>Nested values are written with {@link Values#write} and read with {@link Values#read}, so a codec
 * needs to handle only its own fields.
 *
 * @param <T> the class of the values
 */
public interface ValueCodec<T> {

    /** The class written; exactly this class (a subclass needs its own codec). */
    Class<T> type();

    /** Writes {@code value}. */
    void write(T value, DataOutput out, Values values) throws IOException;

    /** Reads a value written by {@link #write}. */
    T read(DataInput in, Values values) throws IOException;
}
