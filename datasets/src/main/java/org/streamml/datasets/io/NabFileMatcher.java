package org.streamml.datasets.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Matches a results file to a NAB data file key ({@code category/name.csv}): by relative path, else by file
 * name (also NAB's {@code <detector>_<name>.csv} naming), preferring a key of the same category when several
 * files share a name.
 *
 * <pre>{@code
 * String key = NabFileMatcher.match("htm/realKnownCause/htm_nyc_taxi.csv", windows.keySet());
 * // "realKnownCause/nyc_taxi.csv"
 * }</pre>
 */
public final class NabFileMatcher {
    private NabFileMatcher() {
    }

    /**
     * The key for results file {@code relativePath} ('/' separators) among {@code keys}, or {@code null} if
     * none matches or the match is ambiguous: several categories hold the name and the path names none of
     * them, or two names match equally specifically.
     */
    public static String match(String relativePath, Collection<String> keys) {
        if (keys.contains(relativePath)) {
            return relativePath;
        }
        String base = baseName(relativePath);
        List<String> candidates = new ArrayList<>();
        for (String key : keys) {
            String kb = baseName(key);
            if (base.equals(kb) || base.endsWith("_" + kb)) {
                candidates.add(key);
            }
        }
        if (candidates.size() > 1) {
            List<String> sameCategory = new ArrayList<>();
            for (String key : candidates) {
                int slash = key.indexOf('/');
                if (slash > 0 && ("/" + relativePath).contains("/" + key.substring(0, slash) + "/")) {
                    sameCategory.add(key);
                }
            }
            candidates = sameCategory;
        }
        if (candidates.size() > 1) {
            // A longer key name is the more specific match ("x_y.csv" over "y.csv").
            candidates.sort((a, b) -> Integer.compare(baseName(b).length(), baseName(a).length()));
            if (baseName(candidates.get(0)).length() == baseName(candidates.get(1)).length()) {
                return null;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
