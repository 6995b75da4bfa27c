package org.streamml.demos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.streamml.datasets.generators.Transaction;
import org.streamml.datasets.generators.TransactionFeatures;
import org.streamml.datasets.generators.TransactionGenerator;

/**
 * The features the fraud demo scores a transaction by, computed causally from the transaction and its
 * account's past (so the scorer must see the transactions in stream order; not thread-safe): the six
 * account features of {@link TransactionFeatures} (log amount, the amount's z-score against the account's
 * past, new country, new merchant category, new device, log seconds since the account's previous
 * transaction), the hour of day as a point on the unit circle, and the merchant category and country
 * one-hot.
 */
final class FraudFeatures {
    private static final int ACCOUNT = TransactionFeatures.DIMENSION;
    private static final int HOUR = ACCOUNT;
    private static final int CATEGORY = HOUR + 2;
    private static final int COUNTRY = CATEGORY + TransactionGenerator.CATEGORIES.size();
    /** The number of features. */
    static final int DIMENSION = COUNTRY + TransactionGenerator.COUNTRIES.size();
    private static final long MILLIS_PER_HOUR = 3_600_000L;

    private final TransactionFeatures account = new TransactionFeatures();

    /** The features' names, in order. */
    static List<String> names() {
        List<String> names = new ArrayList<>(TransactionFeatures.NAMES);
        names.add("hour_sin");
        names.add("hour_cos");
        TransactionGenerator.CATEGORIES.forEach(c -> names.add("category_" + c));
        TransactionGenerator.COUNTRIES.forEach(c -> names.add("country_" + c));
        return Collections.unmodifiableList(names);
    }

    /** The features of {@code t} given the transactions seen before it; then remembers {@code t}. */
    double[] next(Transaction t) {
        double[] x = new double[DIMENSION];
        System.arraycopy(account.next(t).features().toArray(), 0, x, 0, ACCOUNT);
        double hour = Math.floorMod(t.timeMillis(), 24 * MILLIS_PER_HOUR) / (double) MILLIS_PER_HOUR;
        x[HOUR] = Math.sin(2 * Math.PI * hour / 24);
        x[HOUR + 1] = Math.cos(2 * Math.PI * hour / 24);
        x[CATEGORY + TransactionGenerator.CATEGORIES.indexOf(t.category())] = 1;
        x[COUNTRY + TransactionGenerator.COUNTRIES.indexOf(t.country())] = 1;
        return x;
    }
}
