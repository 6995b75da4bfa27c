package org.streamml.datasets.generators;

/** The fraud patterns {@link TransactionGenerator} plants; {@link #NONE} marks a genuine transaction. */
public enum FraudPattern {
    /** A genuine transaction. */
    NONE,
    /** A burst of 3 to 8 quick, large purchases from a new device (and half the time a new country). */
    ACCOUNT_TAKEOVER,
    /** One purchase 10 to 40 times the account's typical amount, otherwise ordinary. */
    UNUSUAL_AMOUNT,
    /** One purchase from a country and a merchant category the account never used. */
    NEW_COUNTRY_MERCHANT,
    /**
     * A burst of 5 to 12 tiny purchases (0.50 to 3.00) at a digital merchant (entertainment), from the account's
     * own device and country, seconds apart: a thief checking that a stolen card works. It appears only in a
     * drifting stream ({@link TransactionGenerator.Drift}).
     */
    CARD_TESTING
}
