package org.streamml.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile's steps where Docker is absent. The Dockerfile is read line by line (its instructions are one
 * line each); its RUN steps are {@code distribution/docker-steps.sh build} and {@code install}. The build step
 * is the Maven command that made this build's tar.gz ({@code package -pl distribution -am}) and is not run again
 * inside the build; the install step is run as the Dockerfile runs it, into a temporary {@code STREAMML_HOME},
 * and the image's entry point with its default arguments is then run from there.
 */
@Tag("slow")
class DockerStepsIT {
    private static final String STEPS = "sh distribution/docker-steps.sh ";

    @TempDir
    Path tmp;

    @Test
    void shouldInstallTheDistributionAndRunTheEntryPointAsTheImageDoes() throws Exception {
        Path root = Commands.property("streamml.root");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("Dockerfile"))) {
            assertTrue(!line.strip().endsWith("\\"), "one line per instruction: " + line);
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.strip());
            }
        }
        assertEquals(List.of("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre"),
                lines.stream().filter(l -> l.startsWith("FROM ")).toList());
        assertEquals(List.of(STEPS + "build", STEPS + "install"),
                lines.stream().filter(l -> l.startsWith("RUN ")).map(l -> l.substring(4)).toList());
        String installed = "/opt/streamml";
        assertTrue(lines.contains("ENV STREAMML_HOME=" + installed), lines.toString());
        assertTrue(lines.contains("COPY --from=build " + installed + " " + installed), lines.toString());
        assertTrue(lines.contains("ENTRYPOINT [\"" + installed + "/bin/streamml\"]"), lines.toString());
        assertTrue(lines.contains("CMD [\"--help\"]"), lines.toString());
        assertTrue(Files.readString(root.resolve("distribution/docker-steps.sh"))
                .contains("mvn -B -DskipTests package -pl distribution -am"), "the build step");

        Path home = tmp.resolve("opt/streamml");
        Commands.Result install = Commands.run(root, Map.of("STREAMML_HOME", home.toString()), 120,
                List.of("sh", "-c", STEPS + "install"));
        assertEquals(0, install.exitCode(), install.output());
        assertEquals("streamml " + Commands.version() + "\n", install.output());

        Path work = Files.createDirectories(tmp.resolve("work"));
        Commands.Result entryPoint = Commands.run(work, Map.of(), 60,
                List.of(home.resolve("bin/streamml").toString(), "--help"));
        assertEquals(0, entryPoint.exitCode(), entryPoint.output());
        assertTrue(entryPoint.output().startsWith("Usage: streamml"), entryPoint.output());
    }
}
