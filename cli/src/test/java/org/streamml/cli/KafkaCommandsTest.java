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
