package org.streamml.demos;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.streamml.datasets.generators.Transaction;
import org.streamml.datasets.generators.TransactionGenerator;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;

/**
 * The fraud demo's data: one seeded run of the {@link TransactionGenerator}, its first {@code history}
 * transactions as the labelled slice the offline model trains on, and the rest as the stream. Features are
 * {@link FraudFeatures}, computed in stream order (the stream's features continue from the history's account
 * state) and standardised with the history's mean and standard deviation, so nothing from the stream leaks into
 * training. Iterating the stream again replays it from the start.
 */
final class FraudData implements Iterable<FraudData.Case> {

    /**
     * One streamed transaction with its standardised features.
     *
     * @param transaction the transaction
     * @param features its features
     */
    record Case(Transaction transaction, Vector features) {
        /** The label: 1 for fraud. */
        double label() {
            return transaction.isFraud() ? 1 : 0;
        }

        /** The case as a labelled point for training. */
        LabeledPoint point() {
            return new LabeledPoint(label(), features);
        }
    }

    private final TransactionGenerator generator;
    private final int history;
    private final List<LabeledPoint> historical;
    private final double[] mean;
    private final double[] scale;

    /** The first {@code history} of {@code generator}'s transactions as history, the rest as the stream. */
    FraudData(TransactionGenerator generator, int history) {
        if (history < 2) {
            throw new IllegalArgumentException("history must hold >= 2 transactions: " + history);
        }
        this.generator = generator;
        this.history = history;
        List<double[]> raw = new ArrayList<>(history);
        List<Double> labels = new ArrayList<>(history);
        FraudFeatures features = new FraudFeatures();
        Iterator<Transaction> it = generator.iterator();
        while (raw.size() < history && it.hasNext()) {
            Transaction t = it.next();
            raw.add(features.next(t));
            labels.add(t.isFraud() ? 1.0 : 0.0);
        }
        if (raw.size() < history) {
            throw new IllegalArgumentException("the generator holds " + raw.size() + " transactions, fewer than the "
                    + history + " of the history");
        }
        int d = FraudFeatures.DIMENSION;
        mean = new double[d];
        scale = new double[d];
        for (double[] x : raw) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / history;
            }
        }
        for (double[] x : raw) {
            for (int j = 0; j < d; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / (history - 1);
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        List<LabeledPoint> points = new ArrayList<>(history);
        for (int i = 0; i < history; i++) {
            points.add(new LabeledPoint(labels.get(i), standardise(raw.get(i))));
        }
        this.historical = List.copyOf(points);
    }

    /** The labelled history, standardised. */
    List<LabeledPoint> history() {
        return historical;
    }

    private Vector standardise(double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] = (x[j] - mean[j]) / scale[j];
        }
        return DenseVector.wrap(x);
    }

    /** The streamed transactions, after the history, in order. */
    @Override
    public Iterator<Case> iterator() {
        Iterator<Transaction> it = generator.iterator();
        FraudFeatures features = new FraudFeatures();
        for (int i = 0; i < history; i++) {
            features.next(it.next());
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Case next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                Transaction t = it.next();
                return new Case(t, standardise(features.next(t)));
            }
        };
    }
}
