package org.streamml.streaming;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider of {@code local} (one thread, as in Spark), {@code local[N]} (N threads) and
 * {@code local[*]} (one thread per processor): a {@link LocalExecutor} in this process.
 */
public final class LocalExecutorProvider implements ExecutorProvider {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");

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
    public BatchExecutor create(String master, ExecutorSettings settings) {
        return new LocalExecutor(threads(master));
    }

    /** The threads of a local master: 1 for {@code local}, the processors for {@code local[*]}, else N. */
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
            return threads;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range in master '" + master + "'", e);
        }
    }
}
