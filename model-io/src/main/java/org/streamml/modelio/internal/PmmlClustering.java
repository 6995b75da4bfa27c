package org.streamml.modelio.internal;

import static org.streamml.modelio.internal.PmmlElements.attribute;
import static org.streamml.modelio.internal.PmmlElements.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.ModelState;
import org.w3c.dom.Element;

/**
 * Reads a PMML {@code ClusteringModel}: {@code modelClass="centerBased"}, a distance
 * {@code ComparisonMeasure} with {@code squaredEuclidean} or {@code euclidean} (the same nearest
 * center), {@code absDiff} comparisons of weight 1, and one {@code Cluster} with a real {@code Array}
 * per center, in the order of the {@code ClusteringField}s (or of the active fields when there are
 * none). A cluster's weight is StreamML's {@code weight} extension, else its {@code size}, else 0.
 */
final class PmmlClustering {
    private static final Set<String> CHILDREN = Set.of("Extension", "MiningSchema", "Output", "ModelStats",
            "ModelExplanation", "LocalTransformations", "ComparisonMeasure", "ClusteringField",
            "MissingValueWeights", "Cluster", "ModelVerification");
    private static final Set<String> MEASURES = Set.of("squaredEuclidean", "euclidean");

    private final PmmlReader reader;
    private final PmmlElements x;

    PmmlClustering(PmmlReader reader) {
        this.reader = reader;
        this.x = reader.x;
    }

    Model read(Element model, ModelState state) throws ModelFormatException {
        long version = state.version();
        long lastBatch = state.lastBatchTimeMillis();
        reader.checkModelChildren(model, CHILDREN);
        String modelClass = x.required(model, "modelClass");
        if (!modelClass.equals("centerBased")) {
            throw x.error(model, "modelClass", modelClass, "centerBased");
        }
        List<String> active = reader.activeFields(model);
        comparisonMeasure(x.child(model, "ComparisonMeasure"));
        int d = clusteringFields(model, active);
        List<Element> clusters = children(model, "Cluster");
        if (clusters.isEmpty()) {
            throw x.error(model, "no Cluster", "at least one Cluster");
        }
        String n = attribute(model, "numberOfClusters");
        if (n != null && !n.trim().equals(Integer.toString(clusters.size()))) {
            throw x.error(model, "numberOfClusters", n, clusters.size() + ", the number of Cluster elements");
        }
        double[][] centers = new double[clusters.size()][];
        double[] weights = new double[clusters.size()];
        for (int j = 0; j < centers.length; j++) {
            Element c = clusters.get(j);
            centers[j] = center(c, d);
            weights[j] = weight(c);
        }
        return new KMeansModel(centers, weights, version, lastBatch);
    }

    private void comparisonMeasure(Element m) throws ModelFormatException {
        String kind = x.required(m, "kind");
        if (!kind.equals("distance")) {
            throw x.error(m, "kind", kind, "distance");
        }
        String compare = attribute(m, "compareFunction");
        if (compare != null && !compare.equals("absDiff")) {
            throw x.error(m, "compareFunction", compare, "absDiff");
        }
        List<Element> measures = new ArrayList<>();
        for (Element c : children(m)) {
            if (!c.getLocalName().equals("Extension")) {
                measures.add(c);
            }
        }
        if (measures.size() != 1 || !MEASURES.contains(measures.get(0).getLocalName())) {
            if (measures.size() == 1) {
                throw x.unsupported(measures.get(0), "squaredEuclidean or euclidean");
            }
            throw x.error(m, measures.size() + " measures", "one measure, squaredEuclidean or euclidean");
        }
    }

    /** The dimension: the number of center fields, checked against the active fields. */
    private int clusteringFields(Element model, List<String> active) throws ModelFormatException {
        List<Element> fields = children(model, "ClusteringField");
        if (fields.isEmpty()) {
            return active.size();
        }
        List<String> centerFields = new ArrayList<>();
        for (Element f : fields) {
            String name = x.required(f, "field");
            if (!active.contains(name)) {
                throw x.error(f, "field", "\"" + name + "\"", "one of the active fields " + active);
            }
            if ("false".equals(attribute(f, "isCenterField"))) {
                throw x.error(f, "isCenterField", "false", "true (every field must be a center field)");
            }
            String compare = attribute(f, "compareFunction");
            if (compare != null && !compare.equals("absDiff")) {
                throw x.error(f, "compareFunction", compare, "absDiff");
            }
            double weight = x.number(f, "fieldWeight", 1.0);
            if (weight != 1.0) {
                throw x.error(f, "fieldWeight", String.valueOf(weight), "1 (field weights are not supported)");
            }
            centerFields.add(name);
        }
        if (!centerFields.equals(active)) {
            throw x.error(model, "ClusteringFields " + centerFields, "the active fields in order " + active);
        }
        return centerFields.size();
    }

    private double[] center(Element cluster, int d) throws ModelFormatException {
        Element array = x.child(cluster, "Array");
        String type = x.required(array, "type");
        if (!type.equals("real") && !type.equals("int")) {
            throw x.error(array, "type", type, "real or int");
        }
        String text = array.getTextContent().trim();
        String[] tokens = text.isEmpty() ? new String[0] : text.split("\\s+");
        String n = attribute(array, "n");
        if (n != null && !n.trim().equals(Integer.toString(tokens.length))) {
            throw x.error(array, "n", n, tokens.length + ", the number of values in the array");
        }
        if (tokens.length != d) {
            throw x.error(array, tokens.length + " coordinates", d + ", one per clustering field");
        }
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = x.number(array, "value " + (i + 1), tokens[i]);
        }
        return c;
    }

    private double weight(Element cluster) throws ModelFormatException {
        for (Element e : children(cluster, "Extension")) {
            if (PmmlReader.isStreamMl(e) && "weight".equals(attribute(e, "name"))) {
                double w = x.number(e, "value", x.required(e, "value"));
                if (w < 0) {
                    throw x.error(e, "value", String.valueOf(w), "a cluster weight >= 0");
                }
                return w;
            }
        }
        double size = x.number(cluster, "size", 0.0);
        if (size < 0) {
            throw x.error(cluster, "size", String.valueOf(size), "a size >= 0");
        }
        return size;
    }
}
