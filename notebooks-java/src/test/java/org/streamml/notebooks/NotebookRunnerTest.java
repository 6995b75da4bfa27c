package org.streamml.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class NotebookRunnerTest {
    static final java.util.List<String> NAMES = Notebooks.NAMES;

    @TempDir
    Path out;

    // A notebook that hangs fails after this limit instead of holding up the whole build.
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldRunEveryShippedNotebookWithoutAFailingStatement(String name) {
        NotebookRunner.Result r = NotebookRunner.withCurrentClassPath().run(name, Notebooks.source(name), out);
        assertNull(r.failure(), () -> name + " failed at " + r.failure() + "\noutput:\n" + r.output());
        assertTrue(r.statements() > 3, "too few statements ran: " + r.statements());
    }

    @Test
    void shouldReportTheLineOfAStatementThatThrows() {
        String script = "int a = 1;\nint b = 2;\n\nInteger.parseInt(\n  \"x\");\nint c = 3;\n";
        NotebookRunner.Result r = NotebookRunner.withCurrentClassPath().run("t", script, out);
        assertFalse(r.ok());
        assertEquals(4, r.failure().line());
        assertTrue(r.failure().message().contains("NumberFormatException"), r.failure().message());
        assertEquals(2, r.statements());
    }

    @Test
    void shouldReportAStatementThatDoesNotCompile() {
        NotebookRunner.Result r = NotebookRunner.withCurrentClassPath().run("t", "int a = 1;\nString s = a;\n", out);
        assertEquals(2, r.failure().line());
        assertTrue(r.failure().message().startsWith("does not compile"), r.failure().message());
    }

    @Test
    void shouldStopAtExitAndSkipOtherCommands() {
        String script = "/imports\nint a = 1;\n/exit\nthrow new RuntimeException();\n";
        NotebookRunner.Result r = NotebookRunner.withCurrentClassPath().run("t", script, out);
        assertTrue(r.ok());
        assertEquals(1, r.statements());
    }
}
