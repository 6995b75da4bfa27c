package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code streamml} launcher script, run for real by bash on a copy of the project layout whose {@code mvn}
 * and {@code java} are stand-ins: three launchers started together after a source change share one build.
 * Before the lock, all three ran Maven at once in the same target folders and two failed.
 */
class LauncherTest {
    @TempDir
    Path root;

    /**
     * The stand-in Maven fails when another build is running (mkdir is atomic) and otherwise waits up to two
     * seconds for one to start, so overlapping builds are caught whatever the timing, then writes the jar.
     */
    private static final String FAKE_MVN = """
            #!/usr/bin/env bash
            echo build >> "$PWD/builds.log"
            if ! mkdir "$PWD/building" 2>/dev/null; then echo overlap >> "$PWD/overlap.log"; exit 1; fi
            for i in $(seq 20); do [ -e "$PWD/overlap.log" ] && break; sleep 0.1; done
            mkdir -p "$PWD/cli/target" && : > "$PWD/cli/target/streamml-cli.jar"
            rmdir "$PWD/building"
            [ ! -e "$PWD/overlap.log" ]
            """;

    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "java $*"
            """;

    @Test
    void shouldBuildOnceWhenThreeLaunchersStartTogether() throws Exception {
        Path script = root.resolve("streamml");
        Files.copy(Path.of("..", "streamml"), script);
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(root.resolve("fake-bin"));
        executable(bin.resolve("mvn"), FAKE_MVN);
        executable(bin.resolve("java"), FAKE_JAVA);
        executable(script, Files.readString(script));

        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--version");
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            launchers.add(pb.start());
        }
        for (Process p : launchers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), err);
            assertTrue(out.contains("org.streamml.cli.Main --version"), out + err);
        }
        assertEquals(List.of("build"), Files.readAllLines(root.resolve("builds.log")), "builds run");
        assertTrue(Files.exists(root.resolve("target").resolve("streamml-build.lock")));
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
