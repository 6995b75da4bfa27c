package org.streamml.datasets.generators;

import java.util.HashMap;
import java.util.Map;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/**
 * Turns a transaction stream into labelled points (label 1 for fraud) using only each account's past, as a
 * real-time scorer would: it keeps per-account history and must see the transactions in stream order.
 * The features, in order:
 * <ol>
 *   <li>{@code log(1 + amount)};</li>
 *   <li>the amount's z-score against the account's past log-amounts (0 before 3 transactions, clipped to ±10);</li>
 *   <li>1 if the country is new for the account (0 on its first transaction);</li>
 *   <li>1 if the merchant category is new for the account (0 on its first transaction);</li>
 *   <li>1 if the device is new for the account (0 on its first transaction);</li>
 *   <li>{@code log(1 + seconds since the account's previous transaction)}, 12 on its first.</li>
 * </ol>
 * Not thread-safe.
 */
public final class TransactionFeatures {
    /** The number of features. */
    public static final int DIMENSION = 6;
    /** The names of the features, in order. */
    public static final java.util.List<String> NAMES = java.util.List.of("log_amount", "amount_z", "new_country",
            "new_category", "new_device", "log_seconds_since_previous");

    private final Map<Integer, History> accounts = new HashMap<>();

    /** What the scorer remembers of one account. */
    private static final class History {
        long count;
        double mean;
        double m2;
        long countries;
        long categories;
        final int[] devices = new int[4];
        int deviceCount;
        long lastMillis;
    }

    /** The features of {@code t} given the transactions seen before it; then remembers {@code t}. */
    public LabeledPoint next(Transaction t) {
        History h = accounts.computeIfAbsent(t.account(), a -> new History());
        double logAmount = Math.log1p(t.amount());
        long countryBit = 1L << TransactionGenerator.COUNTRIES.indexOf(t.country());
        long categoryBit = 1L << TransactionGenerator.CATEGORIES.indexOf(t.category());
        boolean first = h.count == 0;
        double[] x = new double[DIMENSION];
        x[0] = logAmount;
        if (h.count >= 3) {
            double sd = Math.sqrt(h.m2 / (h.count - 1));
            x[1] = Math.max(-10, Math.min(10, (logAmount - h.mean) / Math.max(sd, 0.1)));
        }
        x[2] = !first && (h.countries & countryBit) == 0 ? 1 : 0;
        x[3] = !first && (h.categories & categoryBit) == 0 ? 1 : 0;
        x[4] = !first && !knows(h, t.device()) ? 1 : 0;
        x[5] = first ? 12 : Math.log1p(Math.max(0, t.timeMillis() - h.lastMillis) / 1000.0);
        remember(h, t, logAmount, countryBit, categoryBit);
        return new LabeledPoint(t.isFraud() ? 1 : 0, DenseVector.wrap(x));
    }

    private static boolean knows(History h, int device) {
        for (int i = 0; i < h.deviceCount; i++) {
            if (h.devices[i] == device) {
                return true;
            }
        }
        return false;
    }

    private static void remember(History h, Transaction t, double logAmount, long countryBit, long categoryBit) {
        h.count++;
        double delta = logAmount - h.mean;
        h.mean += delta / h.count;
        h.m2 += delta * (logAmount - h.mean);
        h.countries |= countryBit;
        h.categories |= categoryBit;
        if (!knows(h, t.device())) {
            h.devices[(h.deviceCount < h.devices.length ? h.deviceCount++ : (int) (h.count % h.devices.length))]
                    = t.device();
        }
        h.lastMillis = t.timeMillis();
    }
}
