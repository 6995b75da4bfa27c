package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log-level} and {@code --log-config}, on real runs whose standard error is captured. */
class LoggingOptionsTest {
    /** A debug line of the engine in the default format: {@code 12:34:56.789 DEBUG JobScheduler: batch ...}. */
    private static final Pattern DEBUG_LINE = Pattern.compile(
            "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG JobScheduler: batch \\d+ ms completed: 2 records, scheduling delay");

    @TempDir
    Path tmp;

    private Path input() throws Exception {
        Path p = tmp.resolve("d.csv");
        Files.writeString(p, "label,a\n1,1\n2,2\n3,3\n4,4\n");
        return p;
    }

    private CliRun train(String... more) throws Exception {
        String[] args = new String[8 + more.length];
        String[] common = {"train", "--algorithm", "linreg", "--input", input().toString(), "--batch-size", "2", "-q"};
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(more, 0, args, common.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void shouldPrintTheEnginesDebugLinesOnlyAtLevelDebug() throws Exception {
        CliRun quiet = train();
        assertEquals(0, quiet.status(), quiet.err());
        assertFalse(quiet.err().contains("DEBUG"), quiet.err());

        CliRun debug = train("--log-level", "debug");
        assertEquals(0, debug.status(), debug.err());
        assertEquals(2, DEBUG_LINE.matcher(debug.err()).results().count(), debug.err());

        // the same option before the subcommand, in capitals
        String[] args = {"--log-level", "DEBUG", "train", "--algorithm", "linreg", "--input", input().toString(),
            "--batch-size", "2", "-q"};
        CliRun before = CliRun.of(args);
        assertEquals(0, before.status(), before.err());
        assertEquals(2, DEBUG_LINE.matcher(before.err()).results().count(), before.err());

        // the level was the run's only: the next run is back at INFO
        CliRun after = train();
        assertFalse(after.err().contains("DEBUG"), after.err());
    }

    @Test
    void shouldRejectAnUnknownLevelNamingTheLevels() throws Exception {
        CliRun r = CliRun.of("demo", "--list", "--log-level", "loud");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("'loud' is not a log level; use one of trace, debug, info, warn, error, off"),
                r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void shouldLogAsAConfigFileSaysForTheRunOnly() throws Exception {
        Path config = tmp.resolve("logback.xml");
        Files.writeString(config, """
                <configuration>
                    <appender name="E" class="ch.qos.logback.core.ConsoleAppender">
                        <target>System.err</target>
                        <encoder><pattern>MINE %level %logger: %msg%n</pattern></encoder>
                    </appender>
                    <logger name="org.streamml.streaming" level="DEBUG"/>
                    <root level="WARN"><appender-ref ref="E"/></root>
                </configuration>
                """);
        CliRun r = train("--log-config", config.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("MINE DEBUG org.streamml.streaming.JobScheduler: batch "), r.err());

        CliRun after = train("--log-level", "debug");
        assertFalse(after.err().contains("MINE"), after.err());
        assertEquals(2, DEBUG_LINE.matcher(after.err()).results().count(), after.err());
    }

    @Test
    void shouldRejectAMissingOrBrokenConfigFileNamingIt() throws Exception {
        Path missing = tmp.resolve("none.xml");
        CliRun r = train("--log-config", missing.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--log-config " + missing + ": no such file"), r.err());

        Path broken = tmp.resolve("broken.xml");
        Files.writeString(broken, "<configuration><appender name=\"E\" class=\"no.such.Appender\"/>\n");
        CliRun b = train("--log-config", broken.toString());
        assertEquals(2, b.status(), b.err());
        assertTrue(b.err().contains("--log-config " + broken + ": Logback rejected it: "), b.err());

        // the default configuration is back
        CliRun after = train("--log-level", "debug");
        assertEquals(2, DEBUG_LINE.matcher(after.err()).results().count(), after.err());
    }
}
