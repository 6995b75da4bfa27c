package org.streamml.datasets;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.streamml.datasets.Dataset.Column;
import org.streamml.datasets.generators.HyperplaneGenerator;
import org.streamml.datasets.generators.LinearGenerator;
import org.streamml.datasets.generators.LogisticGenerator;
import org.streamml.datasets.generators.MixtureGenerator;
import org.streamml.datasets.generators.NeuralGenerator;
import org.streamml.datasets.generators.NeuralSample;
import org.streamml.datasets.generators.Neuron;
import org.streamml.datasets.generators.SeaGenerator;
import org.streamml.datasets.generators.SensorGenerator;
import org.streamml.datasets.generators.SensorReading;
import org.streamml.datasets.generators.Transaction;
import org.streamml.datasets.generators.TransactionGenerator;
import org.streamml.datasets.tweets.Tweet;
import org.streamml.datasets.tweets.TweetGenerator;
import org.streamml.ml.LabeledPoint;

/**
 * The catalogue of named datasets, with their default settings and CSV columns: {@code linear},
 * {@code logistic}, {@code mixture}, {@code sea}, {@code hyperplane}, {@code sensors}, {@code neural},
 * {@code transactions}, {@code tweets}. Labelled-point datasets write the label first and then the features, so their
 * CSV trains directly; ground-truth columns that are not features come last.
 */
public final class Datasets {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<Dataset> ALL = List.of(linear(), logistic(), mixture(), sea(), hyperplane(),
            sensors(), neural(), transactions(), tweets());

    private Datasets() {
    }

    /** Every dataset, in catalogue order. */
    public static List<Dataset> all() {
        return ALL;
    }

    /**
     * The dataset called {@code name}.
     *
     * @throws IllegalArgumentException if there is none, naming the known ones
     */
    public static Dataset get(String name) {
        for (Dataset d : ALL) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; known: "
                + ALL.stream().map(Dataset::name).collect(Collectors.joining(", ")));
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in UTC, NAB's timestamp form. */
    static String timestamp(long millis) {
        return TIME.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC));
    }

    private static List<Column> pointColumns(String label, String labelText, int d, Column... extra) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(label, labelText));
        for (int i = 1; i <= d; i++) {
            cols.add(new Column("x" + i, "feature " + i));
        }
        cols.addAll(List.of(extra));
        return cols;
    }

    private static void appendPoint(LabeledPoint p, StringBuilder row) {
        row.append(p.label());
        for (int i = 0; i < p.features().size(); i++) {
            row.append(',').append(p.features().get(i));
        }
    }

    private static Dataset linear() {
        LinearGenerator.Options o = LinearGenerator.Options.defaults();
        return new GeneratorDataset<LabeledPoint>("linear",
                "linear regression: x uniform on [-1,1)^2, y = 10 x1 + 10 x2 + N(0, 0.1^2) (Spark's generator)",
                pointColumns("label", "y", 2), 10_000, (seed, rows) -> new LinearGenerator(o, seed, rows),
                seed -> Datasets::appendPoint);
    }

    private static Dataset logistic() {
        LogisticGenerator.Options o = new LogisticGenerator.Options(new double[] {2, -1, 0.5}, 0.0,
                LogisticGenerator.Mode.STREAMING);
        return new GeneratorDataset<LabeledPoint>("logistic",
                "binary classification: x ~ N(0, I_3), P(y=1) = sigmoid(2 x1 - x2 + 0.5 x3)",
                pointColumns("label", "class 0 or 1", 3), 10_000, (seed, rows) -> new LogisticGenerator(o, seed, rows),
                seed -> Datasets::appendPoint);
    }

    private static Dataset mixture() {
        MixtureGenerator.Options o = MixtureGenerator.Options.defaults().withK(3).withDimension(2).withRadius(0.5)
                .withCenterSpread(5);
        return new GeneratorDataset<LabeledPoint>("mixture",
                "3 Gaussian clusters in 2-D (radius 0.5, centres ~ N(0, 5^2)); point i in cluster i mod 3",
                pointColumns("cluster", "true cluster 0..2 (drop it for k-means)", 2), 10_000,
                (seed, rows) -> new MixtureGenerator(o, seed, rows), seed -> Datasets::appendPoint);
    }

    private static Dataset sea() {
        SeaGenerator.Options o = SeaGenerator.Options.defaults().withConceptLength(2500);
        SeaGenerator concepts = new SeaGenerator(o, 0, 0);
        return new GeneratorDataset<Indexed<LabeledPoint>>("sea",
                "SEA concepts (Street & Kim 2001): label = x1 + x2 <= theta, theta 8,9,7,9.5 changing every 2500"
                        + " rows, 10% label noise",
                pointColumns("label", "class 0 or 1", 3, new Column("concept",
                        "ground truth: concept 0..3 (theta 8, 9, 7, 9.5); drift at every multiple of 2500 rows")),
                10_000, (seed, rows) -> Indexed.of(new SeaGenerator(o, seed, rows)), seed -> (r, row) -> {
                    appendPoint(r.value(), row);
                    row.append(',').append(concepts.concept(r.index()));
                });
    }

    private static Dataset hyperplane() {
        HyperplaneGenerator.Options o = HyperplaneGenerator.Options.defaults().withReversalInterval(2500);
        HyperplaneGenerator segments = new HyperplaneGenerator(o, 0, 0);
        return new GeneratorDataset<Indexed<LabeledPoint>>("hyperplane",
                "rotating hyperplane (Hulten et al. 2001): 10 features, 2 weights drifting 0.001/row, direction"
                        + " reversing every 2500 rows, 5% label noise",
                pointColumns("label", "class 0 or 1", 10, new Column("segment",
                        "ground truth: drift segment (reversals so far); a reversal at every multiple of 2500")),
                10_000, (seed, rows) -> Indexed.of(new HyperplaneGenerator(o, seed, rows)), seed -> (r, row) -> {
                    appendPoint(r.value(), row);
                    row.append(',').append(segments.segment(r.index()));
                });
    }

    private static Dataset sensors() {
        SensorGenerator.Options o = SensorGenerator.Options.defaults();
        return new GeneratorDataset<SensorReading>("sensors",
                "4 sensor channels every 5 min with daily/weekly seasonality, trend, noise and injected anomalies"
                        + " (spike, level shift, gradual drift, stuck value, variance change)",
                List.of(new Column("timestamp", "yyyy-MM-dd HH:mm:ss, UTC, from 2024-01-01"),
                        new Column("step", "0-based time step"), new Column("channel", "0-based channel"),
                        new Column("value", "the reading"),
                        new Column("anomaly", "ground truth: 1 inside an injected anomaly window, else 0"),
                        new Column("kind", "ground truth: NONE, SPIKE, LEVEL_SHIFT, GRADUAL_DRIFT, STUCK or"
                                + " VARIANCE_CHANGE")),
                20_000, (seed, rows) -> new SensorGenerator(o, seed, rows), seed -> (r, row) -> row
                        .append(timestamp(r.timeMillis())).append(',').append(r.step()).append(',')
                        .append(r.channel()).append(',').append(r.value()).append(',')
                        .append(r.isAnomaly() ? 1 : 0).append(',').append(r.anomaly().name()));
    }

    private static Dataset neural() {
        NeuralGenerator.Options o = NeuralGenerator.Options.defaults();
        return new GeneratorDataset<NeuralSample>("neural",
                "calcium-imaging-like traces: 60 neurons in 4 functional groups at 10 frames/s, each group"
                        + " responding to its own stimulus; 3-D positions",
                List.of(new Column("frame", "0-based imaging frame"), new Column("time_s", "frame / 10"),
                        new Column("neuron", "0-based neuron id"),
                        new Column("group", "ground truth: functional group 0..3"),
                        new Column("x", "position, um"), new Column("y", "position, um"),
                        new Column("z", "position (depth), um"),
                        new Column("stimulus", "stimulus shown: 0 none, g+1 for group g"),
                        new Column("spikes", "ground truth: spikes fired in the frame"),
                        new Column("fluorescence", "measured fluorescence (baseline about 1)")),
                60_000, (seed, rows) -> new NeuralGenerator(o, seed, rows), seed -> {
                    List<Neuron> neurons = new NeuralGenerator(o, seed, 0).neurons();
                    return (s, row) -> {
                        Neuron n = neurons.get(s.neuron());
                        row.append(s.frame()).append(',').append(s.frame() / o.frameRate()).append(',')
                                .append(s.neuron()).append(',').append(s.group()).append(',').append(n.x())
                                .append(',').append(n.y()).append(',').append(n.z()).append(',')
                                .append(s.stimulus()).append(',').append(s.spikes()).append(',')
                                .append(s.fluorescence());
                    };
                });
    }

    private static Dataset transactions() {
        TransactionGenerator.Options o = TransactionGenerator.Options.defaults();
        return new GeneratorDataset<Transaction>("transactions",
                "card transactions of 2000 accounts, about 0.5% fraud (account takeover bursts, unusual amounts,"
                        + " new country and merchant)",
                List.of(new Column("id", "0-based transaction id"),
                        new Column("timestamp", "yyyy-MM-dd HH:mm:ss, UTC, from 2024-01-01"),
                        new Column("account", "0-based account"), new Column("amount", "amount, 2 decimals"),
                        new Column("category", "merchant category"), new Column("country", "ISO country code"),
                        new Column("device", "device id"), new Column("fraud", "ground truth: 1 fraud, 0 genuine"),
                        new Column("pattern", "ground truth: NONE, ACCOUNT_TAKEOVER, UNUSUAL_AMOUNT or"
                                + " NEW_COUNTRY_MERCHANT")),
                20_000, (seed, rows) -> new TransactionGenerator(o, seed, rows), seed -> (t, row) -> row
                        .append(t.id()).append(',').append(timestamp(t.timeMillis())).append(',')
                        .append(t.account()).append(',').append(t.amount()).append(',').append(t.category())
                        .append(',').append(t.country()).append(',').append(t.device()).append(',')
                        .append(t.isFraud() ? 1 : 0).append(',').append(t.pattern().name()));
    }

    private static Dataset tweets() {
        TweetGenerator.Options o = TweetGenerator.Options.defaults();
        return new GeneratorDataset<Tweet>("tweets",
                "tweets of 500 users over 40 hashtags with Zipf popularity at 200/s; one tag trends from 40 s to"
                        + " 85 s (half of all hashtags)",
                List.of(new Column("time_ms", "milliseconds since the first tweet"), new Column("user", "author"),
                        new Column("text", "words and hashtags, quoted"),
                        new Column("country", "the author's country (static join table)"),
                        new Column("trending", "ground truth: 1 if the tweet carries the trending tag")),
                10_000, (seed, rows) -> new TweetGenerator(o.withSeed(seed).withCount(rows)), seed -> {
                    TweetGenerator g = new TweetGenerator(o.withSeed(seed).withCount(0));
                    String trending = g.trendingTag();
                    java.util.Map<String, String> countries = g.userCountries();
                    return (t, row) -> row.append(t.toCsv()).append(',').append(countries.get(t.user())).append(',')
                            .append(t.hashtags().contains(trending) ? 1 : 0);
                });
    }
}
