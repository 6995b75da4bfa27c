package org.streamml.streaming;

import java.util.List;
import org.streamml.streaming.function.VoidFunction2;

/**
 * The action of {@link DStream#print(int)}: a dashed line, {@code Time: <ms> ms}, another dashed line, the
 * first n records, {@code ...} if there were more, and a blank line (Spark's format), written to standard
 * output in one piece.
 */
final class PrintAction<T> implements VoidFunction2<Batch<T>, Time> {
    private static final String RULE = "-------------------------------------------\n";
    private final int n;

    PrintAction(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("records to print must be >= 0: " + n);
        }
        this.n = n;
    }

    @Override
    public void call(Batch<T> batch, Time time) {
        List<T> first = batch.take(n + 1);
        StringBuilder sb = new StringBuilder();
        sb.append(RULE).append("Time: ").append(time.millis()).append(" ms\n").append(RULE);
        for (int i = 0; i < Math.min(n, first.size()); i++) {
            sb.append(first.get(i)).append('\n');
        }
        if (first.size() > n) {
            sb.append("...\n");
        }
        sb.append('\n');
        System.out.print(sb);
    }
}
