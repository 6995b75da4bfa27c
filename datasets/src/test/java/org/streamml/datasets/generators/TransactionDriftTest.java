package org.streamml.datasets.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** {@link TransactionGenerator.Drift}: a pattern appears, one fades, genuine spending follows a season. */
class TransactionDriftTest {
    private static final long ROWS = 400_000;
    private static final TransactionGenerator.Drift DRIFT = new TransactionGenerator.Drift(100_000, 200_000,
            50_000, 0, 200_000);
    private static final TransactionGenerator DRIFTING = new TransactionGenerator(
            TransactionGenerator.Options.defaults().withDrift(DRIFT), 23, ROWS);

    @Test
    void cardTestingAppearsFromItsIndexAndUnusualAmountsFadeAway() {
        int[] cardTesting = new int[4];
        int[] unusual = new int[4];
        int[] fraud = new int[4];
        for (Transaction t : DRIFTING) {
            int quarter = (int) (t.id() / 100_000);
            if (t.pattern() == FraudPattern.CARD_TESTING) {
                cardTesting[quarter]++;
                assertEquals("entertainment", t.category(), "card testing buys digital goods");
                assertTrue(t.amount() <= 3.0, "card testing buys for at most 3.00: " + t.amount());
            }
            if (t.pattern() == FraudPattern.UNUSUAL_AMOUNT) {
                unusual[quarter]++;
            }
            if (t.isFraud()) {
                fraud[quarter]++;
            }
        }
        assertEquals(0, cardTesting[0], "none before index 100,000");
        assertTrue(cardTesting[2] > 100, "a fifth of the frauds or more once it has appeared: " + cardTesting[2]);
        assertTrue(unusual[0] > 20 && unusual[1] > 20, "unusual amounts before the fade: " + unusual[0]);
        assertEquals(0, unusual[3], "faded out by index 250,000");
        for (int q = 0; q < 4; q++) {
            assertEquals(0.005, fraud[q] / 100_000.0, 0.0015, "the fraud fraction stays put, quarter " + q);
        }
    }

    @Test
    void genuineSpendingTravelsMoreAndSpendsMoreInTheFirstHalfOfASeason() {
        // Season 0..200,000: s > 0 on 0..100,000 ("summer"), s < 0 on 100,000..200,000.
        double[] travelOrClothing = new double[2];
        double[] logAmount = new double[2];
        int[] genuine = new int[2];
        for (Transaction t : DRIFTING) {
            if (t.isFraud() || t.id() >= 200_000) {
                continue;
            }
            int half = (int) (t.id() / 100_000);
            genuine[half]++;
            logAmount[half] += Math.log(t.amount());
            if (t.category().equals("travel") || t.category().equals("clothing")) {
                travelOrClothing[half]++;
            }
        }
        double summerShare = travelOrClothing[0] / genuine[0];
        double winterShare = travelOrClothing[1] / genuine[1];
        // Measured with seed 23: 0.297 against 0.235 (a quarter of the favourites are travel or clothing anyway).
        assertTrue(summerShare > winterShare + 0.04, "travel and clothing " + summerShare + " vs " + winterShare);
        // exp(0.3 s) with the mean of sin over a half cycle, 2/π: about 0.38 apart on the log scale.
        double apart = logAmount[0] / genuine[0] - logAmount[1] / genuine[1];
        assertEquals(0.6 * 2 / Math.PI, apart, 0.05);
    }

    @Test
    void withoutDriftTheStreamIsTheStationaryOne() {
        TransactionGenerator none = new TransactionGenerator(TransactionGenerator.Options.defaults()
                .withDrift(TransactionGenerator.Drift.NONE), 23, 50_000);
        TransactionGenerator plain = new TransactionGenerator(new TransactionGenerator.Options(2000, 0.005, 2.0),
                23, 50_000);
        Iterator<Transaction> a = none.iterator();
        for (Transaction t : plain) {
            assertEquals(t, a.next());
            assertFalse(t.pattern() == FraudPattern.CARD_TESTING);
        }
        assertFalse(TransactionGenerator.Drift.NONE.drifts());
        assertTrue(DRIFT.drifts());
    }

    @Test
    void theDemosDriftIsPlacedAlongTheStreamAfterTheHistory() {
        TransactionGenerator.Drift d = TransactionGenerator.Drift.over(40_000, 100_000);
        assertEquals(65_000, d.newPatternFrom());
        assertEquals(90_000, d.fadeFrom());
        assertEquals(12_500, d.rampLength());
        assertEquals(0, d.season(39_999));
        assertEquals(1, d.season(65_000), 1e-12);
        assertEquals(0.5, d.appeared(65_000 + 6_250), 1e-12);
        assertEquals(0.5, d.remaining(90_000 + 6_250), 1e-12);
    }

    @Test
    void aDriftOutsideItsRangesIsRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TransactionGenerator.Drift(-1, 0, 1, 0, 0));
        assertTrue(e.getMessage().contains("drift indices must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TransactionGenerator.Drift(0, 0, 0, 0, 0));
        assertEquals("rampLength must be >= 1: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TransactionGenerator.Drift.over(0, 4));
        assertTrue(e.getMessage().contains("length >= 8"), e.getMessage());
    }
}
