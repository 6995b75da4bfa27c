package org.streamml.datasets.generators;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Card transactions of many accounts with labelled fraud (about {@code fraudRate} of them, 0.5 % by
 * default), in time order. Each account has a home country, one or two devices, three favourite merchant
 * categories and a log-normal typical amount; genuine purchases follow that profile (a few abroad or in
 * another category). Fraud events follow the {@link FraudPattern}s: account-takeover bursts, unusual
 * amounts, new country and merchant. Use {@link TransactionFeatures} to turn the stream into labelled
 * points for a classifier.
 */
public final class TransactionGenerator extends SeededGenerator<Transaction> {
    /** The merchant categories. */
    public static final List<String> CATEGORIES = List.of("grocery", "restaurant", "fuel", "transport",
            "pharmacy", "clothing", "electronics", "travel", "entertainment", "utilities", "gift_cards", "jewelry");
    /** The countries (ISO 3166 alpha-2). */
    public static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "CA", "MX",
            "BR", "IN", "CN", "JP", "AU", "NG", "RU", "ZA", "TR", "AE", "SG");
    /** The mean number of transactions in one fraud event (takeover bursts average 5.5, others 1). */
    private static final double EVENT_SIZE = 0.4 * 5.5 + 0.6;
    private static final long START_MILLIS = 1_704_067_200_000L;

    private final Options options;

    /**
     * What to generate.
     *
     * @param accounts the number of accounts (>= 1)
     * @param fraudRate the expected fraction of fraudulent transactions, in [0, 0.5]
     * @param meanSecondsBetween the mean time between two transactions of the whole stream (> 0)
     */
    public record Options(int accounts, double fraudRate, double meanSecondsBetween) {
        /** Checks the options. */
        public Options {
            if (accounts < 1) {
                throw new IllegalArgumentException("accounts must be >= 1: " + accounts);
            }
            if (!(fraudRate >= 0 && fraudRate <= 0.5)) {
                throw new IllegalArgumentException("fraudRate must be in [0, 0.5]: " + fraudRate);
            }
            checkPositive("meanSecondsBetween", meanSecondsBetween);
        }

        /** 2,000 accounts, 0.5 % fraud, a transaction every 2 s on average. */
        public static Options defaults() {
            return new Options(2000, 0.005, 2.0);
        }

        /** A copy with {@code n} accounts. */
        public Options withAccounts(int n) {
            return new Options(n, fraudRate, meanSecondsBetween);
        }

        /** A copy with fraud fraction {@code r}. */
        public Options withFraudRate(double r) {
            return new Options(accounts, r, meanSecondsBetween);
        }
    }

    /** {@code rows} transactions (or {@link #UNBOUNDED}) from {@code seed}. */
    public TransactionGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    @Override
    protected Cursor<Transaction> start() {
        return new Pass(new SplittableRandom(seed()));
    }

    /** One pass: the account profiles, the clock and the transactions of a takeover burst still to come. */
    private final class Pass implements Cursor<Transaction> {
        private final SplittableRandom rnd;
        private final int[] home;
        private final int[] devices;
        private final int[][] favourites;
        private final double[] logAmount;
        private final ArrayDeque<Transaction> burst = new ArrayDeque<>();
        private final double eventProbability;
        private double seconds;
        private int nextDevice;

        Pass(SplittableRandom rnd) {
            this.rnd = rnd;
            int n = options.accounts();
            home = new int[n];
            devices = new int[n];
            favourites = new int[n][3];
            logAmount = new double[n];
            for (int a = 0; a < n; a++) {
                // Most accounts are domestic (US); the rest spread over the other countries.
                home[a] = rnd.nextDouble() < 0.7 ? 0 : 1 + rnd.nextInt(COUNTRIES.size() - 1);
                devices[a] = rnd.nextDouble() < 0.4 ? 2 : 1;
                for (int k = 0; k < 3; k++) {
                    favourites[a][k] = rnd.nextInt(8);
                }
                logAmount[a] = 3.2 + 0.7 * rnd.nextGaussian();
            }
            nextDevice = 2 * n;
            double r = options.fraudRate();
            eventProbability = r / (EVENT_SIZE * (1 - r) + r);
        }

        @Override
        public Transaction next(long index) {
            seconds += -Math.log(1 - rnd.nextDouble()) * options.meanSecondsBetween();
            Transaction queued = burst.poll();
            if (queued != null) {
                return withId(queued, index);
            }
            int a = rnd.nextInt(options.accounts());
            if (rnd.nextDouble() >= eventProbability) {
                return genuine(index, a);
            }
            double kind = rnd.nextDouble();
            if (kind < 0.4) {
                takeover(a);
                return withId(burst.poll(), index);
            }
            if (kind < 0.7) {
                double amount = Math.exp(logAmount[a]) * (10 + 30 * rnd.nextDouble());
                return tx(index, a, amount, favourites[a][rnd.nextInt(3)], home[a], usualDevice(a),
                        FraudPattern.UNUSUAL_AMOUNT);
            }
            int country = otherThan(home[a], COUNTRIES.size());
            int category = 8 + rnd.nextInt(CATEGORIES.size() - 8);
            double amount = Math.exp(logAmount[a] + 0.5 * rnd.nextGaussian()) * 2;
            return tx(index, a, amount, category, country, usualDevice(a), FraudPattern.NEW_COUNTRY_MERCHANT);
        }

        private Transaction genuine(long index, int a) {
            int category = rnd.nextDouble() < 0.85 ? favourites[a][rnd.nextInt(3)] : rnd.nextInt(10);
            int country = rnd.nextDouble() < 0.98 ? home[a] : rnd.nextInt(COUNTRIES.size());
            double amount = Math.exp(logAmount[a] + 0.6 * rnd.nextGaussian());
            return tx(index, a, amount, category, country, usualDevice(a), FraudPattern.NONE);
        }

        /** Queues a burst of 3 to 8 purchases from a new device, seconds to minutes apart. */
        private void takeover(int a) {
            int size = 3 + rnd.nextInt(6);
            int device = nextDevice++;
            int country = rnd.nextBoolean() ? home[a] : otherThan(home[a], COUNTRIES.size());
            double t = seconds;
            for (int k = 0; k < size; k++) {
                int category = rnd.nextBoolean() ? 6 : 10;
                double amount = Math.exp(logAmount[a] + 0.4 * rnd.nextGaussian()) * (3 + 3 * rnd.nextDouble());
                burst.add(new Transaction(-1, START_MILLIS + (long) (t * 1000), a, cents(amount),
                        CATEGORIES.get(category), COUNTRIES.get(country), device, FraudPattern.ACCOUNT_TAKEOVER));
                t += 5 + 60 * rnd.nextDouble();
            }
        }

        private Transaction withId(Transaction t, long index) {
            long time = Math.max(t.timeMillis(), START_MILLIS + (long) (seconds * 1000));
            seconds = (time - START_MILLIS) / 1000.0;
            return new Transaction(index, time, t.account(), t.amount(), t.category(), t.country(), t.device(),
                    t.pattern());
        }

        private Transaction tx(long index, int a, double amount, int category, int country, int device,
                               FraudPattern pattern) {
            return new Transaction(index, START_MILLIS + (long) (seconds * 1000), a, cents(amount),
                    CATEGORIES.get(category), COUNTRIES.get(country), device, pattern);
        }

        private int usualDevice(int a) {
            return 2 * a + (devices[a] == 2 ? rnd.nextInt(2) : 0);
        }

        private int otherThan(int value, int bound) {
            return (value + 1 + rnd.nextInt(bound - 1)) % bound;
        }

        private double cents(double amount) {
            return Math.max(0.01, Math.round(amount * 100) / 100.0);
        }
    }
}
