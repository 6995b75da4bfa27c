package org.streamml.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project ({@code src/it/sample}: imports streamml-bom, depends on streamml-core and streamml-ml) built
 * by a Maven of its own against a private repository: the invoker plugin installed this build's artifacts there
 * ({@code target/it-repo}, pre-integration-test), and third-party artifacts come from the user's repository read
 * as a remote one ({@code file:}, releases only), then Maven Central. No StreamML artifact of another build can
 * be picked up: the private repository holds this build's, checked byte for byte.
 */
@Tag("slow")
class SampleProjectIT {
    @TempDir
    Path tmp;

    @Test
    void shouldBuildAndRunAProjectThatImportsTheBom() throws Exception {
        String version = Commands.version();
        Path itRepo = Commands.property("streamml.itRepo");
        Path root = Commands.property("streamml.root");
        Path installed = itRepo.resolve("org/streamml/streamml-core/" + version + "/streamml-core-" + version + ".jar");
        assertArrayEquals(Files.readAllBytes(root.resolve("streaming-core/target/streamml-core-" + version + ".jar")),
                Files.readAllBytes(installed), "the private repository holds this build's streamml-core");
        assertTrue(Files.isRegularFile(itRepo.resolve("org/streamml/streamml-bom/" + version + "/streamml-bom-"
                + version + ".pom")), "the BOM is installed");

        Path project = tmp.resolve("sample");
        copyTree(Commands.property("streamml.sample"), project);
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, settings(Commands.property("streamml.seedRepo")));
        Commands.Result build = Commands.run(project, Map.of(), 170, List.of(System.getProperty("streamml.mvn", "mvn"),
                "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + itRepo, "-Dstreamml.version=" + version,
                "package", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt"));
        assertEquals(0, build.exitCode(), build.output());

        String classPath = Files.readString(project.resolve("classpath.txt")).strip();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains("streamml")) {
                assertTrue(Path.of(entry).startsWith(itRepo), "from the private repository: " + entry);
            }
        }
        assertTrue(classPath.contains("streamml-ml-" + version + ".jar"), classPath);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands.Result run = Commands.run(project, Map.of(), 60, List.of(java, "-cp",
                project.resolve("target/classes") + File.pathSeparator + classPath, "example.Main"));
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("center 0.0 0.0\ncenter 5.0 5.0\n", run.output());
    }

    /** Settings whose first repository is the user's local one, read as a remote repository of releases. */
    private static String settings(Path seed) {
        String repository = "<id>ID</id><url>" + seed.toUri() + "</url>"
                + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
        return "<settings><profiles><profile><id>seed</id>"
                + "<repositories><repository>" + repository.replace("ID", "seed") + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository.replace("ID", "seed-plugins")
                + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>seed</activeProfile></activeProfiles></settings>";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(p -> !from.relativize(p).startsWith("target")).forEach(paths::add);
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
