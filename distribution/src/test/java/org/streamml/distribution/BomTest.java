package org.streamml.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The BOM against the modules: every published module is in it, at the parent's version, and nothing else. */
class BomTest {
    private final Path root = Commands.property("streamml.root");

    @Test
    void shouldManageEveryPublishedModuleAtTheParentsVersion() throws Exception {
        Element parent = pom(root);
        Element bom = pom(root.resolve("bom"));
        assertEquals(text(parent, "version"), text(bom, "version"), "the BOM's version is the parent's");
        assertEquals("pom", text(bom, "packaging"));

        Set<String> published = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            Element pom = pom(root.resolve(module.getTextContent().strip()));
            String artifactId = text(pom, "artifactId");
            all.add(artifactId);
            assertTrue(artifactId.startsWith("streamml-"), "artifactId with the streamml- prefix: " + artifactId);
            Element properties = child(pom, "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            if (!skipped && !artifactId.equals("streamml-bom")) {
                published.add(artifactId);
            }
        }
        Set<String> managed = new TreeSet<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("org.streamml", text(dependency, "groupId"));
            assertEquals("${project.version}", text(dependency, "version"));
            managed.add(text(dependency, "artifactId"));
        }
        assertEquals(published, managed, "published modules of " + all);
    }

    private static Element pom(Path dir) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile())
                .getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
