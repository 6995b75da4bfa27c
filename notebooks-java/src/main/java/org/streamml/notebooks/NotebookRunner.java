package org.streamml.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a jshell notebook ({@code .jsh}) headless, statement by statement, and stops at the first
 * statement that does not compile or throws. Plain {@code jshell script.jsh} keeps going after a failing
 * statement and still exits 0, so a checker must look at every snippet itself; this runner does, and
 * reports the line where the failing statement starts. A statement still running after
 * {@value #STATEMENT_TIMEOUT_MINUTES} minutes is stopped and reported as failing, so a stuck notebook
 * cannot hang a build.
 *
 * <p>Lines starting with {@code /} are jshell commands: {@code /exit} ends the notebook, others are
 * skipped (they only change the interactive session).
 */
public final class NotebookRunner {

    /**
     * The outcome of a run.
     *
     * @param statements statements executed successfully
     * @param failure the first failure, or {@code null}
     * @param output what the notebook printed
     */
    public record Result(int statements, Failure failure, String output) {
        /** Whether every statement ran. */
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * A failing statement.
     *
     * @param line the 1-based line where the statement starts
     * @param source the statement's source
     * @param message what went wrong
     */
    public record Failure(int line, String source, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message + "\n    " + source.strip().replace("\n", "\n    ");
        }
    }

    /** How long one statement may run before the runner stops it and reports it as failed. */
    static final long STATEMENT_TIMEOUT_MINUTES = 3;

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "streamml-notebook-watchdog");
                t.setDaemon(true);
                return t;
            });

    private final String classPath;

    /** A runner whose notebooks see {@code classPath} (entries separated by the path separator). */
    public NotebookRunner(String classPath) {
        this.classPath = Objects.requireNonNull(classPath, "classPath");
    }

    /** A runner whose notebooks see this JVM's class path. */
    public static NotebookRunner withCurrentClassPath() {
        return new NotebookRunner(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
    }

    /**
     * Runs the notebook {@code name} with source {@code script}, capturing what it prints into the
     * result; the variable {@code NOTEBOOK_OUT} holds {@code workDir}, where notebooks write their charts.
     */
    public Result run(String name, String script, Path workDir) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        // The local execution engine runs snippets in this JVM, so their System.out is ours.
        System.setOut(out);
        System.setErr(out);
        try {
            Result r = run(script, workDir, out);
            return new Result(r.statements(), r.failure(), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Runs {@code script} printing to {@code out} as it goes; the result's output is empty. */
    public Result run(String script, Path workDir, PrintStream out) {
        int done = 0;
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            Failure setup = evalAll(shell, "String NOTEBOOK_OUT = \"" + escape(workDir.toString()) + "\";", 0);
            if (setup != null) {
                return new Result(0, setup, "");
            }
            for (Statement st : split(shell.sourceCodeAnalysis(), script)) {
                if (st.command()) {
                    if (st.source().strip().startsWith("/exit")) {
                        break;
                    }
                    continue;
                }
                Failure f = evalAll(shell, st.source(), st.line());
                if (f != null) {
                    return new Result(done, f, "");
                }
                done++;
            }
        }
        return new Result(done, null, "");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Failure evalAll(JShell shell, String source, int line) {
        java.util.concurrent.atomic.AtomicReference<String> stopped = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            stopped.set(threadDump());
            shell.stop();
        }, STATEMENT_TIMEOUT_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } finally {
            watchdog.cancel(false);
        }
        if (stopped.get() != null) {
            return new Failure(line, source, "did not finish within " + STATEMENT_TIMEOUT_MINUTES
                    + " minutes and was stopped; the threads when it was stopped:\n" + stopped.get());
        }
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED) {
                StringBuilder msg = new StringBuilder("does not compile:");
                shell.diagnostics(e.snippet()).forEach(d ->
                        msg.append(' ').append(d.getMessage(java.util.Locale.ROOT)));
                return new Failure(line, source, msg.toString());
            }
            if (e.exception() != null) {
                String type = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                        : e.exception().getClass().getName();
                return new Failure(line, source, "threw " + type + ": " + e.exception().getMessage());
            }
        }
        return null;
    }

    /** Every thread's stack, with the locks it holds and waits for, so a stuck statement can be diagnosed. */
    static String threadDump() {
        StringBuilder sb = new StringBuilder();
        for (java.lang.management.ThreadInfo t : java.lang.management.ManagementFactory.getThreadMXBean()
                .dumpAllThreads(true, true)) {
            sb.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                sb.append(" on ").append(t.getLockName());
            }
            if (t.getLockOwnerName() != null) {
                sb.append(" owned by \"").append(t.getLockOwnerName()).append('"');
            }
            sb.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    /** One statement or command of a script, with the line it starts on. */
    record Statement(String source, int line, boolean command) {
    }

    /** Splits a script into complete statements (as jshell would) and {@code /command} lines. */
    static List<Statement> split(SourceCodeAnalysis analysis, String script) {
        List<Statement> out = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (pending.length() == 0) {
                if (line.isBlank() || line.strip().startsWith("//")) {
                    continue;
                }
                if (line.strip().startsWith("/")  && !line.strip().startsWith("/*")) {
                    out.add(new Statement(line, i + 1, true));
                    continue;
                }
                start = i + 1;
            }
            pending.append(line).append('\n');
            String rest = pending.toString();
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                if (!info.completeness().isComplete()) {
                    break;
                }
                out.add(new Statement(info.source(), start, false));
                rest = info.remaining();
            }
            pending.setLength(0);
            if (!rest.isBlank()) {
                pending.append(rest);
            }
        }
        if (pending.length() > 0 && !pending.toString().isBlank()) {
            out.add(new Statement(pending.toString(), start, false));
        }
        return out;
    }
}
