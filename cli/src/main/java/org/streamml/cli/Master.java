package org.streamml.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --master}: {@code local}, {@code local[N]} or {@code local[*]}, the embedded engine. */
final class Master {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");

    private Master() {
    }

    /**
     * The number of executor threads {@code master} asks for.
     *
     * @throws IllegalArgumentException for a malformed or non-local master
     */
    static int localThreads(String master) {
        Matcher m = LOCAL.matcher(master.trim());
        if (!m.matches()) {
            if (master.startsWith("local-cluster") || master.startsWith("cluster://")) {
                throw new IllegalArgumentException("--master " + master + ": only local masters (local, local[N],"
                        + " local[*]) are supported by train for now");
            }
            throw new IllegalArgumentException("--master '" + master + "' is not local, local[N] or local[*]");
        }
        String n = m.group(1);
        if (n == null) {
            return 1;
        }
        if (n.equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        int threads;
        try {
            threads = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--master " + master + ": thread count is too large");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--master " + master + ": threads must be >= 1: " + threads);
        }
        return threads;
    }
}
