package org.streamml.streaming;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider of {@code local} (one thread, as in Spark), {@code local[N]} (N threads) and
 * {@code local[*]} (one thread per processor): a {@link LocalExecutor} in this process.
 *
 * <p>N is bounded by the machine: at most {@link #maxThreads()}, that is {@code max(4 × processors, 64)},
 * so a mistyped {@code local[100000]} is an error naming the limit rather than a process that exhausts
 * the machine's threads.
 */
public final class LocalExecutorProvider implements ExecutorProvider {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");

    /** The fewest threads {@link #maxThreads()} allows on any machine. */
    public static final int MIN_THREAD_LIMIT = 64;

    /** The most threads a {@code local[N]} master may ask for: {@code max(4 × processors, 64)}. */
    public static int maxThreads() {
        return Math.max(4 * Runtime.getRuntime().availableProcessors(), MIN_THREAD_LIMIT);
    }

    @Override
    public String module() {
        return "streaming-core";
    }

    @Override
    public List<String> forms() {
        return List.of("local", "local[N]", "local[*]");
    }

    @Override
    public boolean accepts(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    @Override
    public void validate(String master) {
        threads(master);
    }

    @Override
    public BatchExecutor create(String master, ExecutorSettings settings) {
        return new LocalExecutor(threads(master));
    }

    /**
     * The threads of a local master: 1 for {@code local}, the processors for {@code local[*]}, else N,
     * which must be between 1 and {@link #maxThreads()}.
     */
    public static int threads(String master) {
        Matcher m = LOCAL.matcher(master.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid master '" + master + "': expected local, local[N] or local[*]");
        }
        String n = m.group(1);
        if (n == null) {
            return 1;
        }
        if (n.equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(n);
            if (threads < 1) {
                throw new IllegalArgumentException("invalid master '" + master + "': the number of threads must be"
                        + " >= 1: " + threads);
            }
            int max = maxThreads();
            if (threads > max) {
                throw new IllegalArgumentException("invalid master '" + master + "': at most " + max
                        + " threads on this machine (max(4 x " + Runtime.getRuntime().availableProcessors()
                        + " processors, " + MIN_THREAD_LIMIT + ")): " + threads);
            }
            return threads;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range in master '" + master + "'", e);
        }
    }
}
