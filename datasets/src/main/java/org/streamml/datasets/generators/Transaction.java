package org.streamml.datasets.generators;

/**
 * A card transaction of {@link TransactionGenerator}, with its ground truth.
 *
 * @param id the 0-based transaction id (its index in the stream)
 * @param timeMillis the time, milliseconds since the epoch (UTC); non-decreasing
 * @param account the 0-based account
 * @param amount the amount, rounded to cents (> 0)
 * @param category the merchant category, one of {@link TransactionGenerator#CATEGORIES}
 * @param country the ISO 3166 country code, one of {@link TransactionGenerator#COUNTRIES}
 * @param device the device id
 * @param pattern the fraud pattern, {@link FraudPattern#NONE} when genuine
 */
public record Transaction(long id, long timeMillis, int account, double amount, String category, String country,
                          int device, FraudPattern pattern) {

    /** Whether the transaction is fraudulent. */
    public boolean isFraud() {
        return pattern != FraudPattern.NONE;
    }
}
