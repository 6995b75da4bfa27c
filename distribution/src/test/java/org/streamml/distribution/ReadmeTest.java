package org.streamml.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Use it as a library" shows the sample project that SampleProjectIT builds and runs. */
class ReadmeTest {
    private final Path root = Commands.property("streamml.root");

    @Test
    void shouldShowTheSampleProgramAsItIs() throws Exception {
        String readme = Files.readString(root.resolve("README.md"));
        String main = Files.readString(root.resolve("distribution/src/it/sample/src/main/java/example/Main.java"));
        assertTrue(readme.contains("```java\n" + main + "```"), "README.md shows sample's Main.java verbatim");
    }

    @Test
    void shouldImportTheBomAtTheBuildsVersion() throws Exception {
        String readme = Files.readString(root.resolve("README.md"));
        String version = System.getProperty("streamml.version");
        assertTrue(readme.contains("<artifactId>streamml-bom</artifactId>\n            <version>" + version
                + "</version>\n            <type>pom</type>\n            <scope>import</scope>"), readme);
        for (String artifact : new String[] {"streamml-core", "streamml-ml"}) {
            assertTrue(readme.contains("<dependency><groupId>org.streamml</groupId><artifactId>" + artifact
                    + "</artifactId></dependency>"), artifact);
        }
    }
}
