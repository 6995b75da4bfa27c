package org.streamml.streaming.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java ports of Spark's streaming MLlib examples (ml-algorithms' {@code org.streamml.ml.sparkexamples},
 * which {@code SparkStreamingExamplesTest} runs on StreamML) differ from Spark programs in their imports only:
 * each StreamML import carries, as a comment, the Spark import it replaces. This test puts the Spark imports
 * back and compiles the sources against Apache Spark itself (spark-streaming and spark-mllib of the parent
 * POM's version, on this module's test class path). If a call the ports make did not exist in Spark with the
 * same arguments and result, or if any line besides the imports named a StreamML class, they would not compile.
 */
class SparkExamplesPortTest {
    private static final Path PORTS = Path.of("..", "ml-algorithms", "src", "test", "java", "org", "streamml", "ml",
            "sparkexamples");
    private static final Pattern IMPORT = Pattern.compile("^import (org\\.streamml\\.[\\w.]+); // ([\\w.]+)$",
            Pattern.MULTILINE);

    @Test
    void thePortsCompileAgainstApacheSparkWithSparksImports(@TempDir Path dir) throws IOException {
        List<Path> ports;
        try (Stream<Path> files = Files.list(PORTS)) {
            ports = files.filter(p -> p.getFileName().toString().matches("Java.*\\.java")).sorted().toList();
        }
        assertEquals(3, ports.size(), "the three ported examples: " + ports);
        List<String> sources = new ArrayList<>();
        for (Path port : ports) {
            String text = Files.readString(port, StandardCharsets.UTF_8);
            Matcher m = IMPORT.matcher(text);
            StringBuilder spark = new StringBuilder();
            int imports = 0;
            while (m.find()) {
                m.appendReplacement(spark, "import " + m.group(2) + ";");
                imports++;
            }
            m.appendTail(spark);
            String program = spark.toString().replace("package org.streamml.ml.sparkexamples;", "package ported;");
            assertTrue(imports >= 6, port + " maps its imports: " + imports);
            assertTrue(!program.contains("org.streamml"), port + " names StreamML only in its imports:\n" + program);
            Path out = dir.resolve("ported").resolve(port.getFileName());
            Files.createDirectories(out.getParent());
            Files.writeString(out, program, StandardCharsets.UTF_8);
            sources.add(out.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-Xlint:none", "-d", dir.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path")));
        args.addAll(sources);
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        assertEquals(0, status, "the ports compile against Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                + ":\n" + messages.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("classes/ported/JavaStreamingKMeansExample.class")));
    }
}
