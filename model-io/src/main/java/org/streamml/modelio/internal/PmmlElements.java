package org.streamml.modelio.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.streamml.modelio.ModelFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Secure XML parsing (no DTD, no external entities) and element access for the PMML reader; every
 * failure is a {@link ModelFormatException} that names the source and the element path, such as
 * {@code /PMML/RegressionModel/RegressionTable[2]}.
 */
final class PmmlElements {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(INF|Infinity|NaN)");

    private final String source;

    PmmlElements(String source) {
        this.source = source;
    }

    /** Parses {@code bytes} with DTDs and external entities disabled. */
    Document parse(byte[] bytes) throws ModelFormatException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings do not make a document unreadable.
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new ModelFormatException(source, source + ": line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new ModelFormatException(source, source + ": not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure-processing features", e);
        }
    }

    ModelFormatException error(Element at, String found, String expected) {
        return ModelFormatException.of(source, "element " + path(at), found, expected);
    }

    ModelFormatException error(Element at, String attribute, String found, String expected) {
        return ModelFormatException.of(source, "element " + path(at) + ", attribute " + attribute, found, expected);
    }

    ModelFormatException unsupported(Element e, String expected) {
        return ModelFormatException.of(source, "element " + path(e), "unsupported element " + e.getLocalName(),
                expected + " (the PMML subset StreamML reads, see the model-io README)");
    }

    /** The element's path from the root, with a 1-based index where siblings share its name. */
    static String path(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            int index = 0;
            int count = 0;
            Node parent = el.getParentNode();
            if (parent instanceof Element) {
                for (Element s : children(parent)) {
                    if (s.getLocalName().equals(el.getLocalName())) {
                        count++;
                        if (s == el) {
                            index = count;
                        }
                    }
                }
            }
            sb.insert(0, "/" + el.getLocalName() + (count > 1 ? "[" + index + "]" : ""));
        }
        return sb.toString();
    }

    /** The child elements of {@code parent}, in document order. */
    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    /** The child elements named {@code name}. */
    static List<Element> children(Node parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The attribute's value, or {@code null} when absent. */
    static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** A required attribute. */
    String required(Element e, String name) throws ModelFormatException {
        String v = attribute(e, name);
        if (v == null) {
            throw error(e, name, "no attribute " + name, "an attribute " + name);
        }
        return v;
    }

    /** The single required child named {@code name}. */
    Element child(Element parent, String name) throws ModelFormatException {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw error(parent, found.size() + " " + name + " elements", "exactly one " + name);
        }
        return found.get(0);
    }

    /** Parses a finite number from an attribute or array token {@code text}. */
    double number(Element at, String attribute, String text) throws ModelFormatException {
        String t = text.trim();
        if (NUMBER.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } else if (!NON_FINITE.matcher(t).matches()) {
            throw error(at, attribute, "\"" + t + "\"", "a number");
        }
        throw error(at, attribute, t, "a finite number");
    }

    /** A numeric attribute with a default when absent. */
    double number(Element e, String attribute, double absent) throws ModelFormatException {
        String v = attribute(e, attribute);
        return v == null ? absent : number(e, attribute, v);
    }
}
