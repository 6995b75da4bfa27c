package org.streamml.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar.gz this build made, unpacked into a temporary folder: its layout, its jars, and {@code bin/streamml}
 * run from an unrelated working directory, through a symbolic link and with the Java of {@code JAVA_HOME}.
 */
@Tag("slow")
class DistributionIT {
    @TempDir
    static Path unpacked;
    private static Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void unpack() throws Exception {
        Commands.untar(Commands.property("streamml.distribution"), unpacked);
        home = unpacked.resolve("streamml-" + Commands.version());
    }

    @Test
    void shouldHoldTheScriptsTheLicenseAndTheReadme() {
        assertTrue(Files.isExecutable(home.resolve("bin/streamml")), "bin/streamml is executable");
        for (String f : List.of("bin/streamml.cmd", "LICENSE", "NOTICE", "README.md")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
    }

    @Test
    void shouldHoldTheCommandLinesRuntimeJarsWithoutTestJarsOrSpark() throws IOException {
        Set<String> jars = jars();
        String v = Commands.version();
        for (String jar : List.of("streamml-cli-" + v + ".jar", "streamml-core-" + v + ".jar", "streamml-ml-" + v
                + ".jar", "streamml-cluster-" + v + ".jar", "streamml-demos-" + v + ".jar", "picocli-4.7.7.jar")) {
            assertTrue(jars.contains(jar), jar + " in " + jars);
        }
        assertTrue(jars.stream().noneMatch(j -> j.endsWith("-tests.jar") || j.startsWith("junit")
                || j.startsWith("jqwik")), "no test jars: " + jars);
        assertTrue(jars.stream().noneMatch(j -> j.startsWith("spark-") || j.startsWith("scala-")),
                "Spark is the user's: " + jars);
    }

    @Test
    void shouldHoldTheSameFilesInTheZip() throws IOException {
        Set<String> inZip;
        try (ZipFile zip = new ZipFile(Commands.property("streamml.distributionZip").toFile())) {
            inZip = zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> inTar;
        try (Stream<Path> files = Files.walk(unpacked)) {
            inTar = files.filter(Files::isRegularFile).map(p -> unpacked.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(inTar, inZip);
    }

    @Test
    void shouldPrintTheHelpFromAnyWorkingDirectory() throws Exception {
        Commands.Result r = Commands.run(work, Map.of(), 60, List.of(home.resolve("bin/streamml").toString(), "--help"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("Usage: streamml"), r.output());
        assertTrue(r.output().contains("demo"), r.output());
    }

    /** The build's executable jar runs by itself; the module's own jar names no Class-Path (it is a dependency too). */
    @Test
    void shouldRunTheBuildsExecutableJarWithJavaJar() throws Exception {
        Path cli = Path.of("..", "cli", "target").toAbsolutePath().normalize();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands.Result r = Commands.run(work, Map.of(), 60,
                List.of(java, "-jar", cli.resolve("streamml-cli-exec.jar").toString(), "--help"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("Usage: streamml"), r.output());
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(cli.resolve("streamml-cli.jar").toFile())) {
            java.util.jar.Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("org.streamml.cli.Main", main.getValue("Main-Class"));
            assertEquals(null, main.getValue("Class-Path"), "the module's jar must not drag target/lib along");
        }
    }

    @Test
    void shouldRunTheSensorsDemoWithItsChartsUnderTheWorkingDirectory() throws Exception {
        Commands.Result r = Commands.run(work, Map.of(), 120, List.of(home.resolve("bin/streamml").toString(),
                "demo", "sensors", "--batches", "2", "--rate", "1500"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("Replaying 7 NAB realKnownCause series, 1500 records of each per batch"),
                r.output());
        assertTrue(r.output().contains("NAB scores, realKnownCause"), r.output());
        assertTrue(Files.isRegularFile(work.resolve("demo-out/sensors/nyc_taxi.png")), r.output());
    }

    @Test
    void shouldRunTheJavaOfJavaHomeThroughASymbolicLink() throws Exception {
        Path javaHome = work.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'the java of JAVA_HOME' >&2\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Path link = Files.createSymbolicLink(work.resolve("streamml"), home.resolve("bin/streamml"));

        Commands.Result r = Commands.run(work, Map.of("JAVA_HOME", javaHome.toString()), 60,
                List.of(link.toString(), "--version"));
        Files.delete(link);     // not left for the temporary folder's clean-up, which warns about links
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("the java of JAVA_HOME\nstreamml " + Commands.version() + "\n", r.output());
    }

    @Test
    void shouldSayWhenJavaHomeHasNoJava() throws Exception {
        Commands.Result r = Commands.run(work, Map.of("JAVA_HOME", work.toString()), 60,
                List.of(home.resolve("bin/streamml").toString(), "--version"));
        assertEquals(1, r.exitCode(), r.output());
        assertEquals("streamml: JAVA_HOME=" + work + " has no bin/java\n", r.output());
        assertFalse(r.output().contains("Exception"));
    }

    private static Set<String> jars() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
