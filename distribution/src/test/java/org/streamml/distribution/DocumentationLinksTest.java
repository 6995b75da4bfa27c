package org.streamml.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown file of the repository cites only files the repository has: a clone (or the source
 * archive) is all a reader gets, so a README that points at a design note kept elsewhere sends them
 * nowhere.
 *
 * <p>A citation is a relative Markdown link ({@code [text](path)}), a path in backticks with a known file
 * extension ({@code `datasets/README.md`}), or a Markdown file named anywhere in the text
 * ({@code DESIGN.md}). It is satisfied when it resolves from the citing file's folder or from the
 * repository root, or when a file of the repository ends with that path (module READMEs name files inside
 * their resource folders by their short path). Build outputs ({@code target/…}) and URL paths
 * ({@code /chart/NAME.json}) are not citations.
 */
class DocumentationLinksTest {
    private static final String EXTENSIONS = "md|java|csv|json|jsonl|txt|xml|sh|properties|ipynb|jsh|tsv|html|js";
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");
    private static final Pattern BACKTICKED_PATH =
            Pattern.compile("`([A-Za-z0-9_.\\-/]+/[A-Za-z0-9_.\\-]+\\.(?:" + EXTENSIONS + "))`");
    private static final Pattern MARKDOWN_NAME = Pattern.compile("(?<![\\w/.\\-])([A-Za-z0-9_\\-]+\\.md)\\b");

    private final Path root = Commands.property("streamml.root");

    @Test
    void everyMarkdownFileCitesOnlyFilesOfTheRepository() throws IOException {
        List<Path> files = repositoryFiles();
        List<String> broken = new ArrayList<>();
        int markdown = 0;
        for (Path md : files) {
            if (!md.getFileName().toString().endsWith(".md")) {
                continue;
            }
            markdown++;
            for (String cited : citations(Files.readString(md))) {
                // target/...: build outputs; /...: a server's URL path (the dashboard's /chart/NAME.json), not a file
                if (!cited.startsWith("target/") && !cited.startsWith("/") && !exists(md.getParent(), cited, files)) {
                    broken.add(root.relativize(md) + " cites " + cited);
                }
            }
        }
        assertTrue(markdown >= 10, "found the repository's Markdown files (" + markdown + ")");
        assertEquals(List.of(), broken, "citations of files the repository does not have");
    }

    @Test
    void aCitationOfAFileOutsideTheRepositoryIsFound() throws IOException {
        List<Path> files = repositoryFiles();
        Set<String> cited = citations("See `../shared/spec/spark-streaming-ml.md` and DESIGN.md §4, "
                + "[the trace format](docs/trace-format.md).");
        assertEquals(Set.of("../shared/spec/spark-streaming-ml.md", "DESIGN.md", "docs/trace-format.md"), cited);
        assertTrue(!exists(root, "../shared/spec/spark-streaming-ml.md", files), "outside the repository");
        assertTrue(!exists(root, "DESIGN.md", files), "no DESIGN.md in the repository");
        assertTrue(exists(root, "docs/trace-format.md", files), "docs/trace-format.md");
    }

    /** What {@code text} cites, in order of first appearance. */
    private static Set<String> citations(String text) {
        Set<String> cited = new LinkedHashSet<>();
        for (Pattern p : List.of(LINK, BACKTICKED_PATH, MARKDOWN_NAME)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String c = m.group(1);
                if (!c.matches("^[a-z][a-z0-9+.\\-]*:.*")) {  // http:, https:, mailto:
                    cited.add(c);
                }
            }
        }
        return cited;
    }

    private boolean exists(Path folder, String cited, List<Path> files) {
        for (Path base : List.of(folder, root)) {
            Path p = base.resolve(cited).normalize();
            if (p.startsWith(root) && Files.exists(p)) {
                return true;
            }
        }
        if (cited.startsWith("..")) {
            return false;
        }
        String suffix = "/" + cited;
        return files.stream().anyMatch(f -> ("/" + root.relativize(f).toString().replace('\\', '/')).endsWith(suffix));
    }

    /** The repository's files, without build outputs, Git's folder and dependencies' folders. */
    private List<Path> repositoryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String s = part.toString();
                            if (s.equals("target") || s.equals(".git") || s.equals("node_modules")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
