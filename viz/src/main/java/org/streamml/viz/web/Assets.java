package org.streamml.viz.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The page's script and style, served from the class path: uPlot (the charting library, from the WebJar
 * {@code org.webjars.npm:uplot}) under {@code /assets/}. Nothing is fetched from outside the dashboard, so
 * the page works on a machine without internet access.
 */
final class Assets {
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
    private static final Map<String, String> TYPES = Map.of(
            "uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uPlot.min.css", "text/css; charset=utf-8");
    private static final Map<String, byte[]> FILES = load();

    private Assets() {
    }

    private static Map<String, byte[]> load() {
        ClassLoader loader = Assets.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar (org.webjars.npm:uplot) is not on the class path;"
                        + " the dashboard needs it for its charts");
            }
            pom.load(in);
            String dir = WEBJAR + pom.getProperty("version") + "/dist/";
            java.util.HashMap<String, byte[]> files = new java.util.HashMap<>();
            for (String name : TYPES.keySet()) {
                try (InputStream f = loader.getResourceAsStream(dir + name)) {
                    if (f == null) {
                        throw new IllegalStateException("the uPlot WebJar has no " + dir + name);
                    }
                    files.put(name, f.readAllBytes());
                }
            }
            return Map.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uPlot WebJar", e);
        }
    }

    /** The content of asset {@code name}, or {@code null} if there is no such asset. */
    static byte[] get(String name) {
        return FILES.get(name);
    }

    /** The content type of asset {@code name}. */
    static String type(String name) {
        return TYPES.get(name);
    }
}
