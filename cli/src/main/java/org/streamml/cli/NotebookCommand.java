package org.streamml.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.streamml.notebooks.NotebookRunner;
import org.streamml.notebooks.Notebooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streamml notebook NAME}: opens a jshell notebook with the project on the class path. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Open a jshell notebook with StreamML loaded (--run: run it headless).")
public final class NotebookCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "the notebook: ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
    private String name;

    @Option(names = "--run", description = "run the notebook headless and fail on the first failing statement")
    private boolean headless;

    @Option(names = "--list", description = "list the notebooks")
    private boolean list;

    @Option(names = "--out", paramLabel = "DIR", description = "where the notebook writes its charts "
            + "(default: notebook-out/NAME)")
    private Path out;

    /** The notebook names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Notebooks.NAMES.iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (list || name == null) {
            Notebooks.NAMES.forEach(System.out::println);
            return 0;
        }
        String source = Notebooks.source(name);
        Path dir = out != null ? out : Path.of("notebook-out", name);
        Files.createDirectories(dir);
        String classPath = System.getProperty("java.class.path");
        if (headless) {
            NotebookRunner.Result r = new NotebookRunner(classPath).run(source, dir, System.out);
            if (!r.ok()) {
                System.err.println("notebook " + name + " failed at " + r.failure());
                return 1;
            }
            System.err.println("notebook " + name + ": " + r.statements() + " statements ran; charts in " + dir);
            return 0;
        }
        return openInteractive(source, dir, classPath);
    }

    private int openInteractive(String source, Path dir, String classPath) throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        if (!Files.isExecutable(jshell)) {
            throw new IllegalStateException("jshell not found at " + jshell + "; run StreamML with a JDK 17+");
        }
        Path script = Files.createTempFile("streamml-" + name, ".jsh");
        script.toFile().deleteOnExit();
        String header = "String NOTEBOOK_OUT = \"" + dir.toAbsolutePath().toString().replace("\\", "\\\\") + "\";\n";
        Files.writeString(script, header + source, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(jshell.toString(), "--class-path", classPath, script.toString())
                .inheritIO().start();
        return p.waitFor();
    }
}
