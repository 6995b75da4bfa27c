package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.modelio.ModelIO;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.streaming.kafka.KafkaBroker;

/**
 * The commands with Kafka topics on a real broker: {@code dataset --output kafka://} produces a
 * generator's rows, {@code train --input kafka://} learns from them and ends at the offsets the topic had
 * at its start, and a record that does not parse fails naming its topic, partition and offset.
 */
class KafkaCommandsTest {
    @TempDir
    static Path dir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static String topic(String name) {
        return "kafka://" + broker.bootstrap() + "/" + name;
    }

    @Test
    void aDatasetProducedToATopicTrainsAModel() throws Exception {
        CliRun produced = CliRun.of("dataset", "linear", "--rows", "3000", "--output", topic("linear"));
        assertEquals(0, produced.status(), produced.err());
        assertTrue(produced.err().contains("produced 3000 rows of linear"), produced.err());

        Path model = dir.resolve("linear.json");
        CliRun train = CliRun.of("train", "--algorithm", "linreg", "--input", topic("linear"), "--batch-size", "600",
                "--iterations", "100", "--step-size", "0.5", "--output", model.toString(), "-q");
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().contains("\"records\":3000,\"batches\":5"), train.out());
        LinearRegressionModel m = (LinearRegressionModel) ModelIO.load(model);
        assertEquals(2, m.numFeatures());
        // y = 10 x1 + 10 x2 + noise: the weights head for 10 from 0
        for (double w : m.weights()) {
            assertTrue(w > 3 && w < 12, "weight " + w);
        }

        Path file = dir.resolve("linear.csv");
        assertEquals(0, CliRun.of("dataset", "linear", "--rows", "3000", "--output", file.toString()).status());
        assertEquals(3001, Files.readAllLines(file).size(), "the same rows plus the header went to the file");
    }

    @Test
    void predictReadsATopicAndWritesPredictionsToAnother() throws Exception {
        Path data = dir.resolve("logistic.csv");
        assertEquals(0, CliRun.of("dataset", "logistic", "--rows", "400", "--output", data.toString()).status());
        Path model = dir.resolve("logistic.json");
        CliRun train = CliRun.of("train", "--algorithm", "logreg", "--input", data.toString(), "--output",
                model.toString(), "-q");
        assertEquals(0, train.status(), train.err());
        Path fromFile = dir.resolve("from-file.csv");
        assertEquals(0, CliRun.of("predict", "--model", model.toString(), "--input", data.toString(), "--output",
                fromFile.toString()).status());
        List<String> rows = Files.readAllLines(data);
        broker.createTopic("to-score", 1);
        broker.produce("to-score", 1, rows.subList(1, rows.size()));

        Path fromTopic = dir.resolve("from-topic.csv");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--input", topic("to-score"), "--output",
                fromTopic.toString());
        assertEquals(0, predict.status(), predict.err());
        assertEquals(Files.readString(fromFile), Files.readString(fromTopic), "the same rows in the same order");

        CliRun toTopic = CliRun.of("predict", "--model", model.toString(), "--input", data.toString(), "--output",
                topic("scores"));
        assertEquals(0, toTopic.status(), toTopic.err());
        assertTrue(toTopic.err().contains("wrote 400 predictions"), toTopic.err());
        List<String> expected = Files.readAllLines(fromFile);
        List<String> got = KafkaTopics.values(broker.bootstrap(), "scores", 400);
        assertEquals(expected.subList(1, expected.size()), got);
    }

    @Test
    void detectScoresASeriesFromATopicAsFromItsFile() throws Exception {
        Path series = dir.resolve("series.csv");
        StringBuilder text = new StringBuilder("timestamp,value\n");
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 600; i++) {
            double v = 10 + Math.sin(i / 10.0) + 0.1 * r.nextGaussian() + (i == 450 ? 25 : 0);
            text.append(String.format(java.util.Locale.ROOT, "2024-01-01 %02d:%02d:00,%.4f%n", i / 60, i % 60, v));
        }
        Files.writeString(series, text);
        Path fromFile = dir.resolve("scores-file.csv");
        assertEquals(0, CliRun.of("detect", "--input", series.toString(), "--output", fromFile.toString()).status());
        List<String> lines = Files.readAllLines(series);
        broker.createTopic("series", 1);
        broker.produce("series", 1, lines.subList(1, lines.size()));
        Path fromTopic = dir.resolve("scores-topic.csv");
        CliRun detect = CliRun.of("detect", "--input", topic("series"), "--output", fromTopic.toString());
        assertEquals(0, detect.status(), detect.err());
        assertEquals(Files.readString(fromFile), Files.readString(fromTopic));

        broker.createTopic("series-3", 3);
        CliRun three = CliRun.of("detect", "--input", topic("series-3"), "--output", dir.resolve("x.csv").toString());
        assertNotEquals(0, three.status());
        assertTrue(three.err().contains("has 3 partitions"), three.err());
    }

    @Test
    void aRecordThatDoesNotParseFailsNamingItsOffset() throws Exception {
        broker.createTopic("broken-csv", 1);
        broker.produce("broken-csv", 1, List.of("1.0,2.0,3.0", "1.0,oops,3.0"));
        CliRun train = CliRun.of("train", "--algorithm", "linreg", "--input", topic("broken-csv"), "-q");
        assertNotEquals(0, train.status());
        assertTrue(train.err().contains("topic broken-csv, partition 0, offset 1"), train.err());
        assertTrue(train.err().contains("oops"), train.err());
        assertTrue(!train.err().contains("\tat "), "no stack trace: " + train.err());

        CliRun skipping = CliRun.of("train", "--algorithm", "linreg", "--input", topic("broken-csv"),
                "--skip-bad-records", "-q");
        assertEquals(0, skipping.status(), skipping.err());
        assertTrue(skipping.out().contains("\"records\":1,"), skipping.out());
    }

    @Test
    void badAddressesAndFollowWithoutKafkaAreClearErrors() {
        CliRun bad = CliRun.of("train", "--algorithm", "linreg", "--input", "kafka://nohost/topic", "-q");
        assertNotEquals(0, bad.status());
        assertTrue(bad.err().contains("expected kafka://HOST:PORT/TOPIC"), bad.err());
        CliRun follow = CliRun.of("train", "--algorithm", "linreg", "--input", dir.resolve("x.csv").toString(),
                "--follow", "-q");
        assertNotEquals(0, follow.status());
        assertTrue(follow.err().contains("--follow needs a kafka:// input"), follow.err());
    }
}
