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
 *
 * <p>With a {@link Drift} the world changes along the stream (concept drift, seeded like the rest): a new
 * fraud pattern ({@link FraudPattern#CARD_TESTING}) appears and grows, an old one
 * ({@link FraudPattern#UNUSUAL_AMOUNT}) fades out, and genuine spending follows a season (more travel and
 * clothing, more purchases abroad, larger amounts in its first half; the opposite in the second). Without
 * one ({@link Drift#NONE}, the default) the stream is stationary, and identical to what earlier releases
 * generated from the same seed.
 */
public final class TransactionGenerator extends SeededGenerator<Transaction> {
    /** The merchant categories. */
    public static final List<String> CATEGORIES = List.of("grocery", "restaurant", "fuel", "transport",
            "pharmacy", "clothing", "electronics", "travel", "entertainment", "utilities", "gift_cards", "jewelry");
    /** The countries (ISO 3166 alpha-2). */
    public static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "CA", "MX",
            "BR", "IN", "CN", "JP", "AU", "NG", "RU", "ZA", "TR", "AE", "SG");
    /** The mean number of transactions of a takeover burst (3 to 8) and of a card-testing burst (5 to 12). */
    private static final double TAKEOVER_SIZE = 5.5;
    private static final double CARD_TESTING_SIZE = 8.5;
    /** The fraud events' shares before any drift: takeover, unusual amount, new country and merchant. */
    private static final double TAKEOVER_SHARE = 0.4;
    private static final double UNUSUAL_SHARE = 0.3;
    private static final double NEW_COUNTRY_SHARE = 0.3;
    /** The card-testing share once it has fully appeared. */
    private static final double CARD_TESTING_SHARE = 0.4;
    private static final int ENTERTAINMENT = 8;
    private static final int CLOTHING = 5;
    private static final int TRAVEL = 7;
    private static final long START_MILLIS = 1_704_067_200_000L;

    private final Options options;

    /**
     * What to generate.
     *
     * @param accounts the number of accounts (>= 1)
     * @param fraudRate the expected fraction of fraudulent transactions, in [0, 0.5]
     * @param meanSecondsBetween the mean time between two transactions of the whole stream (> 0)
     * @param drift how the stream changes along the way ({@link Drift#NONE}: it does not)
     */
    public record Options(int accounts, double fraudRate, double meanSecondsBetween, Drift drift) {
        /** Checks the options. */
        public Options {
            Objects.requireNonNull(drift, "drift");
            if (accounts < 1) {
                throw new IllegalArgumentException("accounts must be >= 1: " + accounts);
            }
            if (!(fraudRate >= 0 && fraudRate <= 0.5)) {
                throw new IllegalArgumentException("fraudRate must be in [0, 0.5]: " + fraudRate);
            }
            checkPositive("meanSecondsBetween", meanSecondsBetween);
        }

        /** Stationary options: {@code accounts}, fraud fraction {@code fraudRate}, no drift. */
        public Options(int accounts, double fraudRate, double meanSecondsBetween) {
            this(accounts, fraudRate, meanSecondsBetween, Drift.NONE);
        }

        /** 2,000 accounts, 0.5 % fraud, a transaction every 2 s on average, no drift. */
        public static Options defaults() {
            return new Options(2000, 0.005, 2.0);
        }

        /** A copy with {@code n} accounts. */
        public Options withAccounts(int n) {
            return new Options(n, fraudRate, meanSecondsBetween, drift);
        }

        /** A copy with fraud fraction {@code r}. */
        public Options withFraudRate(double r) {
            return new Options(accounts, r, meanSecondsBetween, drift);
        }

        /** A copy that drifts as {@code d} says. */
        public Options withDrift(Drift d) {
            return new Options(accounts, fraudRate, meanSecondsBetween, d);
        }
    }

    /**
     * How the stream drifts, by transaction index (0-based, the history included). The fraud fraction stays
     * {@link Options#fraudRate()} throughout: only the mix of patterns and of genuine spending changes.
     *
     * <ul>
     *   <li><b>A new pattern appears</b>: from {@code newPatternFrom}, {@link FraudPattern#CARD_TESTING}'s share
     *       of fraud events grows linearly over {@code rampLength} transactions to 0.4 (beside takeover 0.4,
     *       new country 0.3 and unusual amount 0.3, before normalising).</li>
     *   <li><b>An old one fades</b>: from {@code fadeFrom}, {@link FraudPattern#UNUSUAL_AMOUNT}'s share falls
     *       linearly over {@code rampLength} transactions to 0.</li>
     *   <li><b>Seasons</b>: from {@code seasonFrom}, genuine spending follows {@code s = sin(2π (i − seasonFrom)
     *       / seasonLength)}: a purchase leaves the account's favourite categories with probability
     *       {@code 0.15 + 0.15·s⁺} and then goes to travel or clothing with probability {@code 0.5·s⁺}, happens
     *       abroad with probability {@code 0.02 + 0.04·s⁺}, and its amount is scaled by {@code exp(0.3·s)}
     *       ({@code s⁺ = max(s, 0)}). {@code seasonLength} 0: no seasons.</li>
     * </ul>
     *
     * @param newPatternFrom the index from which card testing appears ({@link Long#MAX_VALUE}: never)
     * @param fadeFrom the index from which unusual-amount fraud fades ({@link Long#MAX_VALUE}: never)
     * @param rampLength the transactions over which a pattern appears or fades, >= 1
     * @param seasonFrom the index where the first season starts, >= 0
     * @param seasonLength the transactions of one cycle of seasons, >= 0 (0: none)
     */
    public record Drift(long newPatternFrom, long fadeFrom, long rampLength, long seasonFrom, long seasonLength) {
        /** No drift: a stationary stream. */
        public static final Drift NONE = new Drift(Long.MAX_VALUE, Long.MAX_VALUE, 1, 0, 0);

        /** Checks the drift. */
        public Drift {
            if (newPatternFrom < 0 || fadeFrom < 0 || seasonFrom < 0) {
                throw new IllegalArgumentException("drift indices must be >= 0: newPatternFrom " + newPatternFrom
                        + ", fadeFrom " + fadeFrom + ", seasonFrom " + seasonFrom);
            }
            if (rampLength < 1) {
                throw new IllegalArgumentException("rampLength must be >= 1: " + rampLength);
            }
            if (seasonLength < 0) {
                throw new IllegalArgumentException("seasonLength must be >= 0: " + seasonLength);
            }
        }

        /**
         * The drift the fraud demo streams: over the {@code length} transactions from {@code start} (after a
         * stationary history), card testing appears from a quarter of the way, unusual amounts fade from half
         * way, each over an eighth of the length, and one cycle of seasons spans the whole length.
         */
        public static Drift over(long start, long length) {
            if (start < 0 || length < 8) {
                throw new IllegalArgumentException("a drift needs start >= 0 and length >= 8: " + start + ", "
                        + length);
            }
            return new Drift(start + length / 4, start + length / 2, length / 8, start, length);
        }

        /** Whether anything drifts. */
        public boolean drifts() {
            return newPatternFrom != Long.MAX_VALUE || fadeFrom != Long.MAX_VALUE || seasonLength > 0;
        }

        /** How far card testing has appeared at {@code index}, in [0, 1]. */
        public double appeared(long index) {
            return ramp(index, newPatternFrom);
        }

        /** How much of unusual-amount fraud is left at {@code index}, in [0, 1]. */
        public double remaining(long index) {
            return 1 - ramp(index, fadeFrom);
        }

        /** The season at {@code index}, in [-1, 1]; 0 before the first season and without seasons. */
        public double season(long index) {
            if (seasonLength == 0 || index < seasonFrom) {
                return 0;
            }
            return Math.sin(2 * Math.PI * ((index - seasonFrom) % seasonLength) / seasonLength);
        }

        private double ramp(long index, long from) {
            if (index <= from) {
                return 0;
            }
            return Math.min(1, (double) (index - from) / rampLength);
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
        private final Drift drift;
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
            drift = options.drift();
        }

        @Override
        public Transaction next(long index) {
            seconds += -Math.log(1 - rnd.nextDouble()) * options.meanSecondsBetween();
            Transaction queued = burst.poll();
            if (queued != null) {
                return withId(queued, index);
            }
            int a = rnd.nextInt(options.accounts());
            // The shares of the fraud events at this point of the stream (constant without drift).
            double unusual = UNUSUAL_SHARE * drift.remaining(index);
            double cardTesting = CARD_TESTING_SHARE * drift.appeared(index);
            double shares = TAKEOVER_SHARE + unusual + NEW_COUNTRY_SHARE + cardTesting;
            double eventSize = (TAKEOVER_SHARE * TAKEOVER_SIZE + (unusual + NEW_COUNTRY_SHARE)
                    + cardTesting * CARD_TESTING_SIZE) / shares;
            // An event of eventSize frauds with probability p keeps the fraud fraction at r.
            double r = options.fraudRate();
            if (rnd.nextDouble() >= r / (eventSize * (1 - r) + r)) {
                return genuine(index, a);
            }
            double kind = rnd.nextDouble() * shares;
            if (kind < TAKEOVER_SHARE) {
                takeover(a);
                return withId(burst.poll(), index);
            }
            if (kind >= TAKEOVER_SHARE + unusual + NEW_COUNTRY_SHARE) {
                cardTesting(a);
                return withId(burst.poll(), index);
            }
            if (kind < TAKEOVER_SHARE + unusual) {
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
            double season = drift.season(index);
            double summer = Math.max(season, 0);
            int category;
            if (rnd.nextDouble() < 0.85 - 0.15 * summer) {
                category = favourites[a][rnd.nextInt(3)];
            } else if (summer > 0 && rnd.nextDouble() < 0.5 * summer) {
                category = rnd.nextBoolean() ? TRAVEL : CLOTHING;
            } else {
                category = rnd.nextInt(10);
            }
            int country = rnd.nextDouble() < 0.98 - 0.04 * summer ? home[a] : rnd.nextInt(COUNTRIES.size());
            double amount = Math.exp(logAmount[a] + 0.6 * rnd.nextGaussian() + 0.3 * season);
            return tx(index, a, amount, category, country, usualDevice(a), FraudPattern.NONE);
        }

        /** Queues a burst of 5 to 12 tiny purchases at a digital merchant, a few seconds apart. */
        private void cardTesting(int a) {
            int size = 5 + rnd.nextInt(8);
            int device = usualDevice(a);
            double t = seconds;
            for (int k = 0; k < size; k++) {
                double amount = 0.5 + 2.5 * rnd.nextDouble();
                burst.add(new Transaction(-1, START_MILLIS + (long) (t * 1000), a, cents(amount),
                        CATEGORIES.get(ENTERTAINMENT), COUNTRIES.get(home[a]), device, FraudPattern.CARD_TESTING));
                t += 2 + 10 * rnd.nextDouble();
            }
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
