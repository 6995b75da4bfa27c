package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/** PMML as other producers write it (sklearn2pmml style) loads; what StreamML cannot apply is refused by name. */
class ForeignPmmlTest {

    private static Model load(String pmml) throws ModelFormatException {
        return ModelIO.decode(pmml.getBytes(StandardCharsets.UTF_8), "foreign.pmml").model();
    }

    private static String rejection(String pmml) {
        return assertThrows(ModelFormatException.class, () -> load(pmml)).getMessage();
    }

    /** A regression document in the 4.4 namespace with the given model element. */
    private static String regressionDocument(String model) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
                  <Header><Application name="SkLearn2PMML package" version="0.110.0"/></Header>
                  <DataDictionary>
                    <DataField name="y" optype="categorical" dataType="integer">
                      <Value value="0"/><Value value="1"/>
                    </DataField>
                    <DataField name="x1" optype="continuous" dataType="double"/>
                    <DataField name="x2" optype="continuous" dataType="float"/>
                    <DataField name="x3" optype="continuous" dataType="double"/>
                  </DataDictionary>
                """ + model + "</PMML>\n";
    }

    private static final String SCHEMA = """
                <MiningSchema>
                  <MiningField name="y" usageType="target"/>
                  <MiningField name="x1"/>
                  <MiningField name="x2"/>
                  <MiningField name="x3"/>
                </MiningSchema>
            """;

    @Test
    void shouldLoadAnSklearnStyleLinearRegressionInMiningSchemaOrder() throws ModelFormatException {
        Model m = load(regressionDocument("""
                <RegressionModel functionName="regression" algorithmName="sklearn.linear_model.LinearRegression">
                """ + SCHEMA + """
                  <RegressionTable intercept="1.25">
                    <NumericPredictor name="x3" coefficient="3.0"/>
                    <NumericPredictor name="x1" coefficient="-1.5"/>
                  </RegressionTable>
                </RegressionModel>
                """));

        assertEquals(new LinearRegressionModel(new double[] {-1.5, 0.0, 3.0}, 1.25), m);
        assertEquals(1.25 - 1.5 + 6.0, ((LinearRegressionModel) m).predict(new double[] {1, 7, 2}));
    }

    @Test
    void shouldLoadAnSklearnStyleBinaryLogisticRegressionWithThresholdOneHalf() throws ModelFormatException {
        Model m = load(regressionDocument("""
                <RegressionModel functionName="classification" normalizationMethod="logit">
                """ + SCHEMA + """
                  <Output>
                    <OutputField name="probability(0)" optype="continuous" dataType="double"
                                 feature="probability" value="0"/>
                    <OutputField name="probability(1)" optype="continuous" dataType="double"
                                 feature="probability" value="1"/>
                  </Output>
                  <RegressionTable intercept="-0.5" targetCategory="1">
                    <NumericPredictor name="x1" coefficient="2.0"/>
                    <NumericPredictor name="x2" coefficient="0.5"/>
                    <NumericPredictor name="x3" coefficient="-1.0"/>
                  </RegressionTable>
                  <RegressionTable intercept="0.0" targetCategory="0"/>
                </RegressionModel>
                """));

        LogisticRegressionModel log = (LogisticRegressionModel) m;
        assertArrayEquals(new double[] {2.0, 0.5, -1.0}, log.weights());
        assertEquals(-0.5, log.intercept());
        assertEquals(0.5, log.threshold().getAsDouble());
        assertEquals(LogisticRegressionModel.sigmoid(1.5), log.probability(new double[] {1, 0, 0}));
    }

    @Test
    void shouldLoadAClusteringModelWithEuclideanDistanceAndSizes() throws ModelFormatException {
        Model m = load("""
                <PMML xmlns="http://www.dmg.org/PMML-4_1" version="4.1">
                  <DataDictionary numberOfFields="2">
                    <DataField name="a" optype="continuous" dataType="double"/>
                    <DataField name="b" optype="continuous" dataType="double"/>
                  </DataDictionary>
                  <ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="2">
                    <MiningSchema><MiningField name="a"/><MiningField name="b"/></MiningSchema>
                    <ComparisonMeasure kind="distance" compareFunction="absDiff"><euclidean/></ComparisonMeasure>
                    <ClusteringField field="a"/>
                    <ClusteringField field="b" fieldWeight="1.0"/>
                    <Cluster id="1" size="40"><Array n="2" type="real">0 0</Array></Cluster>
                    <Cluster id="2" size="60"><Array n="2" type="real">10 1e1</Array></Cluster>
                  </ClusteringModel>
                </PMML>
                """);

        assertEquals(new KMeansModel(new double[][] {{0, 0}, {10, 10}}, new double[] {40, 60}), m);
    }

    @Test
    void shouldRejectUnsupportedModelElementsByName() {
        String message = rejection("""
                <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
                  <DataDictionary/>
                  <TreeModel functionName="classification"/>
                </PMML>
                """);
        assertTrue(message.startsWith("foreign.pmml: element /PMML/TreeModel: found unsupported element TreeModel, "
                + "expected Header, DataDictionary and one RegressionModel or ClusteringModel"), message);
    }

    @Test
    void shouldRejectCategoricalPredictorsByName() {
        String message = rejection(regressionDocument("""
                <RegressionModel functionName="regression">
                """ + SCHEMA + """
                  <RegressionTable intercept="0">
                    <NumericPredictor name="x1" coefficient="1"/>
                    <CategoricalPredictor name="x2" value="a" coefficient="1"/>
                  </RegressionTable>
                </RegressionModel>
                """));
        assertTrue(message.contains("element /PMML/RegressionModel/RegressionTable/CategoricalPredictor: "
                + "found unsupported element CategoricalPredictor, expected NumericPredictor"), message);
    }

    @Test
    void shouldRejectNonLinearTermsAndOtherNormalizations() {
        String exponent = rejection(regressionDocument("""
                <RegressionModel functionName="regression">
                """ + SCHEMA + """
                  <RegressionTable intercept="0">
                    <NumericPredictor name="x1" exponent="2" coefficient="1"/>
                  </RegressionTable>
                </RegressionModel>
                """));
        assertTrue(exponent.contains("NumericPredictor, attribute exponent: found 2.0, expected 1"), exponent);

        String softmax = rejection(regressionDocument("""
                <RegressionModel functionName="classification" normalizationMethod="softmax">
                """ + SCHEMA + """
                  <RegressionTable intercept="0" targetCategory="1"/>
                  <RegressionTable intercept="0" targetCategory="0"/>
                </RegressionModel>
                """));
        assertTrue(softmax.contains("element /PMML/RegressionModel, attribute normalizationMethod: found softmax, "
                + "expected logit"), softmax);
    }

    @Test
    void shouldRejectOtherDistanceMeasuresByName() {
        String message = rejection("""
                <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
                  <DataDictionary><DataField name="a" optype="continuous" dataType="double"/></DataDictionary>
                  <ClusteringModel functionName="clustering" modelClass="centerBased">
                    <MiningSchema><MiningField name="a"/></MiningSchema>
                    <ComparisonMeasure kind="distance"><cityBlock/></ComparisonMeasure>
                    <Cluster><Array n="1" type="real">0</Array></Cluster>
                  </ClusteringModel>
                </PMML>
                """);
        assertTrue(message.contains("element /PMML/ClusteringModel/ComparisonMeasure/cityBlock: found unsupported "
                + "element cityBlock, expected squaredEuclidean or euclidean"), message);
    }

    @Test
    void shouldRejectDerivedFields() {
        String message = rejection(regressionDocument("""
                <RegressionModel functionName="regression">
                """ + SCHEMA + """
                  <LocalTransformations>
                    <DerivedField name="z" optype="continuous" dataType="double"/>
                  </LocalTransformations>
                  <RegressionTable intercept="0"/>
                </RegressionModel>
                """));
        assertTrue(message.contains("element /PMML/RegressionModel/LocalTransformations/DerivedField: found "
                + "unsupported element DerivedField"), message);
    }

    @Test
    void shouldRefuseDoctypesAndExternalEntities() {
        String message = rejection("""
                <?xml version="1.0"?>
                <!DOCTYPE PMML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <PMML xmlns="http://www.dmg.org/PMML-4_4"><Header description="&xxe;"/></PMML>
                """);
        assertTrue(message.startsWith("foreign.pmml: line 2, column "), message);
        assertTrue(message.contains("DOCTYPE"), message);
    }

    @Test
    void shouldRejectAForeignRootElement() {
        String message = rejection("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
        assertTrue(message.contains("element /html: found element html in namespace http://www.w3.org/1999/xhtml, "
                + "expected a PMML element"), message);
    }
}
