package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.DataFormatException;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.modelio.ModelIO;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;

/**
 * The streamed input of {@code train} (DESIGN.md §4): batch i holds records {@code (i-1)·N+1 … i·N} in file
 * order, split into P contiguous partitions; only the seeding records are read ahead; and training through it
 * gives exactly the model of the same records replayed from memory.
 */
class TrainingInputTest {
    @TempDir
    Path tmp;

    /** {@code rows} rows {@code label,x1,x2} with label = row number (1-based), after a header. */
    private Path numbered(int rows) throws Exception {
        StringBuilder sb = new StringBuilder("label,x1,x2\n");
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(',').append(Math.sin(i)).append(',').append(Math.cos(3.0 * i)).append('\n');
        }
        return Files.writeString(tmp.resolve("numbered.csv"), sb);
    }

    private static StreamingContext.Options replay(int partitions) {
        return StreamingContext.Options.defaults().withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock()).withThreads(2).withDefaultPartitions(partitions)
                .withStopWhenInputsExhausted(true);
    }

    @Test
    void shouldHoldRecordsInFileOrderInBatchesOfNSplitIntoContiguousPartitions() throws Exception {
        TrainingInput input = FileTrainingInput.of(numbered(23), TrainingInput.Format.CSV, true, false);
        List<List<List<Double>>> batches = new ArrayList<>();
        try (StreamingContext ssc = new StreamingContext(replay(3))) {
            ssc.source(input.replay(10)).foreachBatch((batch, time) -> {
                List<List<Double>> parts = new ArrayList<>();
                for (List<LabeledPoint> p : batch.partitions()) {
                    parts.add(p.stream().map(LabeledPoint::label).toList());
                }
                batches.add(parts);
            });
            ssc.start();
            EngineErrors.awaitTermination(ssc);
        }

        assertEquals(List.of(
                List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0), List.of(7.0, 8.0, 9.0, 10.0)),
                List.of(List.of(11.0, 12.0, 13.0), List.of(14.0, 15.0, 16.0), List.of(17.0, 18.0, 19.0, 20.0)),
                List.of(List.of(21.0), List.of(22.0), List.of(23.0))), batches);
    }

    @Test
    void shouldReadOnlyTheFirstRecordsAheadSoABadLineLaterDoesNotStopTheSeeding() throws Exception {
        Path file = Files.writeString(tmp.resolve("late.csv"), "x1,x2\n1,2\n3,4\n5,oops\n");
        TrainingInput input = FileTrainingInput.of(file, TrainingInput.Format.CSV, false, false);

        List<LabeledPoint> first = input.first(2);

        assertEquals(2, first.size());
        assertArrayEquals(new double[] {3, 4}, first.get(1).features().toArray());
        DataFormatException e = assertThrows(DataFormatException.class, () -> input.first(3));
        assertEquals(4, e.line(), "the third record is the bad one");
    }

    @Test
    void shouldCountTheLinesTheReplaySkipped() throws Exception {
        Path file = Files.writeString(tmp.resolve("skips.csv"), "label,a\n1,1\n2,x\n3,3,3\n4,4\n");
        TrainingInput input = FileTrainingInput.of(file, TrainingInput.Format.CSV, true, true);
        List<Double> labels = new ArrayList<>();
        try (StreamingContext ssc = new StreamingContext(replay(1))) {
            ssc.source(input.replay(1)).foreachBatch((batch, time) -> batch.collect()
                    .forEach(p -> labels.add(p.label())));
            ssc.start();
            EngineErrors.awaitTermination(ssc);
        }

        assertEquals(List.of(1.0, 4.0), labels);
        assertEquals(2, input.skipped());
    }

    @Test
    void shouldTrainALinearRegressionFromTheFileExactlyAsFromTheSameRecordsInMemory() throws Exception {
        Path file = numbered(2_500);
        Path model = tmp.resolve("streamed.json");

        CliRun r = CliRun.of("train", "-q", "--algorithm", "linreg", "--input", file.toString(), "--batch-size",
                "300", "--partitions", "3", "--step-size", "0.01", "--output", model.toString());

        assertEquals(0, r.status(), r.err());
        StreamingLinearRegressionWithSGD inMemory = new StreamingLinearRegressionWithSGD(
                StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.01));
        inMemory.setInitialWeights(Vectors.zeros(2));
        try (StreamingContext ssc = new StreamingContext(replay(3))) {
            inMemory.trainOn(ssc.fromIterable(readAll(file, CsvFile.Options.defaults()), 300));
            ssc.start();
            ssc.awaitTermination();
        }
        LinearRegressionModel streamed = ModelIO.load(model, LinearRegressionModel.class);
        assertEquals(9, streamed.version(), "2,500 records in batches of 300");
        assertArrayEquals(inMemory.latestModel().weights(), streamed.weights());
        assertEquals(inMemory.latestModel().intercept(), streamed.intercept());
    }

    @Test
    void shouldStartKMeansFromTheFirstKRecordsOfTheFileAsFromMemory() throws Exception {
        Path file = numbered(1_000);
        Path model = tmp.resolve("kmeans.json");

        CliRun r = CliRun.of("train", "-q", "--algorithm", "kmeans", "--k", "3", "--input", file.toString(),
                "--batch-size", "128", "--partitions", "2", "--decay-factor", "0.5", "--output", model.toString());

        assertEquals(0, r.status(), r.err());
        List<LabeledPoint> points = readAll(file, CsvFile.Options.defaults().withFeaturesOnly());
        StreamingKMeans inMemory = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3)
                .withDecayFactor(0.5));
        double[][] centers = new double[3][];
        for (int j = 0; j < 3; j++) {
            centers[j] = points.get(j).features().toArray();
        }
        inMemory.setInitialCenters(centers, new double[3]);
        try (StreamingContext ssc = new StreamingContext(replay(2))) {
            DStream<Vector> features = ssc.fromIterable(points, 128).map(LabeledPoint::features);
            inMemory.trainOn(features);
            ssc.start();
            ssc.awaitTermination();
        }
        KMeansModel streamed = ModelIO.load(model, KMeansModel.class);
        assertEquals(8, streamed.version());
        assertTrue(java.util.Arrays.deepEquals(inMemory.latestModel().centers(), streamed.centers()));
        assertArrayEquals(inMemory.latestModel().clusterWeights(), streamed.clusterWeights());
    }

    @Test
    void shouldNameTheFileLineAndColumnOfABadRecordFarIntoTheStream() throws Exception {
        StringBuilder sb = new StringBuilder("label,a\n");
        for (int i = 1; i <= 5_000; i++) {
            sb.append(i).append(',').append(i == 4_321 ? "1.5.2" : Integer.toString(i % 7)).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("late-bad.csv"), sb);

        CliRun r = CliRun.of("train", "-q", "--algorithm", "linreg", "--input", file.toString(), "--batch-size",
                "1000");

        assertEquals(1, r.status());
        assertEquals("train: error: late-bad.csv line 4322, column 2 (a): '1.5.2' is not a number",
                r.err().strip());
    }

    private static List<LabeledPoint> readAll(Path file, CsvFile.Options options) {
        List<LabeledPoint> out = new ArrayList<>();
        CsvFile.of(file, options).forEach(out::add);
        return out;
    }
}
