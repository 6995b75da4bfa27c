package org.streamml.datasets.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;

class TransactionGeneratorTest {
    private static final TransactionGenerator GENERATOR = new TransactionGenerator(
            TransactionGenerator.Options.defaults(), 17, 200_000);

    @Test
    void shouldPlantAboutHalfAPercentFraudOfEveryPattern() {
        Map<FraudPattern, Integer> patterns = new EnumMap<>(FraudPattern.class);
        long previousTime = Long.MIN_VALUE;
        long index = 0;
        for (Transaction t : GENERATOR) {
            assertEquals(index++, t.id());
            assertTrue(t.timeMillis() >= previousTime, "time goes back at " + t.id());
            assertTrue(t.amount() > 0);
            previousTime = t.timeMillis();
            patterns.merge(t.pattern(), 1, Integer::sum);
        }
        long fraud = 200_000 - patterns.get(FraudPattern.NONE);
        assertEquals(0.005, fraud / 200_000.0, 0.001);
        assertEquals(4, patterns.size());
    }

    @Test
    void shouldSendTakeoverBurstsFromOneNewDeviceOfOneAccountInARow() {
        Transaction previous = null;
        int bursts = 0;
        for (Transaction t : GENERATOR) {
            if (t.pattern() == FraudPattern.ACCOUNT_TAKEOVER) {
                if (previous != null && previous.pattern() == FraudPattern.ACCOUNT_TAKEOVER
                        && previous.device() == t.device()) {
                    assertEquals(previous.account(), t.account());
                } else {
                    bursts++;
                    assertTrue(t.device() >= 2 * 2000, "takeover device " + t.device() + " is an account's own");
                }
            }
            previous = t;
        }
        assertTrue(bursts > 50, "bursts " + bursts);
    }

    @Test
    void shouldGiveFeaturesThatSeparateFraudFromGenuine() {
        TransactionFeatures features = new TransactionFeatures();
        double[] fraudMean = new double[TransactionFeatures.DIMENSION];
        double[] genuineMean = new double[TransactionFeatures.DIMENSION];
        long fraud = 0;
        long genuine = 0;
        for (Transaction t : GENERATOR) {
            LabeledPoint p = features.next(t);
            assertEquals(t.isFraud() ? 1.0 : 0.0, p.label());
            double[] target = p.label() == 1 ? fraudMean : genuineMean;
            for (int i = 0; i < target.length; i++) {
                target[i] += p.features().get(i);
            }
            fraud += (long) p.label();
            genuine += 1 - (long) p.label();
        }
        for (int i = 0; i < fraudMean.length; i++) {
            fraudMean[i] /= fraud;
            genuineMean[i] /= genuine;
        }
        assertTrue(fraudMean[1] > genuineMean[1] + 1, "amount z-score");
        assertTrue(fraudMean[2] > genuineMean[2] + 0.1, "new country");
        assertTrue(fraudMean[4] > genuineMean[4] + 0.05, "new device");
    }
}
